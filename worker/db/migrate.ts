/**
 * Applies the bundled migrations to one tenant database. Each migration runs in
 * one write batch together with its bookkeeping row, so a tenant is never left
 * half-migrated: a failure leaves it at the previous version and the next run
 * resumes from there. Hashes guard against editing a migration after release.
 */
import type { Client } from "@libsql/client";

export interface Migration {
  /** drizzle-kit tag, e.g. "0000_init"; order is the tag order. */
  tag: string;
  /** SHA-256 of the migration's SQL file. */
  hash: string;
  statements: string[];
}

export interface MigrateResult {
  /** Tags applied by this run, in order. */
  applied: string[];
  /** The tenant's schema version after the run: the last applied tag (null if none). */
  version: string | null;
}

const LEDGER = "_schema_migrations";

export async function migrateTenant(client: Client, migrations: readonly Migration[]): Promise<MigrateResult> {
  const columns = "tag TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL";
  await client.execute(`CREATE TABLE IF NOT EXISTS ${LEDGER} (${columns})`);
  const done = await readLedger(client);
  for (const [tag, hash] of done) {
    const known = migrations.find((m) => m.tag === tag);
    if (known && known.hash !== hash) {
      throw new Error(`migration ${tag} was changed after it was applied (hash differs); add a new migration instead`);
    }
  }
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.tag)) continue;
    await client.batch(
      [
        ...m.statements,
        {
          sql: `INSERT INTO ${LEDGER} (tag, hash, applied_at) VALUES (?, ?, ?)`,
          args: [m.tag, m.hash, new Date().toISOString()],
        },
      ],
      "write",
    );
    applied.push(m.tag);
  }
  const all = [...done.keys(), ...applied].sort();
  return { applied, version: all.at(-1) ?? null };
}

/** The tenant's current schema version, or null for a database never migrated. */
export async function schemaVersion(client: Client): Promise<string | null> {
  const exists = await client.execute({
    sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    args: [LEDGER],
  });
  if (exists.rows.length === 0) return null;
  const rs = await client.execute(`SELECT tag FROM ${LEDGER} ORDER BY tag DESC LIMIT 1`);
  return rs.rows.length ? String(rs.rows[0]![0]) : null;
}

async function readLedger(client: Client): Promise<Map<string, string>> {
  const rs = await client.execute(`SELECT tag, hash FROM ${LEDGER} ORDER BY tag`);
  return new Map(rs.rows.map((r) => [String(r[0]), String(r[1])]));
}
