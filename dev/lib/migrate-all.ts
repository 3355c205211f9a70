/**
 * Migrates many tenant databases, one after another, reporting a line per
 * tenant. A failing tenant does not stop the run: it is named at the end and
 * the caller exits non-zero. Running again resumes: tenants already at the
 * latest version are skipped, failed ones are retried from their last version.
 */
import type { Client } from "@libsql/client";
import { migrateTenant, type Migration } from "../../worker/db/migrate";

export interface TenantOutcome {
  slug: string;
  ok: boolean;
  applied: string[];
  version: string | null;
  error?: string;
}

export interface MigrateAllOptions {
  slugs: readonly string[];
  openClient: (slug: string) => Client;
  migrations: readonly Migration[];
  /** Receives one human-readable line per tenant, as it finishes. */
  log?: (line: string) => void;
}

export async function migrateAllTenants({ slugs, openClient, migrations, log = () => {} }: MigrateAllOptions) {
  const outcomes: TenantOutcome[] = [];
  const width = String(slugs.length).length;
  for (const [i, slug] of slugs.entries()) {
    const n = `[${String(i + 1).padStart(width)}/${slugs.length}]`;
    const client = openClient(slug);
    try {
      const { applied, version } = await migrateTenant(client, migrations);
      outcomes.push({ slug, ok: true, applied, version });
      const what = applied.length ? `applied ${applied.join(", ")}` : "up to date";
      log(`${n} ✓ ${slug}: ${what} (schema ${version ?? "empty"})`);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      outcomes.push({ slug, ok: false, applied: [], version: null, error });
      log(`${n} ✗ ${slug}: ${error}`);
    } finally {
      client.close();
    }
  }
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.slug);
  return { outcomes, failed };
}
