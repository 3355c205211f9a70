/**
 * Every request input the API documents is bounded: a financing need with
 * 100,000 guarantee entries was once stored (900 KB a row) and made every bank's
 * needs page 9.9 MB. The OpenAPI document is what the routes validate against
 * (the same zod schemas), so walking it finds any input nobody put a limit on.
 *
 * What counts as bounded (strict on purpose):
 *  - string: `maxLength`, or `enum`/`const` (a closed list). A `format` or a
 *    `pattern` alone is not enough: the pattern may be unanchored, and a format
 *    validator says nothing about length.
 *  - array: `maxItems`, and its items bounded.
 *  - object: every property bounded, and `additionalProperties` absent/false or
 *    bounded with `maxProperties` (a record of any size is unbounded).
 *  - number/integer: `maximum` (or `exclusiveMaximum`) and `minimum`
 *    (or `exclusiveMinimum`), or an enum: an amount of 1e308 fen is no amount.
 *  - boolean/null: bounded by nature.
 *  - a record's keys (`propertyNames`) are strings like any other.
 * Unions (anyOf/oneOf/allOf) are bounded when every branch is. The one exception
 * is a document checked by its own format in the service (a policy set): it
 * carries `x-max-bytes`, the body limit its route enforces before parsing.
 */
import { memoryPageStore } from "../../worker/lib/page-store/memory";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { parseConfig } from "../../worker/env";
import { testPlatform } from "../support/test-platform";
import { migrations } from "../../migrations/bundle";
import { migrateTenant } from "../../worker/db/migrate";
import { memoryBlobStore } from "../../worker/lib/blob-store/memory";

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema | false;
  prefixItems?: Schema[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const platform = await testPlatform();
const zoneDb = createClient({ url: ":memory:" });
await migrateTenant(zoneDb, migrations);
const app = createApp({
  config: parseConfig({
    ROOT_DOMAINS: "localhost",
    LIBSQL_URL_TEMPLATE: "file:unused/{tenant}.db",
    PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
    PLATFORM_DB_URL: "file:unused/platform.db",
  }),
  ...platform,
  // The document is built from the route definitions; the zone's database is only asked for its
  // schema version (middleware/schema-check.ts), so an empty migrated one serves.
  openClient: () => zoneDb,
  blobs: memoryBlobStore(),
  pageStore: memoryPageStore(),
  now: () => new Date(),
  clientIp: () => "203.0.113.1",
});

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/** Every unbounded spot under `schema`, as "where: why". */
function unbounded(doc: Document, schema: Schema | undefined, where: string, seen = new Set<string>()): string[] {
  if (!schema) return [`${where}: no schema`];
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    if (seen.has(name)) return []; // a recursive schema is checked once
    return unbounded(doc, doc.components?.schemas?.[name], where, new Set([...seen, name]));
  }
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length > 0) return branches.flatMap((branch, i) => unbounded(doc, branch, `${where}|${i}`, seen));
  if ("enum" in schema || "const" in schema) return [];
  if (typeof schema["x-max-bytes"] === "number") return [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return [`${where}: no type (accepts anything)`];
  return types.flatMap((type): string[] => {
    switch (type) {
      case "string":
        return typeof schema.maxLength === "number" ? [] : [`${where}: string without maxLength`];
      case "number":
      case "integer": {
        const hasMax = typeof schema.maximum === "number" || typeof schema.exclusiveMaximum === "number";
        const hasMin = typeof schema.minimum === "number" || typeof schema.exclusiveMinimum === "number";
        return hasMax && hasMin
          ? []
          : [`${where}: ${type} without ${hasMax ? "minimum" : hasMin ? "maximum" : "minimum/maximum"}`];
      }
      case "array": {
        const own = typeof schema.maxItems === "number" ? [] : [`${where}: array without maxItems`];
        const tuple = (schema.prefixItems ?? []).flatMap((item, i) => unbounded(doc, item, `${where}[${i}]`, seen));
        const items =
          schema.items === false || (schema.items === undefined && schema.prefixItems)
            ? []
            : unbounded(doc, schema.items || undefined, `${where}[]`, seen);
        return [...own, ...tuple, ...items];
      }
      case "object": {
        const props = Object.entries(schema.properties ?? {}).flatMap(([key, value]) =>
          unbounded(doc, value, `${where}.${key}`, seen),
        );
        const extra = schema.additionalProperties;
        const open =
          extra === undefined || extra === false
            ? []
            : typeof schema.maxProperties === "number"
              ? extra === true
                ? [`${where}{*}: any value`]
                : unbounded(doc, extra, `${where}{*}`, seen)
              : [`${where}: record without maxProperties`];
        const keys = schema.propertyNames ? unbounded(doc, schema.propertyNames, `${where}{key}`, seen) : [];
        return [...props, ...open, ...keys];
      }
      case "boolean":
      case "null":
        return [];
      default:
        return [`${where}: unknown type ${type}`];
    }
  });
}

describe("OpenAPI request bounds", () => {
  it("documents no request string, array, record or number without a maximum", async () => {
    const res = await app.request("http://zibo.localhost/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Document;
    const problems: string[] = [];
    let inputs = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.has(method)) continue;
        const op = `${method.toUpperCase()} ${path}`;
        for (const parameter of operation.parameters ?? []) {
          inputs++;
          problems.push(...unbounded(doc, parameter.schema, `${op} ${parameter.in}:${parameter.name}`));
        }
        for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
          inputs++;
          problems.push(...unbounded(doc, media.schema, `${op} body(${type})`));
        }
      }
    }
    // The walk saw the API: if routes stop being documented, this test would pass vacuously.
    expect(inputs).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
