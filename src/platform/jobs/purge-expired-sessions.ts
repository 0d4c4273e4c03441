/**
 * Hourly housekeeping of the login tables: sessions past their absolute or idle end, and
 * login-throttle counters whose window and block are both over. Logins already sweep a
 * returning user's own sessions; this catches the people who never come back.
 * Idempotent by nature: a second run finds nothing left to delete.
 */
import { Type } from '@sinclair/typebox';
import { defineJob } from './job.js';

export const purgeExpiredSessionsJob = defineJob({
  name: 'platform.purge-expired-sessions',
  payloadSchema: Type.Object({}, { additionalProperties: false }),
  schedule: { cron: '17 * * * *' },
  async handler(_payload, { db, clock, settings, log }) {
    const now = clock.now();
    const idleLimit = new Date(now.getTime() - settings.sessionIdleMinutes * 60_000);
    const windowLimit = new Date(now.getTime() - settings.loginWindowMinutes * 60_000);
    const sessions = await db.kysely
      .deleteFrom('staff_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleLimit)]))
      .executeTakeFirst();
    const throttles = await db.kysely
      .deleteFrom('login_throttle')
      .where('window_started_at', '<=', windowLimit)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
      .executeTakeFirst();
    log.info({ sessions: Number(sessions.numDeletedRows), throttles: Number(throttles.numDeletedRows) }, 'purged expired sessions');
  },
});
