/**
 * Zone staff: the enterprises that match a programme (basis of 免申即享 notices), read a page at a
 * time from the stored list the "programme_matches" job computes, and the request to recompute it.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { pageLimitParam } from "../../../lib/cursor";
import { json } from "../../../lib/openapi";
import { actingCtx, requestCtx } from "../../../middleware/request-ctx";
import { findProgramme } from "../estimate-programme";
import { listProgrammeMatches, MATCHES_MAX_PAGE, MATCHES_PAGE_SIZE } from "../list-programme-matches";
import { EvaluationSchema, ProgrammeIdParam, VersionSchema } from "../programme-schemas";
import { queueProgrammeMatches } from "../queue-programme-matches";
import { denied, notFound, Tier, versionJson } from "./shared";

const Counts = z.object({
  eligible: z.number().int(),
  confirm: z.number().int(),
  unknown: z.number().int(),
  ineligible: z.number().int(),
});

const MatchesJob = z
  .object({
    id: z.number().int(),
    status: z.enum(["queued", "running"]),
    done: z.number().int(),
    total: z.number().int().nullable(),
  })
  .openapi("ProgrammeMatchesJob");

const MatchesQuery = z.object({
  after: z
    .string()
    .max(1000)
    .regex(/^[A-Za-z0-9_-]+$/, "翻页参数有误,请回到第一页")
    .optional()
    .openapi({ description: "The previous page's nextCursor: the page after it" }),
  limit: pageLimitParam(MATCHES_MAX_PAGE, MATCHES_PAGE_SIZE),
});

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

/** Guarded by the assembling router (zone_admin and reviewer). */
export function adminMatchesApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: "get",
      path: "/programmes/{id}/matches",
      operationId: "listProgrammeMatches",
      tags: ["policy"],
      summary:
        "Zone staff: the enterprises that match a programme (basis of 免申即享 notices), one page of the " +
        "stored list computed in the background (POST …/matches/refresh recomputes it); empty until first computed",
      request: { params: ProgrammeIdParam, query: MatchesQuery },
      responses: {
        200: json(
          z.object({
            version: VersionSchema.openapi({ description: "The version in force today" }),
            computedAt: z
              .string()
              .nullable()
              .openapi({ description: "When the stored list was computed; null: never yet" }),
            computedVersion: z
              .number()
              .int()
              .nullable()
              .openapi({ description: "The policy version the list was computed under" }),
            job: MatchesJob.nullable().openapi({ description: "The job computing the list now, if any" }),
            counts: Counts,
            total: z.number().int().openapi({ description: "Enterprises in the whole stored list" }),
            nextCursor: z
              .string()
              .nullable()
              .openapi({ description: "Pass as ?after= for the next page; null on the last" }),
            enterprises: z.array(z.object({ id: z.string(), name: z.string(), tier: Tier, result: EvaluationSchema })),
          }),
          "Enterprises, qualifying first (by tier, then name)",
        ),
        ...denied,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const q = c.req.valid("query");
      const { id } = c.req.valid("param");
      const m = await listProgrammeMatches(ctx, { programmeId: id, after: q.after, limit: q.limit });
      findProgramme(m.policy, id);
      return c.json(
        {
          version: versionJson(m.policy.version),
          computedAt: iso(m.run?.computedAt),
          computedVersion: m.run?.versionId ?? null,
          job: m.job,
          counts: m.counts,
          total: m.total,
          nextCursor: m.nextCursor,
          enterprises: m.rows.map((row) => ({
            ...row.enterprise,
            tier: row.tier,
            result: { ...row.result, policyVersion: row.versionId },
          })),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/programmes/{id}/matches/refresh",
      operationId: "refreshProgrammeMatches",
      tags: ["policy"],
      summary:
        "Zone staff: recompute a programme's stored match list in the background under the version in force " +
        "(a chunk of enterprises a minute); when a job for it is already queued or running, that one is returned",
      request: { params: ProgrammeIdParam },
      responses: {
        202: json(z.object({ queued: z.literal(true), job: MatchesJob }), "Queued"),
        200: json(z.object({ queued: z.literal(false), job: MatchesJob }), "Already queued or running"),
        ...denied,
        ...notFound,
      },
    }),
    async (c) => {
      const out = await queueProgrammeMatches(actingCtx(c, deps), c.req.valid("param").id);
      return out.queued
        ? c.json({ queued: true as const, job: out.job }, 202)
        : c.json({ queued: false as const, job: out.job }, 200);
    },
  );
  return r;
}
