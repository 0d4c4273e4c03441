import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.js';
import { createStorageFromSettings } from './create-storage.js';

const production = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://rathaus.example', APP_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example:587' };

describe('storage settings', () => {
  it('defaults to the local folder DATA_DIR/files', () => {
    const settings = loadSettings({ NODE_ENV: 'test', DATA_DIR: '/srv/rathaus' });
    expect(settings.storageDriver).toBe('local');
    expect(settings.storageDir).toBe(path.resolve('/srv/rathaus/files'));
    expect(createStorageFromSettings(settings).id).toBe('local');
  });

  it('production with STORAGE_DRIVER=s3 refuses to start without the S3 settings, naming each', () => {
    expect(() => loadSettings({ ...production, STORAGE_DRIVER: 's3' })).toThrow(
      /S3_ENDPOINT is required in production when STORAGE_DRIVER=s3[\s\S]*S3_BUCKET[\s\S]*S3_REGION[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/,
    );
    const problemsWithLocal = (() => {
      try {
        loadSettings(production);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(problemsWithLocal).not.toMatch(/S3_/);
  });

  it('builds the S3 adapter from complete settings and names missing ones otherwise', () => {
    const s3 = { STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'files', S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(createStorageFromSettings(loadSettings({ NODE_ENV: 'test', ...s3 })).id).toBe('s3');
    expect(() => createStorageFromSettings(loadSettings({ NODE_ENV: 'test', ...s3, S3_BUCKET: '' }))).toThrow(/STORAGE_DRIVER=s3 needs S3_BUCKET/);
    expect(() => loadSettings({ NODE_ENV: 'test', STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER must be local or s3/);
  });
});
