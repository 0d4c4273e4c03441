/**
 * Helpers for channel tests: a payload with matching meta, and an environment on a temporary
 * drop folder. Test support for src/modules/deliveries.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createMailTransport, type MailTransport } from '../../src/platform/mail/mail-transport.js';
import type { DeliveryEnvironment, DeliveryMeta } from '../../src/modules/deliveries/channels/delivery-channel.js';
import { createStaticSecrets } from '../../src/modules/deliveries/channels/directory-secrets.js';

/** A payload and the meta a delivery of it would carry. */
export function samplePayload(content = '<?xml version="1.0"?><nachricht>Müller &amp; Söhne</nachricht>', overrides: Partial<DeliveryMeta> = {}) {
  const bytes = Buffer.from(content);
  const meta: DeliveryMeta = {
    tenantId: randomUUID(),
    deliveryId: randomUUID(),
    caseId: randomUUID(),
    caseReference: 'WUR-GEW-2026-000123',
    recipient: { id: 'ihk', displayName: 'IHK zu Leipzig' },
    payload: { filename: 'GewA1.xml', mediaType: 'application/xml', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length },
    ...overrides,
  };
  return { bytes, meta, stream: () => Readable.from([bytes]) };
}

/** An environment with a fresh temporary drop root; `cleanup` removes it. */
export function testEnvironment(opts: { mail?: MailTransport; secrets?: Record<string, string> } = {}): DeliveryEnvironment & { cleanup(): void } {
  const dropRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-drop-'));
  return {
    dropRoot,
    secrets: createStaticSecrets(opts.secrets ?? {}),
    mail: opts.mail ?? createMailTransport({ from: 'noreply@test.invalid' }),
    cleanup: () => fs.rmSync(dropRoot, { recursive: true, force: true }),
  };
}

/** The visible (non-hidden) files below a folder, relative to it. */
export function visibleFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => !path.basename(f).startsWith('.') && fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** All files below a folder, hidden ones included. */
export function allFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}
