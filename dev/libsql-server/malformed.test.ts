import { createClient } from "@libsql/client/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLibsqlServer, type LibsqlServer } from "./server";
import { execute, integer, pipeline, postHrana, text } from "./test-support";

let server: LibsqlServer;

beforeAll(async () => {
  server = await startLibsqlServer({ dataDir: ":memory:", maxBodyBytes: 1024 * 1024 });
  await pipeline(server, "acme", {
    requests: [execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v)"), { type: "close" }],
  });
});

afterAll(async () => {
  await server.close();
});

async function stillAnswers(): Promise<void> {
  const db = createClient({ url: server.tenantUrl("acme") });
  try {
    expect((await db.execute("SELECT 40 + 2 AS answer")).rows[0]!.answer).toBe(42);
  } finally {
    db.close();
  }
}

const selectWith = (stmt: object) => ({ requests: [{ type: "execute", stmt: { sql: "SELECT ? AS v", ...stmt } }] });

describe("malformed pipelines get a 4xx JSON protocol error and the server keeps serving", () => {
  it.each<[string, unknown, string]>([
    ["invalid JSON", "{ requests: [", "JSON_DESERIALIZE"],
    ["a body that is not an object", "[1, 2, 3]", "JSON_DESERIALIZE"],
    ["a missing requests list", {}, "JSON_DESERIALIZE"],
    ["an unknown request type", { requests: [{ type: "frobnicate" }] }, "JSON_DESERIALIZE"],
    ["a request without a type", { requests: [{ stmt: { sql: "SELECT 1" } }] }, "JSON_DESERIALIZE"],
    ["an unknown value type", selectWith({ args: [{ type: "boolean", value: true }] }), "JSON_DESERIALIZE"],
    ["an integer sent as a JSON number", selectWith({ args: [{ type: "integer", value: 5 }] }), "JSON_DESERIALIZE"],
    [
      "an integer that is not a decimal string",
      selectWith({ args: [integer("0x10" as unknown as number)] }),
      "JSON_DESERIALIZE",
    ],
    ["a fractional integer", selectWith({ args: [{ type: "integer", value: "1.5" }] }), "JSON_DESERIALIZE"],
    [
      "an integer beyond 64 bits",
      selectWith({ args: [{ type: "integer", value: "9223372036854775808" }] }),
      "JSON_DESERIALIZE",
    ],
    ["a float sent as a string", selectWith({ args: [{ type: "float", value: "1.5" }] }), "JSON_DESERIALIZE"],
    ["text without a value", selectWith({ args: [{ type: "text" }] }), "JSON_DESERIALIZE"],
    ["a blob that is not base64", selectWith({ args: [{ type: "blob", base64: "not base64!" }] }), "JSON_DESERIALIZE"],
    ["a blob with a broken length", selectWith({ args: [{ type: "blob", base64: "AAAAA" }] }), "JSON_DESERIALIZE"],
    ["args that are not a list", selectWith({ args: { 0: text("x") } }), "JSON_DESERIALIZE"],
    ["a named argument without a name", selectWith({ named_args: [{ value: text("x") }] }), "JSON_DESERIALIZE"],
    ["sql that is not a string", { requests: [{ type: "execute", stmt: { sql: 42 } }] }, "JSON_DESERIALIZE"],
    ["a batch step without a statement", { requests: [{ type: "batch", batch: { steps: [{}] } }] }, "JSON_DESERIALIZE"],
    [
      "an unknown batch condition",
      {
        requests: [{ type: "batch", batch: { steps: [{ stmt: { sql: "SELECT 1" }, condition: { type: "maybe" } }] } }],
      },
      "JSON_DESERIALIZE",
    ],
    ["a baton that is not a string", { baton: 12, requests: [] }, "JSON_DESERIALIZE"],
    [
      "both sql and sql_id",
      { requests: [{ type: "execute", stmt: { sql: "SELECT 1", sql_id: 1 } }] },
      "SQL_ID_AND_SQL_GIVEN",
    ],
    ["neither sql nor sql_id", { requests: [{ type: "execute", stmt: {} }] }, "SQL_ID_OR_SQL_NOT_GIVEN"],
    ["an unknown sql_id", { requests: [{ type: "describe", sql_id: 3 }] }, "SQL_NOT_FOUND"],
    [
      "a sql_id stored twice",
      {
        requests: [
          { type: "store_sql", sql_id: 1, sql: "SELECT 1" },
          { type: "store_sql", sql_id: 1, sql: "SELECT 2" },
        ],
      },
      "SQL_EXISTS",
    ],
    [
      "a condition on a later step",
      {
        requests: [
          { type: "batch", batch: { steps: [{ stmt: { sql: "SELECT 1" }, condition: { type: "ok", step: 0 } }] } },
        ],
      },
      "BATCH_COND_BAD_STEP",
    ],
    ["a request after close", { requests: [{ type: "close" }, execute("SELECT 1")] }, "BATON_STREAM_CLOSED"],
  ])("rejects %s", async (_case, body, code) => {
    const response = await pipeline(server, "acme", body);
    expect(response.status).toBe(400);
    expect(response.contentType).toBe("application/json");
    expect(response.body).toEqual({ message: expect.any(String), code });
    await stillAnswers();
  });

  it("rejects batch conditions nested absurdly deep", async () => {
    const depth = 20_000;
    const condition = `${'{"type":"not","cond":'.repeat(depth)}{"type":"ok","step":0}${"}".repeat(depth)}`;
    const steps = `[{"stmt":{"sql":"SELECT 1"}},{"stmt":{"sql":"SELECT 2"},"condition":${condition}}]`;
    const body = `{"requests":[{"type":"batch","batch":{"steps":${steps}}}]}`;
    const response = await pipeline(server, "acme", body);
    expect(response.status).toBe(400);
    expect(["JSON_DESERIALIZE", "BATCH_COND_TOO_DEEP"]).toContain(response.body.code);
    const shallow = `${'{"type":"not","cond":'.repeat(100)}{"type":"ok","step":0}${"}".repeat(100)}`;
    const deep = await pipeline(server, "acme", body.replace(condition, shallow));
    expect(deep.body).toMatchObject({ code: "BATCH_COND_TOO_DEEP" });
    await stillAnswers();
  });

  it("refuses a body over the size cap with 413, with or without a content length", async () => {
    const huge = JSON.stringify(selectWith({ args: [text("x".repeat(2 * 1024 * 1024))] }));
    const sized = await postHrana(server, "acme", "v2/pipeline", huge);
    expect(sized).toMatchObject({ status: 413, body: { code: "BODY_TOO_LARGE" } });

    const bytes = new TextEncoder().encode(huge);
    const streamed = await fetch(`${server.tenantUrl("acme")}v2/pipeline`, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
            controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ code: "BODY_TOO_LARGE" });
    await stillAnswers();
  });
});

describe("argument mismatches are per-request errors, never a crash of the native module", () => {
  it.each<[string, object, string]>([
    // Binding these through the native module's named path aborts the whole process.
    [
      "named arguments for an anonymous parameter",
      { sql: "SELECT ? AS v", named_args: [{ name: "a", value: integer(1) }] },
      "ARGS_INVALID",
    ],
    [
      "a named argument the statement does not have",
      { sql: "SELECT :a AS v", named_args: [{ name: "zzz", value: integer(1) }] },
      "ARGS_INVALID",
    ],
    [
      "an extra named argument",
      {
        sql: "SELECT :a AS v",
        named_args: [
          { name: "a", value: integer(1) },
          { name: "b", value: integer(2) },
        ],
      },
      "ARGS_INVALID",
    ],
    [
      "a named argument with the wrong prefix",
      { sql: "SELECT :a AS v", named_args: [{ name: "$a", value: integer(1) }] },
      "ARGS_INVALID",
    ],
    [
      "named arguments for a numbered parameter",
      { sql: "SELECT ?1 AS v", named_args: [{ name: "?1", value: integer(1) }] },
      "ARGS_INVALID",
    ],
    [
      "both positional and named arguments",
      { sql: "SELECT :a AS v", args: [integer(1)], named_args: [{ name: "zzz", value: integer(1) }] },
      "ARGS_BOTH_POSITIONAL_AND_NAMED",
    ],
    ["too many positional arguments", { sql: "SELECT ? AS v", args: [integer(1), integer(2)] }, "ARGS_INVALID"],
    ["too few positional arguments", { sql: "SELECT ?, ? AS v", args: [integer(1)] }, "ARGS_INVALID"],
    ["positional arguments for a named parameter", { sql: "SELECT :a AS v", args: [integer(1)] }, "ARGS_INVALID"],
  ])("reports %s", async (_case, stmt, code) => {
    const response = await pipeline(server, "acme", { requests: [{ type: "execute", stmt }, { type: "close" }] });
    expect(response.status).toBe(200);
    expect(response.body.results[0]).toEqual({ type: "error", error: { message: expect.any(String), code } });
    expect(response.body.results[1]).toEqual({ type: "ok", response: { type: "close" } });
    await stillAnswers();
  });

  it("refuses NUL characters that the native module would silently cut off", async () => {
    await pipeline(server, "nul", {
      requests: [execute("CREATE TABLE t (v TEXT)"), execute("INSERT INTO t VALUES ('keep')"), { type: "close" }],
    });
    const response = await pipeline(server, "nul", {
      requests: [
        execute("DELETE FROM t\u0000 WHERE 0"),
        execute("INSERT INTO t VALUES (?)", { args: [text("a\u0000b")] }),
        execute("SELECT v FROM t"),
        { type: "close" },
      ],
    });
    expect(response.body.results[0]).toMatchObject({ type: "error", error: { code: "SQL_PARSE_ERROR" } });
    expect(response.body.results[1]).toMatchObject({ type: "error", error: { code: "ARGS_INVALID" } });
    expect(response.body.results[2].response.result.rows).toEqual([[text("keep")]]);
  });

  it("reports the same mismatch inside a batch as a step error", async () => {
    const response = await pipeline(server, "acme", {
      requests: [
        {
          type: "batch",
          batch: {
            steps: [
              { stmt: { sql: "SELECT ? AS v", named_args: [{ name: "a", value: integer(1) }] } },
              { stmt: { sql: "SELECT 1" } },
            ],
          },
        },
      ],
    });
    const result = response.body.results[0].response.result;
    expect(result.step_errors[0]).toMatchObject({ code: "ARGS_INVALID" });
    expect(result.step_results[1].rows).toEqual([[integer(1)]]);
  });

  it("turns the client's own mismatches into rejected promises", async () => {
    const db = createClient({ url: server.tenantUrl("acme") });
    try {
      await expect(db.execute({ sql: "SELECT ? AS v", args: { a: 1 } })).rejects.toMatchObject({
        code: "ARGS_INVALID",
      });
      await expect(db.execute({ sql: "SELECT :a AS v", args: { b: 1 } })).rejects.toMatchObject({
        code: "ARGS_INVALID",
      });
    } finally {
      db.close();
    }
    await stillAnswers();
  });
});

describe("paths and tenants", () => {
  it.each([
    ["GET", "/nope"],
    ["GET", "/t/acme/v2/pipeline"],
    ["POST", "/t/acme/v4/pipeline"],
    ["GET", "/t/acme/v3-protobuf"],
    ["POST", "/t/acme/v3-protobuf/pipeline"],
    ["POST", "/t/Not_Lowercase/v2/pipeline"],
    ["POST", "/t/-leading-dash/v2/pipeline"],
    ["POST", `/t/${"a".repeat(64)}/v2/pipeline`],
    ["POST", "/t/..%2f..%2fetc/v2/pipeline"],
    ["POST", "/t/acme/"],
  ])("answers %s %s with a 404 JSON error", async (method, path) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      body: method === "POST" ? JSON.stringify({ requests: [] }) : undefined,
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ message: expect.any(String), code: expect.stringMatching(/NOT_FOUND$/) });
  });

  it("answers the version endpoints a client may probe", async () => {
    for (const path of ["/t/acme/", "/t/acme/v2", "/t/acme/v3", "/health"]) {
      expect((await fetch(`${server.url}${path}`)).status).toBe(200);
    }
  });

  it("accepts the longest valid slug", async () => {
    const slug = `a${"-".repeat(61)}z`;
    const response = await pipeline(server, slug, { requests: [execute("SELECT 1"), { type: "close" }] });
    expect(response.status).toBe(200);
  });
});
