/**
 * Chooses and builds the storage plug-in from the settings (STORAGE_DRIVER and friends).
 * Options are checked against the plug-in's schema, so a missing S3 setting fails at start-up
 * with the option's name instead of at the first upload.
 */
import path from 'node:path';
import type { Settings } from '../../config/settings.js';
import { instantiatePlugin, PluginOptionsError } from '../plugins/plugin-definition.js';
import { demoStoragePlugin, failingDemoStoragePlugin } from './demo-storage.js';
import type { FileStorage } from './file-storage.js';
import { localStoragePlugin } from './local-storage.js';
import { s3StoragePlugin } from './s3-storage.js';

/** Every storage plug-in, by id. */
export const storagePlugins = {
  local: localStoragePlugin,
  s3: s3StoragePlugin,
  demo: demoStoragePlugin,
  'failing-demo': failingDemoStoragePlugin,
} as const;

type StorageSettings = Pick<
  Settings,
  'storageDriver' | 'storageDir' | 'dataDir' | 's3Endpoint' | 's3Bucket' | 's3Region' | 's3AccessKeyId' | 's3SecretAccessKey' | 's3ForcePathStyle'
>;

/** Builds the configured storage; throws PluginOptionsError naming each missing or bad option. */
export function createStorageFromSettings(settings: StorageSettings): FileStorage {
  if (settings.storageDriver === 's3') {
    const required = {
      S3_ENDPOINT: settings.s3Endpoint,
      S3_BUCKET: settings.s3Bucket,
      S3_REGION: settings.s3Region,
      S3_ACCESS_KEY_ID: settings.s3AccessKeyId,
      S3_SECRET_ACCESS_KEY: settings.s3SecretAccessKey,
    };
    const missing = Object.entries(required).filter(([, value]) => !value).map(([env]) => env);
    if (missing.length > 0) throw new PluginOptionsError(`STORAGE_DRIVER=s3 needs ${missing.join(', ')}`);
    return instantiatePlugin(storagePlugins.s3, {
      endpoint: settings.s3Endpoint,
      bucket: settings.s3Bucket,
      region: settings.s3Region,
      accessKeyId: settings.s3AccessKeyId,
      secretAccessKey: settings.s3SecretAccessKey,
      forcePathStyle: settings.s3ForcePathStyle,
      stagingDir: path.join(settings.dataDir, 'upload-staging'),
    });
  }
  return instantiatePlugin(storagePlugins.local, { root: settings.storageDir });
}
