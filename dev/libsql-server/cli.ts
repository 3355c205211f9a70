/**
 * Runs the local libSQL server from the command line:
 *   npx tsx dev/libsql-server/cli.ts [--port 8080] [--data .data] [--host 127.0.0.1] [--quiet]
 * `--data :memory:` keeps every tenant database in memory until the process stops.
 */
import { parseArgs } from "node:util";
import { startLibsqlServer } from "./server";

const USAGE = "usage: cli.ts [--port 8080] [--data .data] [--host 127.0.0.1] [--quiet]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      data: { type: "string", default: ".data" },
      host: { type: "string", default: "127.0.0.1" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}\n${USAGE}`);

  const server = await startLibsqlServer({
    dataDir: values.data,
    port,
    host: values.host,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`libSQL dev server listening on ${server.url} (data: ${values.data})`);
  console.log(`tenant databases: ${server.tenantUrl("<slug>")}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
