/**
 * The application secret. Production must configure APP_SECRET; in development and test a
 * random secret is created once and kept in DATA_DIR, so tokens survive a restart.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../config/settings.js';

/** Returns the configured secret, or the one stored in DATA_DIR (created on first use). */
export function resolveAppSecret(settings: Pick<Settings, 'appSecret' | 'dataDir' | 'runtime'>): string {
  if (settings.appSecret) return settings.appSecret;
  if (settings.runtime === 'production') throw new Error('APP_SECRET is required in production');
  const file = path.join(settings.dataDir, 'app-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(settings.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
