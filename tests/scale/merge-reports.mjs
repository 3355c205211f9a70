// CI (.ci/run): merges vitest's JSON reports of `npm test` and `npm run test:scale` into one,
// so dev/ci-summary.mjs still prints the one "N passed, N failed" line over both. A missing
// report counts as a failed suite (the run did not get as far as vitest). Plain JS, as the summary.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const [out, ...inputs] = process.argv.slice(2);
const KEYS = [
  "numPassedTests",
  "numFailedTests",
  "numRuntimeErrorTests",
  "numPendingTests",
  "numTodoTests",
  "numFailedTestSuites",
];
const merged = Object.fromEntries(KEYS.map((k) => [k, 0]));
for (const file of inputs) {
  if (!existsSync(file)) {
    console.error(`no test report at ${file}`);
    merged.numFailedTestSuites += 1;
    merged.numRuntimeErrorTests += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  for (const k of KEYS) merged[k] += report[k] ?? 0;
}
writeFileSync(out, JSON.stringify(merged));
