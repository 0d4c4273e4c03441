import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../app.js';
import { loadSettings } from '../../config/settings.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { createJobQueue, type JobQueue } from '../jobs/job-queue.js';
import { startWorker, type Worker } from '../jobs/worker.js';
import { createMemoryStorage } from '../storage/demo-storage.js';
import { createMailTransport } from './mail-transport.js';
import { queueMailForSending, sendMailJob } from './send-mail-job.js';

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in time');
}

describe('mail.send job', () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let queue: JobQueue;
  let worker: Worker;
  let wurzen: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    smtp = await startTestSmtp();
    const settings = loadSettings({ NODE_ENV: 'test' });
    const log = pino({ level: 'silent' });
    queue = await createJobQueue(t.db, { jobs: [sendMailJob], log, supervise: false, pollingIntervalSeconds: 0.5 });
    worker = await startWorker(queue, [sendMailJob], {
      db: t.db,
      settings,
      clock: systemClock,
      log,
      pollingIntervalSeconds: 0.5,
      mail: createMailTransport({ smtpUrl: smtp.url, from: 'noreply@test.invalid' }),
      storage: createMemoryStorage(),
    });
    wurzen = await tenantIdOf(t.db, 'wurzen');
  });
  afterAll(async () => {
    await worker?.stop(5000);
    await queue?.stop(5000);
    await smtp?.close();
    await t?.drop();
  });

  it('sends a mail queued in a committed transaction, and none from a rolled-back one', async () => {
    const mail = (subject: string) => ({ to: 'eva@example.org', template: 't', subject, text: 'Hallo', html: '<p>Hallo</p>' });
    await t.db.withTenant(wurzen, (trx) => queueMailForSending(trx, queue, wurzen, mail('Bestätigung Straße')));
    await expect(
      t.db.withTenant(wurzen, async (trx) => {
        await queueMailForSending(trx, queue, wurzen, mail('Zurückgenommen'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rowsNow = () => t.db.withTenant(wurzen, (trx) => trx.selectFrom('mail_outbox').select(['subject', 'status']).execute());
    // The worker marks the mail sent just after the server took it.
    await waitFor(async () => smtp.messages.some((m) => m.subject === 'Bestätigung Straße') && (await rowsNow()).every((r) => r.status === 'sent'));
    const rows = await rowsNow();
    expect(rows).toEqual([{ subject: 'Bestätigung Straße', status: 'sent' }]);
    expect(smtp.messages.filter((m) => m.subject === 'Zurückgenommen')).toHaveLength(0);
  });
});
