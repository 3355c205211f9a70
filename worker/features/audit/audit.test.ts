import type { Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { auditInsert, recordAudit, type AuditEntry } from "./audit";
import { listAudit } from "./list-audit";

const login: AuditEntry = {
  actorId: "u1",
  actor: "a@example.cn",
  action: "auth.login",
  result: "ok",
  ip: "203.0.113.9",
  detail: { remember: true },
};

describe("audit log", () => {
  let client: Client;
  let db: TenantDb;
  beforeEach(async () => {
    ({ client, db } = await openMemoryTenantDb());
  });
  afterEach(() => client.close());

  it("records entries and lists them newest first with their detail parsed", async () => {
    await recordAudit(db, login, new Date("2026-11-01T08:00:00.000Z"));
    await recordAudit(
      db,
      { actor: "anonymous", action: "auth.login", result: "denied", detail: { reason: "bad_credentials" } },
      new Date("2026-11-01T08:01:00.000Z"),
    );
    const rows = await listAudit({ db });
    expect(rows.map((r) => [r.at, r.actor, r.result])).toEqual([
      ["2026-11-01T08:01:00.000Z", "anonymous", "denied"],
      ["2026-11-01T08:00:00.000Z", "a@example.cn", "ok"],
    ]);
    expect(rows[0]).toMatchObject({ actorId: null, target: null, ip: null, detail: { reason: "bad_credentials" } });
    expect(rows[1]).toMatchObject({ actorId: "u1", ip: "203.0.113.9", detail: { remember: true } });
  });

  it("pages with before, filters by action and clamps the limit", async () => {
    const now = new Date("2026-11-01T08:00:00.000Z");
    for (let i = 0; i < 5; i++)
      await recordAudit(db, { ...login, action: i % 2 ? "auth.logout" : "auth.login", target: `t${i}` }, now);
    const first = await listAudit({ db }, { limit: 2 });
    expect(first.map((r) => r.target)).toEqual(["t4", "t3"]);
    const next = await listAudit({ db }, { limit: 2, before: first.at(-1)!.id });
    expect(next.map((r) => r.target)).toEqual(["t2", "t1"]);
    expect((await listAudit({ db }, { action: "auth.logout" })).map((r) => r.target)).toEqual(["t3", "t1"]);
    expect(await listAudit({ db }, { limit: 0 })).toHaveLength(1);
  });

  it("commits an audit row in the same batch as the change it records", async () => {
    await db.batch([
      auditInsert(db, login, new Date()),
      auditInsert(db, { ...login, action: "auth.logout" }, new Date()),
    ]);
    expect(await listAudit({ db })).toHaveLength(2);
  });

  it.each(["password", "newPassword", "resetToken", "TOKEN_HASH", "clientSecret"])(
    "refuses a detail key that looks secret: %s",
    async (key) => {
      expect(() => auditInsert(db, { ...login, detail: { [key]: "x" } }, new Date())).toThrow(/looks secret/);
      await expect(recordAudit(db, { ...login, detail: { [key]: "x" } }, new Date())).rejects.toThrow(/looks secret/);
      expect(await listAudit({ db })).toEqual([]);
    },
  );

  it("is append-only: UPDATE and DELETE are refused by the database", async () => {
    await recordAudit(db, login, new Date());
    await expect(client.execute("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(client.execute("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    expect((await listAudit({ db }))[0]!.actor).toBe("a@example.cn");
  });
});
