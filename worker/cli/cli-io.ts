/**
 * What an operator CLI command gets from its process: the environment, where its lines go,
 * and stdin (passwords are read from there or the environment, never from argv, which other
 * users of the machine can see in the process list). Tests pass their own and call the
 * commands in-process.
 */
import { mkdirSync } from "node:fs";
import { platformMigrations } from "../../migrations/platform/bundle";
import { schemaVersion } from "../db/migrate";
import { localPublicUrlTemplate } from "../env";
import { isSchemaBehind } from "../middleware/schema-check";
import { createNodeDeps, NODE_DEFAULTS, type NodeDeps } from "../node-deps";

export interface CliIo {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
  /** All of stdin as text (a password piped in). */
  readStdin(): Promise<string>;
}

/** Exit codes: 0 done, 1 failed (run again or fix the cause), 2 wrong usage or input. */
export type ExitCode = 0 | 1 | 2;

export function processIo(): CliIo {
  return {
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    async readStdin() {
      if (process.stdin.isTTY) return "";
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/**
 * The server's own deps (node-deps.ts) from the same environment, with its defaults: the
 * databases the server uses are the ones the commands change. Links use PUBLIC_URL_TEMPLATE,
 * else the local origin on PORT (default 8787).
 */
export function cliDeps(env: Record<string, string | undefined>): NodeDeps {
  const merged: Record<string, string | undefined> = { ...NODE_DEFAULTS };
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") merged[k] = v;
  merged.PUBLIC_URL_TEMPLATE ||= localPublicUrlTemplate(Number(env.PORT || 8787));
  for (const url of [merged.LIBSQL_URL_TEMPLATE, merged.PLATFORM_DB_URL])
    if (url?.startsWith("file:.data/")) mkdirSync(".data", { recursive: true });
  return createNodeDeps(merged);
}

/** The actor platform_audit records for a command run on the server. */
export const CLI_ACTOR = { id: null, label: "cli", ip: null } as const;

/**
 * Commands that read the control plane refuse to run on a platform database that is not
 * migrated, with the command that fixes it, instead of failing with "no such table".
 */
export async function platformSchemaProblem(deps: NodeDeps): Promise<string | null> {
  const version = await schemaVersion(deps.openPlatformClient());
  if (!isSchemaBehind(version, platformMigrations)) return null;
  return (
    `the platform database (${deps.config.PLATFORM_DB_URL}) is at schema ${version ?? "empty"}; ` +
    "migrate it first (node dist/node/cli.mjs migrate, or npm run db:migrate in a checkout)"
  );
}

/**
 * Runs a command that reads the control plane: the server's deps (cliDeps), refused with the
 * command that fixes it while the platform database is behind, closed afterwards. `failed`
 * turns a thrown error into an exit code (default: print it, exit 1).
 */
export async function withPlatform(
  io: CliIo,
  run: (deps: NodeDeps) => Promise<ExitCode>,
  failed: (err: unknown) => ExitCode | null = () => null,
): Promise<ExitCode> {
  const deps = cliDeps(io.env);
  try {
    const problem = await platformSchemaProblem(deps);
    if (problem) {
      io.err(`✗ ${problem}`);
      return 1;
    }
    return await run(deps);
  } catch (err) {
    const code = failed(err);
    if (code !== null) return code;
    io.err(`✗ ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    deps.close();
  }
}
