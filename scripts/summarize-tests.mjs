// Prints the suite's closing line in the plain form CI reads: "suite: N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log('suite: 0 passed, 1 failed');
  console.error(`no test report at ${file}: the test run did not complete`);
  process.exit(1);
}
const skipped = report.numPendingTests + (report.numTodoTests ?? 0);
console.log(`\nsuite: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
