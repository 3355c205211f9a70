/**
 * Runtime configuration and the app's typed context. Bindings come from
 * wrangler.toml `[vars]` and secrets (Workers) or process.env (Node); they are
 * parsed once with zod so a misconfigured deployment fails loudly at start.
 */
import { z } from "zod";
import type { Context } from "hono";
import type { Client } from "@libsql/client";
import type { TenantRecord, ZoneDirectory } from "./control-plane/directory";
import type { ZoneDatabases } from "./control-plane/zone-databases";
import type { ZoneConfig } from "../tenants/schema";
import type { TenantDb } from "./db/open";
import type { BlobStore } from "./lib/blob-store/blob-store";
import type { PageStore } from "./lib/page-store/page-store";
import type { Session, User } from "lucia";
import type { TokenScope } from "./lib/api-scopes";

export const configSchema = z.object({
  /** Comma-separated root domains; a zone is `<slug>.<root>`. */
  ROOT_DOMAINS: z
    .string()
    .min(1)
    .transform((s) =>
      s
        .split(",")
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$/, "ROOT_DOMAINS: host names only")).min(1)),
  /** Where each zone's database lives; `{tenant}` is replaced by the zone slug. */
  LIBSQL_URL_TEMPLATE: z
    .string()
    .refine((s) => s.includes("{tenant}"), "LIBSQL_URL_TEMPLATE must contain {tenant}")
    .refine(
      (s) => /^(libsql|https?|wss?|file):/.test(s),
      "LIBSQL_URL_TEMPLATE: libsql:, http(s):, ws(s): or file: URL",
    ),
  /**
   * The platform database (the control plane: zones, their hostnames and status, operators).
   * Locally a database on the local libSQL server or a file under .data/; Turso in production.
   */
  PLATFORM_DB_URL: z
    .string()
    .refine((s) => /^(libsql|https?|wss?|file):/.test(s), "PLATFORM_DB_URL: libsql:, http(s):, ws(s): or file: URL"),
  /** Turso group token (secret); empty for the local server. */
  LIBSQL_AUTH_TOKEN: z.string().optional(),
  /**
   * Each zone's public origin, `{tenant}` replaced by its slug. Links in messages
   * (password reset) are built from this, never from the request's Host header.
   */
  PUBLIC_URL_TEMPLATE: z
    .string()
    .regex(
      /^https?:\/\/[^/]*\{tenant\}[^/]*$/,
      "PUBLIC_URL_TEMPLATE: an origin containing {tenant}, e.g. https://{tenant}.yuanqu.example.cn",
    ),
  /** Transactional email over HTTP (JSON POST with a bearer key); unset = messages stay in the outbox. */
  EMAIL_API_URL: z.url().optional(),
  EMAIL_API_KEY: z.string().optional(),
  EMAIL_FROM: z.string().optional(),
  /**
   * The longest one database call (a statement, a batch, a transaction step) may take before
   * the request gives up with 503 "service briefly unavailable": a hung database must not hang
   * every request with it. Milliseconds; default 5000.
   */
  DB_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  /** "1" enables /dev/* (the outbox viewer). Set only for local development, never in production. */
  DEV_TOOLS: z.enum(["0", "1"]).default("0"),
  /**
   * Turso Platform API (secret token, organisation, group): with all three, creating a zone
   * creates its database in that group (control-plane/zone-databases.ts); without, databases
   * are local (the libSQL server or files create them on first use).
   */
  TURSO_API_TOKEN: z.string().max(4096).optional(),
  TURSO_ORG: z.string().max(100).optional(),
  TURSO_GROUP: z.string().max(100).optional(),
  /**
   * The command a 503 names when a database is behind the code (middleware/schema-check.ts):
   * default "npm run db:migrate"; the self-hosted Node build says `node dist/node/cli.mjs migrate`.
   */
  MIGRATE_COMMAND: z.string().min(1).max(200).optional(),
});
export type AppConfig = z.infer<typeof configSchema>;

export function parseConfig(raw: Record<string, unknown>): AppConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid configuration:\n${z.prettifyError(parsed.error)}`);
  const { TURSO_API_TOKEN, TURSO_ORG, TURSO_GROUP } = parsed.data;
  const turso = [TURSO_API_TOKEN, TURSO_ORG, TURSO_GROUP].filter(Boolean).length;
  if (turso !== 0 && turso !== 3)
    throw new Error(
      "invalid configuration:\n✖ TURSO_API_TOKEN, TURSO_ORG and TURSO_GROUP: set all three (zone databases" +
        " created on Turso) or none (databases created on first use, or beforehand)",
    );
  return parsed.data;
}

/**
 * A zone's public origin, e.g. "https://zibo.yuanqu.example.cn": the one function behind
 * both the Origin check on every state change and every link a message carries, so the
 * two can never disagree (a port, a proxy or a second hostname is configured here, once).
 */
/**
 * The origin a zone's links carry and its forms are checked against (one rule): the scheme
 * and port the deployment serves (PUBLIC_URL_TEMPLATE) with the zone's hostname — the custom
 * one the request came on, else its primary `<slug>.<root>`. Never the Host header as such:
 * a custom hostname counts only when the control plane lists it for this zone.
 */
export function zoneOrigin(
  config: Pick<AppConfig, "PUBLIC_URL_TEMPLATE">,
  slug: string,
  customHost: string | null = null,
): string {
  const primary = config.PUBLIC_URL_TEMPLATE.replaceAll("{tenant}", slug);
  if (!customHost) return primary;
  const url = new URL(primary);
  url.hostname = customHost;
  return url.origin;
}

/**
 * The platform site's origin (the operator console on the bare root domain): the zones'
 * scheme and port on the first root domain, e.g. http://localhost:8787.
 */
export function platformOrigin(config: Pick<AppConfig, "PUBLIC_URL_TEMPLATE" | "ROOT_DOMAINS">): string {
  const url = new URL(config.PUBLIC_URL_TEMPLATE.replaceAll("{tenant}", "zone"));
  url.hostname = config.ROOT_DOMAINS[0]!;
  return url.origin;
}

export function localPublicUrlTemplate(port: number): string {
  return `http://{tenant}.localhost:${port}`;
}

/** The tenant database URL for a zone, from the template. */
export function tenantDbUrl(template: string, slug: string): string {
  return template.replaceAll("{tenant}", slug);
}

/** What the app needs from its host runtime; the Worker and Node entries each build one. */
export interface AppDeps {
  config: AppConfig;
  /** Host → zone through the control plane, with a per-isolate copy (control-plane/directory.ts). */
  directory: ZoneDirectory;
  /**
   * A client for the zone database named `dbName` (the control plane's tenants.db_name): per request
   * on Workers, cached on Node.
   */
  openClient(dbName: string): Client;
  /** A client for the platform database (PLATFORM_DB_URL). */
  openPlatformClient(): Client;
  /** Creates a new zone's database (Turso when configured, else nothing to do): provisioning. */
  zoneDatabases: ZoneDatabases;
  /** Uploaded files (materials) of every zone: R2 on Workers, a directory on Node; keys start with the zone slug. */
  blobs: BlobStore;
  /** Public pages as anonymous visitors read them (middleware/page-cache.ts): Cache API on Workers, memory on Node. */
  pageStore: PageStore;
  /** The clock every service reads; tests inject their own. */
  now(): Date;
  /** The client's IP address as the runtime knows it (Workers: CF-Connecting-IP). */
  clientIp(c: Context<AppEnv>): string;
}

/**
 * A request's signed-in user (middleware/session.ts puts it on the context): by a session cookie,
 * or — on /api/v1/* only — by an API token acting as the person who made it (middleware/bearer.ts).
 */
export type SignedIn = SessionSignedIn | TokenSignedIn;

interface SignedInBase {
  user: User;
  /**
   * The status of the organisation the user acts for, read with the session (null: none — zone
   * staff, an applicant; "missing": its row is gone). The guard refuses anything but "active".
   */
  organisationStatus: string | null;
}

export interface SessionSignedIn extends SignedInBase {
  session: Session;
  token: null;
}

/** A bearer request: no session (nothing about the browser's sign-in applies), the token's scopes. */
export interface TokenSignedIn extends SignedInBase {
  session: null;
  token: { id: string; scopes: readonly TokenScope[] };
}

/** The site a request was resolved to; zone requests carry their config and database. */
export type Site =
  | {
      kind: "zone";
      zone: ZoneConfig;
      db: TenantDb;
      /** The zone's row in the control plane. */
      tenant: TenantRecord;
      /** Where this request's links point and which Origin its forms must carry (zoneOrigin). */
      origin: string;
    }
  | { kind: "platform" };

/**
 * Read variables with `c.get(key)`, not `c.var.key`: Hono's `c.var` builds a new
 * object from every variable (Object.fromEntries) on each access, on every request.
 */
export interface AppEnv {
  Variables: {
    site: Site;
    /** The signed-in user (session or API token) on a zone host, or null (see middleware/session.ts). */
    auth: SignedIn | null;
    requestId: string;
    secureHeadersNonce?: string;
  };
}
