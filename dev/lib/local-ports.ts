/**
 * The ports `npm start` serves on and the public origin derived from them: PORT (the
 * zones, default 8787) and LIBSQL_PORT (the local libSQL server, default 8080). The CLIs
 * that print links (user:create, policy:publish) use the same origin unless
 * PUBLIC_URL_TEMPLATE says otherwise, so a link never points at a port nobody serves.
 */
import { createServer } from "node:net";
import { PortBusyError } from "../../worker/entry.node.ts";
import { localPublicUrlTemplate } from "../../worker/env";

export function servedPort(env: NodeJS.ProcessEnv = process.env): number {
  return portFrom(env, "PORT", 8787);
}

export function libsqlPort(env: NodeJS.ProcessEnv = process.env): number {
  return portFrom(env, "LIBSQL_PORT", 8080);
}

/** PUBLIC_URL_TEMPLATE when set, else the local origin on PORT. */
export function publicUrlTemplate(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUBLIC_URL_TEMPLATE || localPublicUrlTemplate(servedPort(env));
}

function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name}=${raw}: a port is a whole number from 1 to 65535`);
  return port;
}

/** Resolves when nothing listens on 127.0.0.1:port; rejects with one line naming the variable otherwise. */
export function assertPortFree(port: number, variable: "PORT" | "LIBSQL_PORT"): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new PortBusyError(port, variable)
          : new Error(`cannot listen on port ${port}: ${err.message}`),
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}
