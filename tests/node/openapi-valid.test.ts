/**
 * The API document as a client nobody here wrote sees it (issue 20): it validates against the
 * OpenAPI 3.1 schema (@seriousme/openapi-schema-validator), `redocly lint` with its recommended
 * rules and no config file finds no error, and every operation has a stable verb-noun
 * operationId, a 4xx answer and declared security (the cookie; an API token where its scope
 * allows, from the same tokenScopeFor the bearer path checks). One app, one document, one
 * redocly run (about 2 s of the file's time: redocly loads its rules and bundles the document).
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { createClient } from "@libsql/client";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/bundle";
import { createApp } from "../../worker/app";
import { migrateTenant } from "../../worker/db/migrate";
import { parseConfig } from "../../worker/env";
import { tokenScopeFor } from "../../worker/lib/api-scopes";
import { memoryBlobStore } from "../../worker/lib/blob-store/memory";
import { memoryPageStore } from "../../worker/lib/page-store/memory";
import { sessionCookieName } from "../../worker/middleware/sessions";
import { testPlatform } from "../support/test-platform";

// A deployment's own domain: on localhost redocly warns (no-server-example.com) about a server
// no client outside this machine could reach, which is true of a development copy and nothing else.
const ROOT = "yuanqu.example.cn";
const platform = await testPlatform([ROOT]);
const zoneDb = createClient({ url: ":memory:" });
await migrateTenant(zoneDb, migrations);
const app = createApp({
  config: parseConfig({
    ROOT_DOMAINS: ROOT,
    LIBSQL_URL_TEMPLATE: "file:unused/{tenant}.db",
    PUBLIC_URL_TEMPLATE: `https://{tenant}.${ROOT}`,
    PLATFORM_DB_URL: "file:unused/platform.db",
  }),
  ...platform,
  // The document is built from the route definitions; the zone's database only answers the schema check.
  openClient: () => zoneDb,
  blobs: memoryBlobStore(),
  pageStore: memoryPageStore(),
  now: () => new Date(),
  clientIp: () => "203.0.113.1",
});

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes?: Record<string, { type: string; name?: string; scheme?: string }> };
}
interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer?: string }[];
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
/** Operations anyone may call without signing in: a `security: []` anywhere else is a mistake. */
const PUBLIC = [
  "signIn",
  "signOut",
  "requestPasswordReset",
  "confirmPasswordReset",
  "acceptInvitation",
  "submitOnboardingApplication",
  "getZone",
  "listPolicyDocuments",
  "getPolicyDocument",
  "listPolicyProgrammes",
  "getPolicyProgramme",
  "estimatePolicyProgramme",
  "listSubsidyPublicity",
  "lodgeSubsidyObjection",
  "listCatalogueProducts",
  "getCatalogueProduct",
];
/** Redocly warnings left on purpose, by rule, with the reason (README "Use the API" repeats them). */
const EXPLAINED_WARNINGS: Record<string, string> = {};

const res = await app.request(`https://zibo.${ROOT}/api/openapi.json`);
const text = await res.text();
const doc = JSON.parse(text) as Document;
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.has(method))
    .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method, path, op })),
);
const dir = await mkdtemp(join(tmpdir(), "openapi-valid-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the OpenAPI document", () => {
  it("is public, not cached, and names the origin it was fetched from as its server", async () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(doc.servers).toEqual([expect.objectContaining({ url: `https://zibo.${ROOT}` })]);
    const onPlatform = (await (await app.request(`https://${ROOT}/api/openapi.json`)).json()) as Document;
    expect(onPlatform.servers).toEqual([expect.objectContaining({ url: `https://${ROOT}` })]);
    expect(Object.keys(onPlatform.paths)).toEqual(Object.keys(doc.paths));
  });

  it("validates against the OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(text) as Record<string, unknown>);
    expect(validator.version).toBe("3.1");
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("passes redocly lint's recommended rules (no config file) with no error", async () => {
    const file = join(dir, "openapi.json");
    await writeFile(file, text);
    const bin = fileURLToPath(new URL("../../node_modules/.bin/redocly", import.meta.url));
    // In an empty directory so no redocly.yaml is found; no telemetry or update check from a test.
    // redocly exits 1 when it finds an error; the JSON on stdout says which, so the exit code is not the test.
    const { stdout } = await promisify(execFile)(bin, ["lint", file, "--format=json", "--max-problems=10000"], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout?: string; stderr?: string }) => {
      if (!e.stdout) throw e;
      return { stdout: e.stdout };
    });
    const { problems } = JSON.parse(stdout) as { problems: LintProblem[] };
    const line = (p: LintProblem) => `${p.ruleId} at ${p.location[0]?.pointer ?? "?"}: ${p.message}`;
    const warnings = problems.filter((p) => p.severity === "warn");
    if (warnings.length > 0) console.info(`redocly warnings:\n${warnings.map(line).join("\n")}`);
    expect(problems.filter((p) => p.severity === "error").map(line)).toEqual([]);
    expect(warnings.filter((p) => !(p.ruleId in EXPLAINED_WARNINGS)).map(line)).toEqual([]);
  });

  it("gives every operation a unique verb-noun operationId, a 4xx answer and declared security", () => {
    expect(operations.length).toBeGreaterThan(100);
    const missing = operations.filter(({ op }) => !op.operationId).map(({ name }) => name);
    if (missing.length > 0) console.info(`operations without an operationId:\n${missing.join("\n")}`);
    expect(missing).toEqual([]);
    const ids = operations.map(({ op }) => op.operationId!);
    expect(ids.filter((id) => !/^[a-z]+[A-Z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(
      operations.filter(({ op }) => !Object.keys(op.responses).some((s) => /^4/.test(s))).map((o) => o.name),
    ).toEqual([]);
    expect(operations.filter(({ op }) => !Array.isArray(op.security)).map(({ name }) => name)).toEqual([]);
    const publicOnes = operations.filter(({ op }) => op.security!.length === 0).map(({ op }) => op.operationId);
    expect(publicOnes.sort()).toEqual([...PUBLIC].sort());
  });

  it("declares the cookie everywhere it is needed, and a token exactly where its scope lets one call", () => {
    const schemes = doc.components.securitySchemes ?? {};
    expect(schemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie", name: sessionCookieName(true) });
    expect(schemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    const wrong = operations
      .filter(({ op }) => op.security!.length > 0)
      .filter(({ method, path, op }) => {
        const scope = tokenScopeFor(method, path);
        const expected = scope ? [{ sessionCookie: [] }, { apiToken: [scope] }] : [{ sessionCookie: [] }];
        return JSON.stringify(op.security) !== JSON.stringify(expected);
      })
      .map(({ name, op }) => `${name}: ${JSON.stringify(op.security)}`);
    expect(wrong).toEqual([]);
  });
});
