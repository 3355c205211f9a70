// Prints "N passed, N failed" from vitest's JSON report: the one line CI reads.
// Plain JS so it runs on any Node, even if the install failed halfway.
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2] ?? ".vitest-results.json";
if (!existsSync(file)) {
  console.log("0 passed, 1 failed");
  console.error(`no test report at ${file}: the test run did not get as far as vitest (see the type check above)`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, "utf8"));
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTests ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const suitesFailed = report.numFailedTestSuites ?? 0;
const failedShown = failed + (failed === 0 && suitesFailed > 0 ? suitesFailed : 0);
console.log(`${passed} passed, ${failedShown} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed + suitesFailed > 0 ? 1 : 0);
