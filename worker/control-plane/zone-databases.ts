/**
 * Where a new zone's database comes from. Locally there is nothing to create: the local
 * libSQL server makes a database on first use of /t/<name>/, and a `file:` URL makes its
 * file. In production (Turso) the database must exist before the zone's URL answers, so it
 * is created through the Turso Platform API, in the one group whose token
 * (LIBSQL_AUTH_TOKEN) serves every database of the group: no token per zone to keep.
 */
import { createClient as createTursoClient } from "@tursodatabase/api";

export interface ZoneDatabases {
  /** "local" (server or files) or "turso": what `create` talks to, for messages and audit. */
  readonly kind: "local" | "turso";
  /** Makes sure the database named `dbName` exists; calling it again for one that exists is fine. */
  create(dbName: string): Promise<{ created: boolean }>;
}

/** The local libSQL server and `file:` URLs: a database exists once it is first used. */
export function localZoneDatabases(): ZoneDatabases {
  return { kind: "local", create: async () => ({ created: false }) };
}

/** The Turso Platform API, every database in `group` (so the group token serves it). */
export function tursoZoneDatabases(options: { token: string; org: string; group: string }): ZoneDatabases {
  const turso = createTursoClient({ token: options.token, org: options.org });
  return {
    kind: "turso",
    async create(dbName) {
      try {
        await turso.databases.create(dbName, { group: options.group });
        return { created: true };
      } catch (err) {
        // A retry after a step that failed later (or a lost answer) finds it there: that is fine.
        // (The package's TursoClientError carries the HTTP status; its class is not exported.)
        if ((err as { status?: unknown } | null)?.status === 409) return { created: false };
        throw err;
      }
    },
  };
}

/** Turso when its token, org and group are all configured (env.ts refuses some but not all), else local. */
export function zoneDatabasesFor(config: {
  TURSO_API_TOKEN?: string | undefined;
  TURSO_ORG?: string | undefined;
  TURSO_GROUP?: string | undefined;
}): ZoneDatabases {
  const { TURSO_API_TOKEN: token, TURSO_ORG: org, TURSO_GROUP: group } = config;
  return token && org && group ? tursoZoneDatabases({ token, org, group }) : localZoneDatabases();
}
