/** `npm run user:create`: the operator gives a zone a user with a one-time link, never a password. */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zones } from "../tenants/index";
import { hashResetToken } from "../worker/features/auth/reset-tokens";
import { prepareTenant } from "./lib/prepare-tenant";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "yuanqu-user-"));
const env = {
  ...process.env,
  LIBSQL_URL_TEMPLATE: `file:${dir}/{tenant}.db`,
  PUBLIC_URL_TEMPLATE: "https://{tenant}.yuanqu.example.cn",
};
const create = (...args: string[]) =>
  run(join(root, "node_modules", ".bin", "tsx"), ["dev/create-user.ts", ...args], { cwd: root, env });

beforeAll(async () => {
  const client = createClient({ url: `file:${dir}/zibo.db` });
  await prepareTenant(client, zones.get("zibo")!);
  client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("user:create", () => {
  it("creates the user and prints a one-time link on the zone's public origin whose hash is stored", async () => {
    const { stdout } = await create("zibo", "Head.Admin@Zibo.gov.cn", "--role", "zone_admin", "--name", "王主任");
    const link = /https:\/\/zibo\.yuanqu\.example\.cn\/reset-password\?token=([\w-]+)/.exec(stdout);
    expect(link).not.toBeNull();
    const client = createClient({ url: `file:${dir}/zibo.db` });
    const user = await client.execute("SELECT id, role, name FROM users WHERE email = 'head.admin@zibo.gov.cn'");
    expect(user.rows.map((r) => [r[1], r[2]])).toEqual([["zone_admin", "王主任"]]);
    const token = await client.execute({
      sql: "SELECT kind FROM password_reset_tokens WHERE token_hash = ? AND user_id = ?",
      args: [await hashResetToken(link![1]!), user.rows[0]![0]!],
    });
    expect(token.rows.map((r) => r[0])).toEqual(["admin"]);
    const audit = await client.execute("SELECT actor, action FROM audit_log WHERE target = 'head.admin@zibo.gov.cn'");
    expect(audit.rows.map((r) => [r[0], r[1]])).toEqual([["operator", "user.created"]]);
    client.close();
  }, 30_000);

  it.each([
    [["zibo", "head.admin@zibo.gov.cn", "--role", "zone_admin", "--name", "王主任"], /already has an account/, 1],
    [["nowhere", "a@b.cn", "--role", "zone_admin", "--name", "x"], /zone: one of/, 2],
    [["zibo", "a@b.cn", "--role", "boss", "--name", "x"], /--role: one of/, 2],
    [["zibo", "a@b.cn", "--role", "reviewer"], /--name is required/, 2],
    [["zibo", "a@b.cn", "--role", "enterprise", "--name", "x"], /needs --enterprise/, 2],
  ])(
    "refuses %j with a message",
    async (args, message, code) => {
      const err = (await create(...(args as string[])).catch((e: { code: number; stderr: string }) => e)) as {
        code: number;
        stderr: string;
      };
      expect(err.code).toBe(code);
      expect(err.stderr).toMatch(message);
    },
    30_000,
  );
});
