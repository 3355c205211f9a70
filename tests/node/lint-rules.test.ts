/**
 * `npm run lint` is what keeps the layers one-way (docs/STYLE.md, decision 0015). These
 * tests prove its rules bite: each writes a small offending fixture into the tree, runs
 * the same tool the lint script runs on it, and expects a failure naming the rule.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const made: string[] = [];

function fixture(dir: string, files: Record<string, string>): string {
  const rel = `${dir}/.lint-fixture-${process.pid}-${made.length}`;
  mkdirSync(join(root, rel), { recursive: true });
  made.push(rel);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, rel, name), text);
  return rel;
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const biome = (paths: string[]) => run(join(root, "node_modules/.bin/biome"), ["lint", ...paths]);

/**
 * Biome's findings for one fixture: the diagnostics whose header names a file under `dir`. The fixtures
 * are linted in one run (each run loads the whole project's module graph for the cycle rule: ~3 s).
 */
function findingsIn(out: string, dir: string): string {
  return out
    .split(/\n(?=\S+:\d+:\d+ )/)
    .filter((block) => block.startsWith(dir))
    .join("\n");
}

afterAll(() => {
  for (const rel of made.splice(0)) rmSync(join(root, rel), { recursive: true, force: true });
});

describe("npm run lint refuses", () => {
  const dirs = { cycle: "", view: "", layer: "", clean: "" };
  let out = "";
  beforeAll(() => {
    dirs.cycle = fixture("worker/lib", {
      "a.ts": 'import type { B } from "./b";\nexport interface A {\n  b?: B;\n}\n',
      "b.ts": 'import type { A } from "./a";\nexport interface B {\n  a?: A;\n}\n',
    });
    dirs.view = fixture("web/pages", {
      "view.tsx": 'import { signedIn } from "../../../worker/features/auth/guard";\nexport const x = signedIn;\n',
    });
    dirs.layer = fixture("worker/engines", {
      "engine.ts": 'import { signedIn } from "../../../worker/features/auth/guard";\nexport const x = signedIn;\n',
    });
    dirs.clean = fixture("worker/lib", { "fine.ts": 'export const fine = "好";\n' });
    const r = biome(Object.values(dirs));
    expect(r.status).not.toBe(0);
    out = r.out;
  });

  it("an import cycle, even through type-only imports", () => {
    expect(findingsIn(out, dirs.cycle)).toContain("noImportCycles");
  });

  it("a view importing from a feature", () => {
    const found = findingsIn(out, dirs.view);
    expect(found).toContain("noRestrictedImports");
    expect(found).toContain("web/ must not import from worker/features/");
  });

  it("a layer below features importing one", () => {
    expect(findingsIn(out, dirs.layer)).toContain("are below features");
  });

  it("a line longer than 120 characters, but not in a verbatim seed document", () => {
    const long = `export const s = "${"政".repeat(110)}";\n`;
    const dir = fixture("worker/lib", { "long.ts": long });
    const seed = fixture("tenants/zibo/documents", { "quote.ts": long });
    const r = run(join(root, "node_modules/.bin/tsx"), ["dev/check-line-length.ts", dir, seed]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/long\.ts:1: 1[23]\d characters/);
    expect(r.out).not.toContain("quote.ts");
  });

  it("nothing in a clean file", () => {
    expect(findingsIn(out, dirs.clean)).toBe("");
  });
});
