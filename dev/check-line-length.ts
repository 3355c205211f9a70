/**
 * Lines of code and comments stay within 120 characters (Biome's formatter wraps
 * code but never splits a string or a comment). Verbatim seed text — the policy
 * documents under tenants/<zone>/documents/ — is exempt: it is quoted as published.
 * Run by `npm run lint`; exits 1 and lists every line over the limit.
 * Usage: tsx dev/check-line-length.ts [path…] (default: every tracked source file).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const LIMIT = 120;
const SOURCE = /\.(ts|tsx|mjs|cjs|js)$/;
const EXEMPT = [/^tenants\/[^/]+\/documents\//, /^migrations\//, /^worker-configuration\.d\.ts$/];

const tracked = execFileSync("git", ["ls-files", "-co", "--exclude-standard", ...process.argv.slice(2)], {
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => SOURCE.test(f) && !EXEMPT.some((re) => re.test(f)));

const over: string[] = [];
for (const file of tracked) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    continue; // deleted in the working tree, not yet in the index
  }
  text.split("\n").forEach((line, i) => {
    // Characters, not UTF-16 units: a CJK character counts once.
    const length = [...line].length;
    if (length > LIMIT) over.push(`${file}:${i + 1}: ${length} characters`);
  });
}
if (over.length > 0) {
  console.error(`${over.length} lines longer than ${LIMIT} characters (split the string or the comment):`);
  for (const o of over) console.error(`  ${o}`);
  process.exit(1);
}
