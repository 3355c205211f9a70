/**
 * 政策找企业 at a zone's size: a programme's matching enterprises are computed outside the request,
 * a chunk of enterprises at a time (the "programme_matches" job, features/policies/
 * compute-programme-matches.ts), and the staff page and API read one page of the stored list.
 *
 * Rows are kept per job: a recompute writes beside the list being shown, and only when its last
 * chunk commits does the programme's run row point at it (and the older rows go), so a reader
 * never sees half of one computation and half of another.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const MATCH_TIERS = ["eligible", "confirm", "unknown", "ineligible"] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export const programmeMatches = sqliteTable(
  "programme_matches",
  {
    programmeId: text("programme_id").notNull(),
    /** The job that computed the row; the run row says which job's rows are the list. */
    jobId: integer("job_id").notNull(),
    enterpriseId: text("enterprise_id").notNull(),
    /** The name when computed: the list is ordered by it, so it lives in the index. */
    name: text("name").notNull(),
    /** The tier's place in the list (MATCH_TIERS order): qualifying first. */
    tierRank: integer("tier_rank").notNull(),
    tier: text("tier", { enum: MATCH_TIERS }).notNull(),
    /** The policy version the row was evaluated under. */
    versionId: integer("version_id").notNull(),
    /** Conditions met, failed and not yet known (the page's 满足/不满足/待确认). */
    met: integer("met").notNull(),
    missed: integer("missed").notNull(),
    untold: integer("untold").notNull(),
    /** The engine's evaluation as JSON: the amount and each condition's reason, as the page shows them. */
    result: text("result").notNull(),
    /** Epoch milliseconds. */
    computedAt: integer("computed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.jobId, t.enterpriseId] }),
    // The page's keyset (tier, then name, then id) and its counts per tier, on one index.
    index("programme_matches_list_idx").on(t.programmeId, t.jobId, t.tierRank, t.name, t.enterpriseId),
  ],
);

/** The computation a programme's list comes from: written by the last chunk of its job. */
export const programmeMatchRuns = sqliteTable("programme_match_runs", {
  programmeId: text("programme_id").primaryKey(),
  jobId: integer("job_id").notNull(),
  versionId: integer("version_id").notNull(),
  /** The day (Asia/Shanghai) the enterprises were judged on. */
  evaluatedOn: text("evaluated_on").notNull(),
  /** Epoch milliseconds: when the last chunk committed. */
  computedAt: integer("computed_at").notNull(),
});

export type ProgrammeMatchRow = typeof programmeMatches.$inferSelect;
