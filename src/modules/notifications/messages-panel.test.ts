import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestCase, tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { createTranslator } from '../../platform/i18n/i18n.js';
import { buildMessageCatalogue } from '../../platform/i18n/messages.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { messagesCasePanel } from './messages-panel.js';

describe('messages panel', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('shows a failed mail with its error and attempts, only on its own case', async () => {
    const wurzen = await tenantIdOf(t.db, 'wurzen');
    const caseId = await insertTestCase(t.db, wurzen);
    const other = await insertTestCase(t.db, wurzen);
    await t.db.withTenant(wurzen, async (trx) => {
      const id = await queueMail(trx, wurzen, { to: 'a@example.org', template: 't', subject: 'Eingangsbestätigung', text: 'x', html: 'x', caseId });
      await trx.updateTable('mail_outbox').set({ status: 'failed', attempts: 9, last_error: '550 Mailbox <unavailable>' }).where('id', '=', id).execute();
    });
    const t9 = createTranslator('de', buildMessageCatalogue(), true);
    const load = async (id: string) => {
      const loaded = await t.db.withTenant(wurzen, (trx) => messagesCasePanel().load({ trx, tenantId: wurzen, tenantSlug: 'wurzen', caseId: id, staffId: 'x', locale: 'de', t: t9 }));
      if (!loaded) throw new Error('the messages panel is on every case page');
      return loaded;
    };
    const panel = await load(caseId);
    expect(panel.items).toHaveLength(1);
    expect(panel.items[0]!.status).toEqual({ label: 'nicht zustellbar', tone: 'danger' });
    expect(panel.items[0]!.details).toContain('Versuche: 9');
    expect(panel.items[0]!.details).toContain('Letzter Fehler: 550 Mailbox <unavailable>');
    expect((await load(other)).items).toHaveLength(0);
  });
});
