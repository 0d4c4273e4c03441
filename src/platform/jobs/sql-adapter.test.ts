import PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { unwrapLockedScript } from './sql-adapter.js';

describe('unwrapLockedScript', () => {
  it("turns pg-boss's BEGIN … COMMIT scripts into one implicit transaction", () => {
    const script = 'BEGIN;\n SET LOCAL lock_timeout = 1;\n DELETE FROM pgboss.archive;\n COMMIT;\n';
    expect(unwrapLockedScript(script)).toBe('\n SET LOCAL lock_timeout = 1;\n DELETE FROM pgboss.archive;\n ');
  });

  it('leaves single statements and scripts with their own transaction control alone', () => {
    expect(unwrapLockedScript('SELECT version FROM pgboss.version')).toBeNull();
    expect(unwrapLockedScript('BEGIN; SELECT 1; COMMIT; BEGIN; SELECT 2; COMMIT;')).toBeNull();
  });

  it('recognises the scripts pg-boss 10 actually sends', () => {
    expect(unwrapLockedScript(PgBoss.getConstructionPlans('pgboss'))).not.toBeNull();
  });
});
