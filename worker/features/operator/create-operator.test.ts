import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../../migrations/platform/bundle";
import { migrateTenant } from "../../db/migrate";
import { operators } from "../../db/platform-schema";
import { verifyPassword } from "../auth/password";
import { createOperator } from "./create-operator";

const client = createClient({ url: ":memory:" });
const db = drizzle(client);

beforeAll(async () => {
  await migrateTenant(client, platformMigrations);
});

describe("createOperator", () => {
  it("creates an operator with a lower-cased e-mail and a PBKDF2 hash of the password", async () => {
    const result = await createOperator({
      db,
      email: "  Ops@Example.CN ",
      name: "运营甲",
      password: "First-password-2026",
      nowMs: 1_000,
    });
    expect(result.created).toBe(true);
    const [row] = await db.select().from(operators);
    expect(row).toMatchObject({ id: result.id, email: "ops@example.cn", name: "运营甲", status: "active" });
    expect(row!.passwordHash).not.toContain("First-password-2026");
    expect((await verifyPassword("First-password-2026", row!.passwordHash)).ok).toBe(true);
  });

  it("is idempotent on e-mail and never replaces the password", async () => {
    const [before] = await db.select().from(operators);
    const again = await createOperator({
      db,
      email: "ops@example.cn",
      name: "别的名字",
      password: "Other-password-2026",
      nowMs: 2_000,
    });
    expect(again).toEqual({ id: before!.id, created: false });
    const rows = await db.select().from(operators);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.passwordHash).toBe(before!.passwordHash);
    expect(rows[0]!.name).toBe("运营甲");
  });
});
