/**
 * `npm run tenant:create` end to end, in a scratch copy of tenants/ inside the
 * repo (so zod resolves) and a scratch database folder.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../migrations/bundle";
import { schemaVersion } from "../worker/db/migrate";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../", import.meta.url));
mkdirSync(join(root, ".data"), { recursive: true });
const scratch = mkdtempSync(join(root, ".data", "tenant-create-"));
const tenantsDir = join(scratch, "tenants");
mkdirSync(tenantsDir);
for (const f of ["schema.ts", "registry.ts"]) copyFileSync(join(root, "tenants", f), join(tenantsDir, f));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tsx = join(root, "node_modules", ".bin", "tsx");
const env = { ...process.env, LIBSQL_URL_TEMPLATE: `file:${scratch}/{tenant}.db` };
const create = (...args: string[]) =>
  run(tsx, ["dev/create-tenant.ts", "--tenants-dir", tenantsDir, ...args], { cwd: root, env });
const details = [
  "--name",
  "潍坊高新区",
  "--name-en",
  "Weifang Hi-tech Zone",
  "--province",
  "山东省",
  "--city",
  "潍坊市",
  "--phone",
  "0536-8888888",
];

describe("tenant:create", () => {
  it("scaffolds the zone, lists it in the index, and creates and migrates its database", async () => {
    const { stdout } = await create("weifang", ...details);
    expect(stdout).toContain("✓ wrote tenants/weifang/zone.ts");
    expect(readFileSync(join(tenantsDir, "index.ts"), "utf8")).toContain('import zone_weifang from "./weifang/zone";');
    const client = createClient({ url: `file:${scratch}/weifang.db` });
    expect(await schemaVersion(client)).toBe(migrations.at(-1)!.tag);
    client.close();
  }, 30_000);

  it.each([
    [["www", ...details], /reserved name/],
    [["Bad_Slug", ...details], /cannot be a zone slug/],
    [["weifang", ...details], /already exists/],
    [["linyi", ...details.slice(0, 8)], /--phone is required/],
    [["linyi", ...details.slice(0, 9), "12345"], /phone: area code and number/],
  ])(
    "refuses %j with a message and writes nothing",
    async (args, message) => {
      const err = (await create(...(args as string[])).catch((e: { code: number; stderr: string }) => e)) as {
        code: number;
        stderr: string;
      };
      expect(err.code).toBe(2);
      expect(err.stderr).toMatch(message);
      expect(existsSync(join(tenantsDir, "linyi"))).toBe(false);
      expect(existsSync(join(scratch, "linyi.db"))).toBe(false);
    },
    30_000,
  );
});
