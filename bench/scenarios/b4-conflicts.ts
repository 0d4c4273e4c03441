/**
 * B4: the traffic-order conflict check against 100,000 approved orders in one town (10,000 in
 * the quick size). The orders are seeded set-based (cases and footprints in one statement);
 * then `findConflicts` — what the conflict rules run for every application — is timed for new
 * applications on the town's streets, drawn and typed, in the town's withTenant transaction as
 * the app role. Baselines in the same run: the same checks in a town without orders, and the
 * bare indexed query on (tenant, street, end) that the typed check narrows by.
 */
import { loadTrafficSettings } from '../../src/services/verkehr/traffic-settings.js';
import { prepareBenchPlatform } from '../lib/b3-platform.js';
import { checkFootprints, explainCheck, timeChecks, timeStreetLookups } from '../lib/b4-checks.js';
import { seedTrafficOrders } from '../lib/b4-seed.js';
import { measurement, repeat } from '../lib/measure.js';
import { withMigratedDatabase } from '../lib/b3-database.js';
import type { BenchContext, BenchScenario, Comparison, Measurement, ScenarioResult } from '../lib/scenario.js';
import { percentile } from '../lib/stats.js';

const SIZES = {
  quick: { orders: 10_000, checks: 100 },
  full: { orders: 100_000, checks: 300 },
} as const;

/** Issue 7's target per check. */
const TARGET_P99_MS = 10;

const fmt = (n: number) => n.toLocaleString('en-US');

function latencies(key: string, label: string, runs: number[][]): Measurement[] {
  return [
    measurement(`${key}-p50`, `${label}, p50`, 'ms', 'lower', runs.map((t) => percentile(t, 50))),
    measurement(`${key}-p99`, `${label}, p99`, 'ms', 'lower', runs.map((t) => percentile(t, 99))),
  ];
}

async function run(ctx: BenchContext): Promise<ScenarioResult> {
  const size = SIZES[ctx.size];
  const notes: string[] = [];
  const checks: ScenarioResult['checks'] = [];
  // The app's pool: every connection is the role rathaus_app, so RLS applies as in production.
  return withMigratedDatabase(ctx.postgresUrl, async (db) => {
    const platform = await prepareBenchPlatform(db, { extraTowns: false });
    const town = platform.tenants.find((t) => t.slug === 'wurzen')!;
    const empty = platform.tenants.find((t) => t.slug === 'thallwitz')!;
    const now = new Date();
    ctx.progress(`B4: seeding ${fmt(size.orders)} approved orders`);
    const seedStart = performance.now();
    const streets = await seedTrafficOrders(db, town, platform.services.get('verkehrsrechtliche-anordnung')!, size.orders, now);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const buffer = (await db.withTenant(town.id, (trx) => loadTrafficSettings(trx, town.id))).conflictBufferMeters;
    const ahead = await db.withTenant(town.id, (trx) =>
      trx.selectFrom('traffic_orders').select((eb) => eb.fn.countAll<number>().as('n')).where('occupied_to', '>=', now.toISOString().slice(0, 10)).executeTakeFirstOrThrow(),
    );

    const drawn = checkFootprints(streets, size.checks, now, true, 11);
    const typed = checkFootprints(streets, size.checks, now, false, 13);
    // Untimed: the first checks of a fresh pool plan the statement and read the index pages.
    await timeChecks(db, town.id, drawn.slice(0, 10), buffer);
    await timeChecks(db, empty.id, drawn.slice(0, 10), buffer);
    const runs = { drawn: [] as number[][], typed: [] as number[][], empty: [] as number[][], street: [] as number[][] };
    let found = 0;
    await repeat(ctx, `B4: ${size.checks} drawn and ${size.checks} typed checks`, async () => {
      const d = await timeChecks(db, town.id, drawn, buffer);
      const t = await timeChecks(db, town.id, typed, buffer);
      runs.drawn.push(d.times);
      runs.typed.push(t.times);
      found = d.conflicts + t.conflicts;
      runs.empty.push((await timeChecks(db, empty.id, drawn, buffer)).times);
      runs.street.push(await timeStreetLookups(db, town.id, typed));
    });
    const measurements = [
      ...latencies('check-drawn', `Conflict check, drawn place, ${fmt(size.orders)} orders`, runs.drawn),
      ...latencies('check-typed', `Conflict check, typed place, ${fmt(size.orders)} orders`, runs.typed),
      ...latencies('check-empty', 'Baseline: the same drawn checks in a town without orders', runs.empty),
      ...latencies('street-lookup', 'Baseline: bare indexed query, one street by (tenant, street, end)', runs.street),
    ];

    notes.push(
      `${ctx.size === 'quick' ? `Quick size: reduced to ${fmt(size.orders)} orders (the full run seeds 100,000). ` : ''}` +
        `Seeded ${fmt(size.orders)} approved traffic orders in ${town.slug} in ${seedSeconds.toFixed(1)} s (cases and footprints set-based, then VACUUM ANALYZE); ${fmt(Number(ahead.n))} of them end today or later. ` +
        `Checked: ${size.checks} new applications drawn and ${size.checks} typed per repetition, periods starting 1–8 weeks ahead, buffer ${buffer} m (the town's setting); each check is findConflicts in its own withTenant transaction as the app role. ` +
        `${fmt(found)} conflicts found in the last repetition's ${2 * size.checks} checks.`,
    );
    ctx.progress('B4: EXPLAIN (ANALYZE, BUFFERS) of a drawn and a typed check');
    // Migration 0014: drawn places by period and bounds, typed ones by street and period, both as index conditions.
    for (const [what, fp, index] of [['drawn', drawn[0]!, 'traffic_orders_drawn'], ['typed', typed[0]!, 'traffic_orders_street']] as const) {
      const plan = await explainCheck(db, town.id, fp, buffer);
      const ok = !/Seq Scan on traffic_orders/.test(plan) && plan.includes(` ${index} `);
      checks.push({ name: `B4 ${what} check reads traffic_orders through ${index}`, ok, detail: ok ? undefined : `no ${index} in the plan, or a sequential scan` });
      notes.push(`Plan of a ${what} check, as rathaus_app in ${town.slug}'s withTenant:\n\n\`\`\`\n${plan}\n\`\`\``);
    }
    checks.push({ name: 'B4 the checks find conflicts (they search where orders are)', ok: found > 0, detail: `${found} conflicts` });

    const target = { op: '<' as const, value: TARGET_P99_MS, text: `p99 < ${TARGET_P99_MS} ms at 100,000 orders` };
    const comparisons: Comparison[] = [
      { label: 'Drawn check p99 against the same check without orders', measurement: 'check-drawn-p99', baseline: 'check-empty-p99', target },
      { label: 'Typed check p99 against the bare street query', measurement: 'check-typed-p99', baseline: 'street-lookup-p99', target },
      { label: 'Drawn check p50 against the same check without orders', measurement: 'check-drawn-p50', baseline: 'check-empty-p50' },
    ];
    return { measurements, comparisons, notes, checks };
  });
}

export const scenario: BenchScenario = {
  id: 'B4',
  title: 'Traffic-order conflict check against 100,000 approved orders',
  description:
    'findConflicts, the conflict check the traffic-order rules run for every application, against 100,000 approved orders in one town (10,000 in the quick size): p50/p99 per check for drawn places (box and exact distance) and typed places (street, side, house numbers), against the same check in a town without orders and the bare indexed street query; with the EXPLAIN (ANALYZE, BUFFERS) of the check\'s query.',
  run,
};
