/**
 * PGlite's shared buffers: 16 MB unless PGLITE_SHARED_BUFFERS says otherwise (they stay in the
 * process's memory for its whole life), and a value that is not a size stops the start with the
 * setting's name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.js';
import { databaseTargetFromSettings, openDatabase } from './database.js';

async function sharedBuffersOf(target: Parameters<typeof openDatabase>[0]): Promise<string> {
  const db = await openDatabase(target);
  try {
    const { rows } = await db.sql.query<{ shared_buffers: string }>('show shared_buffers');
    return rows[0]!.shared_buffers;
  } finally {
    await db.close();
  }
}

describe('PGlite shared buffers', () => {
  it('are 16 MB by default', async () => {
    expect(await sharedBuffersOf({ kind: 'pglite' })).toBe('16MB');
  });

  it('follow PGLITE_SHARED_BUFFERS for the database in DATA_DIR', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-buffers-'));
    try {
      const settings = loadSettings({ NODE_ENV: 'test', DATA_DIR: dataDir, PGLITE_SHARED_BUFFERS: '24MB' });
      expect(await sharedBuffersOf(databaseTargetFromSettings(settings))).toBe('24MB');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuse a value that is not a size, naming the setting', () => {
    expect(() => loadSettings({ NODE_ENV: 'test', PGLITE_SHARED_BUFFERS: 'viel' })).toThrow(/PGLITE_SHARED_BUFFERS must be a size such as 16MB/);
    expect(() => loadSettings({ NODE_ENV: 'test', PGLITE_SHARED_BUFFERS: '0MB' })).toThrow(/PGLITE_SHARED_BUFFERS/);
  });
});
