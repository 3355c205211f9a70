/**
 * The operator CLI of the self-hosted build: `node dist/node/cli.mjs <command>`, runnable
 * with production dependencies only (dev/build.ts bundles it beside server.mjs). It reads
 * the server's environment (PLATFORM_DB_URL, LIBSQL_URL_TEMPLATE, LIBSQL_AUTH_TOKEN,
 * PUBLIC_URL_TEMPLATE, TURSO_*), with the server's defaults (files under .data/).
 */
import { type CliIo, type ExitCode, processIo } from "./cli-io";
import { MIGRATE_ARGS, migrate } from "./migrate";
import { OPERATOR_CREATE_ARGS, operatorCreate } from "./operator-create";
import { TENANT_CREATE_ARGS, tenantCreate } from "./tenant-create";
import { USER_CREATE_ARGS, userCreate } from "./user-create";

const PREFIX = "node dist/node/cli.mjs";

export const CLI_USAGE = [
  "usage:",
  `  ${PREFIX} migrate ${MIGRATE_ARGS}`,
  `  ${PREFIX} tenant create ${TENANT_CREATE_ARGS}`,
  `  ${PREFIX} operator create ${OPERATOR_CREATE_ARGS}`,
  `  ${PREFIX} user create ${USER_CREATE_ARGS}`,
].join("\n");

export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [command, sub, ...rest] = argv;
  if (command === "migrate") return migrate(argv.slice(1), io, `${PREFIX} migrate `);
  if (command === "tenant" && sub === "create") return tenantCreate(rest, io, `${PREFIX} tenant create `);
  if (command === "operator" && sub === "create") return operatorCreate(rest, io, `${PREFIX} operator create `);
  if (command === "user" && sub === "create") return userCreate(rest, io, `${PREFIX} user create `);
  if (command === undefined || command === "help" || command === "--help") {
    io.out(CLI_USAGE);
    return command === undefined ? 2 : 0;
  }
  io.err(`unknown command: ${argv.join(" ")}\n${CLI_USAGE}`);
  return 2;
}

// Run as a program (the bundle, or `tsx worker/cli/cli.ts`), not when a test imports it.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
