/**
 * Time per stage, kept by a trigger (migration 0015) instead of pairing the whole timeline on
 * every dashboard view: for any history of moves — written before the migration (its backfill)
 * or after it (the trigger), one row at a time or many in one statement — the kept sums equal
 * what the window over every event says.
 */
import { createClient, type Client } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { migrations } from "../../../migrations/bundle";
import { migrateTenant } from "../../db/migrate";

const MOVES = ["submitted", "resubmitted", "passed", "advanced", "awarded", "returned", "rejected"];
const OTHER = ["comment", "objection", "publicity_started", "paid"];
const STAGES = ["first-review", "second-review", "publicity", "payment", null];

/** The dashboard's former query: each move paired with the application's move before it. */
const WINDOWED = `select entered_stage as stage, sum(at - entered_at) as total_ms, count(*) as completed from (
    select stage, action, at, lag(to_stage) over w as entered_stage, lag(action) over w as entered_by,
      lag(at) over w as entered_at
    from subsidy_events where action in (${MOVES.map((m) => `'${m}'`).join(", ")})
    window w as (partition by application_id order by id))
  where entered_stage is not null and entered_by <> 'returned'
    and (stage = entered_stage or action in ('returned', 'rejected'))
  group by entered_stage order by entered_stage`;
const KEPT = "select stage, total_ms, completed from subsidy_stage_times where completed > 0 order by stage";

/** A small deterministic generator, so a failure repeats. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Events for `apps` applications, in an interleaved order, as SQL value tuples. */
function history(seed: number, apps: number, events: number, from: number) {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  let at = from;
  return Array.from({ length: events }, () => {
    at += Math.floor(r() * 3 * 86_400_000);
    const action = r() < 0.8 ? pick(MOVES) : pick(OTHER);
    const q = (v: string | null) => (v === null ? "null" : `'${v}'`);
    return `('app-${Math.floor(r() * apps)}', ${at}, 'x', ${q(action)}, ${q(pick(STAGES))}, ${q(pick(STAGES))})`;
  });
}

const insert = (client: Client, rows: string[]) =>
  client.execute(
    `insert into subsidy_events (application_id, at, actor, action, stage, to_stage) values ${rows.join(", ")}`,
  );

async function database(upTo?: string) {
  const client = createClient({ url: ":memory:" });
  // The rows below stand alone: their applications are not the subject here.
  await client.execute("pragma foreign_keys = off");
  await migrateTenant(client, upTo ? migrations.filter((m) => m.tag < upTo) : migrations);
  await client.execute("pragma foreign_keys = off");
  return client;
}

const rows = async (client: Client, sql: string) =>
  (await client.execute(sql)).rows.map((r) => ({ stage: r.stage, totalMs: r.total_ms, completed: r.completed }));

describe("time per stage, kept as the timeline grows", () => {
  it("equals the window over every event, one event at a time and many in one statement", async () => {
    const client = await database();
    const events = history(7, 12, 400, Date.UTC(2026, 0, 5));
    for (const e of events.slice(0, 150)) await insert(client, [e]);
    await insert(client, events.slice(150));
    const windowed = await rows(client, WINDOWED);
    expect(windowed.length).toBeGreaterThan(2);
    expect(await rows(client, KEPT)).toEqual(windowed);
    client.close();
  });

  it("the migration adds the stays already in the timeline, and the trigger carries on from them", async () => {
    const client = await database("0015");
    const events = history(11, 20, 300, Date.UTC(2025, 5, 1));
    await insert(client, events.slice(0, 200));
    const before = await rows(client, WINDOWED);
    expect(before.length).toBeGreaterThan(2);
    await migrateTenant(client, migrations);
    expect(await rows(client, KEPT)).toEqual(before);
    // Moves written after the migration end stays begun before it.
    await insert(client, events.slice(200));
    const after = await rows(client, WINDOWED);
    expect(after).not.toEqual(before);
    expect(await rows(client, KEPT)).toEqual(after);
    client.close();
  });
});
