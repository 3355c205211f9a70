/**
 * `npm run db:migrate` over 100 fresh zone databases on the local libSQL server (issue 15:
 * under 30 s), timed as an operator waits for it: the real command in its own process,
 * from start to exit, then once more with nothing to do (the resumed run). Reported, not
 * asserted: the figure depends on the disk.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import { startLibsqlServer } from "../dev/libsql-server/server";
import { platformMigrations } from "../migrations/platform/bundle";
import { insertTenant } from "../worker/control-plane/records";
import { migrateTenant } from "../worker/db/migrate";

export interface MigrateFigures {
  zones: number;
  concurrency: number;
  /** Wall time of the first run (every migration applied), seconds. */
  firstSeconds: number;
  /** The same run's own count, from its first line to its last (no process start-up), seconds. */
  firstInnerSeconds: number;
  /** Wall time of a second run (every zone up to date), seconds. */
  againSeconds: number;
  againInnerSeconds: number;
}

export async function benchMigrate(options: { zones: number; concurrency: number }): Promise<MigrateFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), "yuanqu-bench-migrate-"));
  const server = await startLibsqlServer({ dataDir, port: 0 });
  try {
    const platform = createClient({ url: server.tenantUrl("platform") });
    await migrateTenant(platform, platformMigrations);
    const db = drizzle(platform);
    for (let i = 1; i <= options.zones; i++) {
      const slug = `mig-${String(i).padStart(3, "0")}`;
      const identity = {
        slug,
        name: { zh: `第${i}号高新区`, en: `Park ${i}` },
        region: { province: "山东省", city: "淄博市" },
        phone: "0533-1234567",
        template: "blank",
      };
      await insertTenant(db, { ...identity, status: "active", dbName: slug, nowMs: Date.now() });
    }
    platform.close();

    const env = {
      ...process.env,
      PLATFORM_DB_URL: server.tenantUrl("platform"),
      LIBSQL_URL_TEMPLATE: `${server.url}/t/{tenant}/`,
    };
    const args = ["dev/migrate.ts", "--concurrency", String(options.concurrency)];
    const first = await timed(args, env);
    const applied = first.out.split("\n").filter((l) => /✓ mig-\d+: applied /.test(l)).length;
    if (first.code !== 0 || applied !== options.zones)
      throw new Error(`db:migrate exited ${first.code} with ${applied} zone(s) migrated:\n${first.out}`);
    const again = await timed(args, env);
    const upToDate = again.out.split("\n").filter((l) => /✓ mig-\d+: up to date/.test(l)).length;
    if (again.code !== 0 || upToDate !== options.zones)
      throw new Error(`db:migrate (again) exited ${again.code} with ${upToDate} zone(s) up to date:\n${again.out}`);
    return {
      ...options,
      firstSeconds: first.seconds,
      firstInnerSeconds: innerSeconds(first.out),
      againSeconds: again.seconds,
      againInnerSeconds: innerSeconds(again.out),
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The command's closing line says how long the migrating took: "… at the latest schema in 3.2 s." */
function innerSeconds(out: string): number {
  const m = out.match(/at the latest schema in ([\d.]+) s/);
  return m ? Number(m[1]) : Number.NaN;
}

/** Runs the command without blocking this process: the libSQL server it talks to lives here. */
function timed(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; seconds: number }> {
  const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, out, seconds: (performance.now() - started) / 1000 }));
  });
}
