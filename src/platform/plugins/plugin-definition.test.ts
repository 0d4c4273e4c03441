import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.js';
import { storagePlugins } from '../storage/create-storage.js';
import { createScannerFromSettings, scannerPlugins } from '../uploads/scanners/create-scanner.js';
import { instantiatePlugin, PluginOptionsError } from './plugin-definition.js';

describe('plug-ins', () => {
  it('refuse options that do not match their schema, naming the option', () => {
    expect(() => instantiatePlugin(scannerPlugins.clamd, { host: 'clamav', port: 70000, timeoutMs: 1000 })).toThrow(PluginOptionsError);
    expect(() => instantiatePlugin(scannerPlugins.clamd, { host: 'clamav', port: 70000, timeoutMs: 1000 })).toThrow(/plug-in "clamd"[\s\S]*\/port/);
    expect(() => instantiatePlugin(storagePlugins.local, { root: '/tmp/x', extra: true })).toThrow(/plug-in "local"/);
  });

  it('every family offers demo and failing-demo variants (STYLE.md practice 5)', () => {
    for (const family of [storagePlugins, scannerPlugins]) {
      expect(Object.keys(family)).toEqual(expect.arrayContaining(['demo', 'failing-demo']));
      for (const [id, plugin] of Object.entries(family)) expect(plugin.id).toBe(id);
    }
  });

  it('the scanner is off by default and clamd when CLAMD_ENABLED', () => {
    expect(createScannerFromSettings(loadSettings({ NODE_ENV: 'test' })).id).toBe('off');
    expect(createScannerFromSettings(loadSettings({ NODE_ENV: 'test', CLAMD_ENABLED: 'true', CLAMD_HOST: 'clamav', CLAMD_PORT: '3310' })).id).toBe('clamd');
    expect(() => loadSettings({ NODE_ENV: 'test', CLAMD_PORT: '0' })).toThrow(/CLAMD_PORT must be greater than 0/);
  });
});
