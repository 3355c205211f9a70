/** Pieces the policy API routes share: their refusals, the fit tier, and a version as JSON. */
import { z } from "@hono/zod-openapi";
import { err } from "../../../lib/openapi";
import type { LoadedPolicy } from "../current-policy";
import { EvaluationSchema, ProgrammeSchema } from "../programme-schemas";

export const notFound = { 404: err("No such programme, or no policy published yet") };
export const denied = { 401: err("No session"), 403: err("Not allowed for this account") };

export const versionJson = (v: LoadedPolicy["version"]) => ({
  id: v.id,
  label: v.label,
  effectiveFrom: v.effectiveFrom,
  publishedAt: new Date(v.publishedAt).toISOString(),
});

export const Tier = z.enum(["eligible", "confirm", "unknown", "ineligible"]).openapi({
  description:
    "eligible: its records prove a condition; confirm: nothing fails but only who-may-apply must be confirmed; " +
    "unknown: a fact is missing; ineligible: a condition fails",
});

export const FitSchema = z.object({
  programme: ProgrammeSchema,
  result: EvaluationSchema,
  tier: Tier,
  met: z.number().int(),
  missed: z.number().int(),
  untold: z.number().int(),
});
