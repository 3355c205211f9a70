/**
 * A small SQLite tokenizer. The embedded `libsql` module exposes neither
 * sqlite3_bind_parameter_name nor the tail of a prepared statement, and it
 * aborts the whole process when a named argument does not match a parameter,
 * so the server needs its own view of a statement's parameters and boundaries
 * before it hands anything to the native code. The rules follow SQLite's
 * tokenize.c (identifier characters, `?NNN`/`:name`/`@name`/`$name`/`#name`
 * parameters) and complete.c (a `;` inside CREATE TRIGGER ... END does not end
 * the statement).
 */

type TokenType = "ws" | "semi" | "word" | "var" | "lparen" | "rparen" | "other";

interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

export type StatementKind = "select" | "insert" | "update" | "delete" | "other";

export interface ScannedStatement {
  /** Parameter names by index - 1, as sqlite3_bind_parameter_name would give them (null for a bare `?`). */
  params: Array<string | null>;
  kind: StatementKind;
  isExplain: boolean;
}

function isIdChar(ch: string): boolean {
  return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\f" || ch === "\r";
}

/** Index just past a quoted run starting at `start`; a doubled closing quote is an escape. */
function skipQuoted(sql: string, start: number, close: string, doubling: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === close) {
      if (doubling && sql[i + 1] === close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

function variableEnd(sql: string, start: number): number {
  const first = sql[start];
  let i = start + 1;
  if (first === "?") {
    while (i < sql.length && /[0-9]/.test(sql[i]!)) i++;
    return i;
  }
  let n = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (isIdChar(ch)) {
      n++;
      i++;
    } else if (ch === "(" && n > 0) {
      // TCL-style `$name(index)` is one parameter name.
      while (i < sql.length && !isSpace(sql[i]!) && sql[i] !== ")") i++;
      if (sql[i] === ")") i++;
      break;
    } else if (ch === ":" && sql[i + 1] === ":") {
      i += 2;
    } else {
      break;
    }
  }
  return n === 0 ? start + 1 : i;
}

function* tokenize(sql: string): Generator<Token> {
  let i = 0;
  while (i < sql.length) {
    const start = i;
    const ch = sql[i]!;
    let type: TokenType = "other";
    if (isSpace(ch)) {
      while (i < sql.length && isSpace(sql[i]!)) i++;
      type = "ws";
    } else if (ch === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      type = "ws";
    } else if (ch === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? sql.length : close + 2;
      type = "ws";
    } else if (ch === "'" || ch === '"' || ch === "`") {
      i = skipQuoted(sql, i, ch, true);
    } else if (ch === "[") {
      i = skipQuoted(sql, i, "]", false);
    } else if (ch === ";") {
      i++;
      type = "semi";
    } else if (ch === "(" || ch === ")") {
      i++;
      type = ch === "(" ? "lparen" : "rparen";
    } else if (ch === "?" || ch === ":" || ch === "@" || ch === "$" || ch === "#") {
      i = variableEnd(sql, i);
      type = i - start > 1 || ch === "?" ? "var" : "other";
    } else if (isIdChar(ch)) {
      while (i < sql.length && isIdChar(sql[i]!)) i++;
      type = "word";
    } else {
      i++;
    }
    yield { type, text: sql.slice(start, i), start, end: i };
  }
}

// Token classes and transitions of SQLite's sqlite3_complete() state machine.
const SEMI = 0,
  WS = 1,
  OTHER = 2,
  EXPLAIN = 3,
  CREATE = 4,
  TEMP = 5,
  TRIGGER = 6,
  END = 7;
const TRANSITIONS: ReadonlyArray<ReadonlyArray<number>> = [
  /* 0 invalid */ [1, 0, 2, 3, 4, 2, 2, 2],
  /* 1 start   */ [1, 1, 2, 3, 4, 2, 2, 2],
  /* 2 normal  */ [1, 2, 2, 2, 2, 2, 2, 2],
  /* 3 explain */ [1, 3, 3, 2, 4, 2, 2, 2],
  /* 4 create  */ [1, 4, 2, 2, 2, 4, 5, 2],
  /* 5 trigger */ [6, 5, 5, 5, 5, 5, 5, 5],
  /* 6 semi    */ [6, 6, 5, 5, 5, 5, 5, 7],
  /* 7 end     */ [1, 7, 5, 5, 5, 5, 5, 5],
];

function completeClass(token: Token): number {
  if (token.type === "semi") return SEMI;
  if (token.type === "ws") return WS;
  if (token.type !== "word") return OTHER;
  switch (token.text.toUpperCase()) {
    case "EXPLAIN":
      return EXPLAIN;
    case "CREATE":
      return CREATE;
    case "TEMP":
    case "TEMPORARY":
      return TEMP;
    case "TRIGGER":
      return TRIGGER;
    case "END":
      return END;
    default:
      return OTHER;
  }
}

/** Splits SQL text into statements (without their terminating `;`), dropping empty ones. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let state = 0;
  let start = 0;
  let hasContent = false;
  for (const token of tokenize(sql)) {
    const cls = completeClass(token);
    state = TRANSITIONS[state]![cls]!;
    if (cls === SEMI && state === 1) {
      if (hasContent) statements.push(sql.slice(start, token.start));
      start = token.end;
      hasContent = false;
    } else if (cls !== WS && cls !== SEMI) {
      hasContent = true;
    }
  }
  if (hasContent) statements.push(sql.slice(start));
  return statements;
}

/** SQLITE_MAX_VARIABLE_NUMBER; beyond it the native prepare fails, so the scan just stops counting. */
const MAX_PARAMS = 32766;

const DML_WORDS = new Set(["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"]);

function kindOf(word: string | undefined): StatementKind {
  switch (word) {
    case "SELECT":
    case "VALUES":
      return "select";
    case "INSERT":
    case "REPLACE":
      return "insert";
    case "UPDATE":
      return "update";
    case "DELETE":
      return "delete";
    default:
      return "other";
  }
}

/**
 * Parameters and kind of one statement. Numbering mirrors
 * sqlite3ExprAssignVarNumber: `?` takes the next index, `?NNN` takes NNN, a
 * name keeps the index of its first occurrence (prefix included, so `:a` and
 * `@a` are different parameters).
 */
export function scanStatement(sql: string): ScannedStatement {
  const names = new Map<number, string | null>();
  const byName = new Map<string, number>();
  let count = 0;
  let depth = 0;
  let firstWord: string | undefined;
  let dmlWord: string | undefined;
  for (const token of tokenize(sql)) {
    if (token.type === "lparen") depth++;
    else if (token.type === "rparen") depth = Math.max(0, depth - 1);
    else if (token.type === "word") {
      const word = token.text.toUpperCase();
      firstWord ??= word;
      // After WITH, the statement's own verb is the first DML word outside the CTE parentheses.
      if (depth === 0 && dmlWord === undefined && DML_WORDS.has(word)) dmlWord = word;
    } else if (token.type === "var") {
      if (token.text === "?") {
        count++;
        if (!names.has(count)) names.set(count, null);
      } else if (token.text.startsWith("?")) {
        const index = Number.parseInt(token.text.slice(1), 10);
        if (!(index >= 1 && index <= MAX_PARAMS)) continue;
        count = Math.max(count, index);
        if (!names.get(index)) names.set(index, token.text);
      } else {
        let index = byName.get(token.text);
        if (index === undefined) {
          index = ++count;
          byName.set(token.text, index);
          names.set(index, token.text);
        }
      }
    }
  }
  const isExplain = firstWord === "EXPLAIN";
  const verb = firstWord === "WITH" ? dmlWord : firstWord;
  const params: Array<string | null> = [];
  for (let index = 1; index <= Math.min(count, MAX_PARAMS); index++) params.push(names.get(index) ?? null);
  return { params, kind: isExplain ? "other" : kindOf(verb), isExplain };
}
