import Database from "libsql";
import { describe, expect, it } from "vitest";
import { scanStatement, splitStatements } from "./sql-scan";

describe("splitStatements", () => {
  it.each([
    ["SELECT 1", ["SELECT 1"]],
    ["SELECT 1;", ["SELECT 1"]],
    ["  ;; SELECT 1 ; ; -- done\n", [" SELECT 1 "]],
    ["SELECT 1; SELECT 2", ["SELECT 1", " SELECT 2"]],
    ["SELECT ';' AS a, \";\" AS b, [x;y], `z;`; SELECT 2", ["SELECT ';' AS a, \";\" AS b, [x;y], `z;`", " SELECT 2"]],
    ["SELECT 1 /* ; */ -- ;\n; SELECT 'it''s;'", ["SELECT 1 /* ; */ -- ;\n", " SELECT 'it''s;'"]],
    ["-- only a comment", []],
    ["", []],
  ])("splits %j into its statements", (sql, expected) => {
    expect(splitStatements(sql)).toEqual(expected);
  });

  it("keeps the semicolons inside a CREATE TRIGGER body in one statement", () => {
    const trigger =
      "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); UPDATE c SET n = n + 1; END";
    expect(splitStatements(`${trigger}; SELECT 1;`)).toEqual([trigger, " SELECT 1"]);
  });

  it("does not mistake a column named end or trigger for trigger syntax", () => {
    expect(splitStatements("SELECT end, trigger FROM t; SELECT 2")).toEqual([
      "SELECT end, trigger FROM t",
      " SELECT 2",
    ]);
  });
});

describe("scanStatement", () => {
  it.each([
    ["SELECT 1", []],
    ["SELECT ?, ?", [null, null]],
    ["SELECT ?3", [null, null, "?3"]],
    ["SELECT ?2, ?", [null, "?2", null]],
    ["SELECT :a, @a, $a, #a, :a", [":a", "@a", "$a", "#a"]],
    ["SELECT :a, ?, ?1", [":a", null]],
    ["SELECT $x::y(z), :é", ["$x::y(z)", ":é"]],
    ["SELECT ':a', \"?\", [?], `$b` -- :c\n /* ? */", []],
    ["SELECT a$b FROM t WHERE x = :a$b", [":a$b"]],
  ])("finds the parameters of %j", (sql, params) => {
    expect(scanStatement(sql).params).toEqual(params);
  });

  it.each([
    ["select 1", "select"],
    ["VALUES (1)", "select"],
    ["INSERT INTO t VALUES (1)", "insert"],
    ["replace into t values (1)", "insert"],
    ["UPDATE t SET a = 1", "update"],
    ["DELETE FROM t", "delete"],
    ["WITH x(a) AS (SELECT 1) DELETE FROM t WHERE a IN x", "delete"],
    ["WITH RECURSIVE x AS MATERIALIZED (INSERT INTO nowhere) SELECT 1", "select"],
    ["CREATE TABLE t (a)", "other"],
    ["EXPLAIN INSERT INTO t VALUES (1)", "other"],
  ])("classifies %j as %s", (sql, kind) => {
    expect(scanStatement(sql).kind).toBe(kind);
  });

  it("marks EXPLAIN statements", () => {
    expect(scanStatement("explain select ?").isExplain).toBe(true);
  });

  it.each([
    ["SELECT :a, ?5, ?, :a, @a", [":a", null, null, null, "?5", null, "@a"], ["1", "5", "6", "1", "7"]],
    ["SELECT ?2, ?, $x", [null, "?2", null, "$x"], ["2", "3", "4"]],
  ])("numbers the parameters of %j exactly as SQLite binds them by index", (sql, params, row) => {
    const scanned = scanStatement(sql).params;
    expect(scanned).toEqual(params);
    // Bind "1", "2", ... by index, as the server does, and read back which index each expression got.
    const db = new Database(":memory:");
    const read = db
      .prepare(sql)
      .raw(true)
      .get(scanned.map((_, index) => String(index + 1)));
    db.close();
    expect(read).toEqual(row);
  });
});
