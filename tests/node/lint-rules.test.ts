/**
 * `npm run lint` is what keeps the layers one-way (docs/STYLE.md, decision 0015). These
 * tests prove its rules bite: each writes a small offending fixture into the tree, runs
 * the same tool the lint script runs on it, and expects a failure naming the rule.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

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
const biome = (path: string) => run(join(root, "node_modules/.bin/biome"), ["lint", path]);

afterEach(() => {
  for (const rel of made.splice(0)) rmSync(join(root, rel), { recursive: true, force: true });
});

describe("npm run lint refuses", () => {
  it("an import cycle, even through type-only imports", () => {
    const dir = fixture("worker/lib", {
      "a.ts": 'import type { B } from "./b";\nexport interface A {\n  b?: B;\n}\n',
      "b.ts": 'import type { A } from "./a";\nexport interface B {\n  a?: A;\n}\n',
    });
    const r = biome(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("noImportCycles");
  });

  it("a view importing from a feature", () => {
    const dir = fixture("web/pages", {
      "view.tsx": 'import { signedIn } from "../../../worker/features/auth/guard";\nexport const x = signedIn;\n',
    });
    const r = biome(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("noRestrictedImports");
    expect(r.out).toContain("web/ must not import from worker/features/");
  });

  it("a layer below features importing one", () => {
    const dir = fixture("worker/engines", {
      "engine.ts": 'import { signedIn } from "../../../worker/features/auth/guard";\nexport const x = signedIn;\n',
    });
    const r = biome(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("are below features");
  });

  it("a line longer than 120 characters, but not in a verbatim seed document", () => {
    const long = `export const s = "${"政".repeat(110)}";\n`;
    const dir = fixture("worker/lib", { "long.ts": long });
    const r = run(join(root, "node_modules/.bin/tsx"), ["dev/check-line-length.ts", dir]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/long\.ts:1: 1[23]\d characters/);

    const seed = fixture("tenants/zibo/documents", { "quote.ts": long });
    expect(run(join(root, "node_modules/.bin/tsx"), ["dev/check-line-length.ts", seed]).status).toBe(0);
  });

  it("nothing in a clean file", () => {
    const dir = fixture("worker/lib", { "fine.ts": 'export const fine = "好";\n' });
    expect(biome(dir).status).toBe(0);
  });
});
