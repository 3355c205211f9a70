/**
 * The ids of the demo organisations, and the move of databases seeded before
 * they had them. Demo rows use the same id format as real ones (worker/lib/ids.ts
 * demoId), so every API path schema accepts them; earlier seeds wrote readable
 * ids ("demo-ent-zibo", "demo-bank2-changzhi") that the path schemas refuse.
 * Seeding renames such rows in place, with every reference to them, so a local
 * database keeps its demo history and a second seed adds nothing.
 */
import { is, sql } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { TenantDb } from "../../worker/db/open";
import * as schema from "../../worker/db/schema";
import { demoId } from "../../worker/lib/ids";

/** The demo enterprise of a zone (the README's enterprise@<zone>.demo belongs to it). */
export const demoEnterpriseId = (slug: string) => demoId(`enterprise:${slug}`);

/** A zone's demo bank: the first is bank@<zone>.demo's, Changzhi also has a 2nd and 3rd. */
export const demoBankId = (slug: string, n: 1 | 2 | 3 = 1) => demoId(n === 1 ? `bank:${slug}` : `bank${n}:${slug}`);

type Kind = "enterprise" | "bank";

/** The readable ids earlier seeds used, with their replacements. */
export function legacyDemoIds(slug: string): { kind: Kind; legacy: string; id: string }[] {
  const ids: { kind: Kind; legacy: string; id: string }[] = [
    { kind: "enterprise", legacy: `demo-ent-${slug}`, id: demoEnterpriseId(slug) },
    { kind: "bank", legacy: `demo-bank-${slug}`, id: demoBankId(slug) },
  ];
  for (const n of [2, 3] as const) ids.push({ kind: "bank", legacy: `demo-bank${n}-${slug}`, id: demoBankId(slug, n) });
  return ids;
}

const tables = (Object.values(schema) as unknown[])
  .filter((v): v is SQLiteTable => is(v, SQLiteTable))
  .map((t) => getTableConfig(t));

/**
 * Renames one enterprise or bank and every column that refers to it: each
 * table's enterprise_id / bank_id (found from the schema, so a new table is
 * covered), and materials owned by an enterprise. One transaction with foreign
 * keys checked at its end. The audit log is append-only and keeps the old id.
 * False when there is no row `from`.
 */
export async function renameOrganisation(db: TenantDb, kind: Kind, from: string, to: string): Promise<boolean> {
  const parent = kind === "enterprise" ? "enterprises" : "banks";
  const column = kind === "enterprise" ? "enterprise_id" : "bank_id";
  const [found] = await db.all<{ id: string }>(sql`SELECT id FROM ${sql.identifier(parent)} WHERE id = ${from}`);
  if (!found) return false;
  const referring = tables
    .filter((t) => t.name !== "audit_log" && t.columns.some((c) => c.name === column))
    .map((t) => t.name);
  await db.batch([
    db.run(sql`PRAGMA defer_foreign_keys = ON`),
    db.run(sql`UPDATE ${sql.identifier(parent)} SET id = ${to} WHERE id = ${from}`),
    ...referring.map((name) => {
      const col = sql.identifier(column);
      return db.run(sql`UPDATE ${sql.identifier(name)} SET ${col} = ${to} WHERE ${col} = ${from}`);
    }),
    ...(kind === "enterprise"
      ? [db.run(sql`UPDATE materials SET owner_id = ${to} WHERE owner_kind = 'enterprise' AND owner_id = ${from}`)]
      : []),
  ]);
  return true;
}

/** Moves a zone's demo organisations from their old readable ids to demoId()s; how many moved. */
export async function adoptLegacyDemoIds(db: TenantDb, slug: string): Promise<number> {
  let moved = 0;
  for (const { kind, legacy, id } of legacyDemoIds(slug)) if (await renameOrganisation(db, kind, legacy, id)) moved++;
  return moved;
}
