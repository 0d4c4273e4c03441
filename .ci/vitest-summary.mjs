// Reads a Vitest JSON report and prints one line of counts for .ci/run:
//   <passed> <failed> <skipped> <browser-passed> <browser-skipped>
// Browser tests are the files under test/e2e/. A missing or unreadable report counts as one failure.
import fs from 'node:fs';
import path from 'node:path';

const [reportFile] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
} catch {
  console.log('0 1 0 0 0');
  process.exit(0);
}

const skippedStates = new Set(['skipped', 'pending', 'todo']);
let passed = 0;
let failed = 0;
let skipped = 0;
let browserPassed = 0;
let browserSkipped = 0;
for (const file of report.testResults ?? []) {
  const isBrowser = path.relative(process.cwd(), file.name).split(path.sep).slice(0, 2).join('/') === 'test/e2e';
  const tests = file.assertionResults ?? [];
  // A file that failed before any test ran (import error, failing beforeAll) still counts.
  if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) failed += 1;
  for (const t of tests) {
    if (t.status === 'passed') {
      passed += 1;
      if (isBrowser) browserPassed += 1;
    } else if (t.status === 'failed') failed += 1;
    else if (skippedStates.has(t.status)) {
      skipped += 1;
      if (isBrowser) browserSkipped += 1;
    }
  }
}
console.log(`${passed} ${failed} ${skipped} ${browserPassed} ${browserSkipped}`);
