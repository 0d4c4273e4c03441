/**
 * Chooses the virus scanner from the settings: clamd when CLAMD_ENABLED, otherwise none.
 */
import type { Settings } from '../../../config/settings.js';
import { instantiatePlugin } from '../../plugins/plugin-definition.js';
import { clamdScannerPlugin } from './clamd-scanner.js';
import { demoScannerPlugin, failingDemoScannerPlugin, offScannerPlugin } from './demo-scanners.js';
import type { VirusScanner } from './virus-scanner.js';

/** Every scanner plug-in, by id. */
export const scannerPlugins = {
  off: offScannerPlugin,
  clamd: clamdScannerPlugin,
  demo: demoScannerPlugin,
  'failing-demo': failingDemoScannerPlugin,
} as const;

/** Builds the configured scanner. */
export function createScannerFromSettings(settings: Pick<Settings, 'clamdEnabled' | 'clamdHost' | 'clamdPort' | 'clamdTimeoutMs'>): VirusScanner {
  if (!settings.clamdEnabled) return instantiatePlugin(scannerPlugins.off, {});
  return instantiatePlugin(scannerPlugins.clamd, { host: settings.clamdHost, port: settings.clamdPort, timeoutMs: settings.clamdTimeoutMs });
}
