/**
 * The 风险补偿资金池 for zone staff as JSON: /api/v1/admin/risk-pools (the pools with exposure and
 * claims, set one up, change its terms, close it, 注资, enrol and unenrol products) and
 * /api/v1/admin/risk-claims (one claim with its ledger and materials; approve, reject, record a
 * recovery). Reviewers read; every change is the zone admin's, refused before the body is read.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { RISK_CLAIM_STATUSES, type RiskClaimRow } from "../../../db/schema";
import type { AppDeps } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { zoneStaffRouter } from "../../auth/api/zone-admin-router";
import { createPool, fundPool } from "../create-pool";
import { closePool, editPool } from "../edit-pool";
import { approveClaim, rejectClaim } from "../decide-claim";
import { enrolProduct, unenrolProduct } from "../enrol-product";
import { readClaim } from "../read-claim";
import { readPools } from "../read-pools";
import { recordRecovery } from "../record-recovery";
import {
  ApproveInput,
  ClaimIdParam,
  EnrolInput,
  FundInput,
  PoolIdParam,
  PoolEditInput,
  PoolInput,
  ProductParam,
  RecoveryInput,
  RejectInput,
} from "../schemas";
import {
  ClaimDetailSchema,
  ClaimSchema,
  claimDetailJson,
  claimJson,
  PoolRowSchema,
  PoolSchema,
  poolRowJson,
} from "./shapes";

const ADMIN = { 401: err("No session"), 403: err("Zone admins only (reviewers read)"), 422: err("Invalid input") };
const Done = z.object({ ok: z.literal(true) });
const Decided = z.object({
  claim: z.object({
    id: z.string(),
    status: z.enum(RISK_CLAIM_STATUSES),
    amountFen: z.number().int().nullable(),
    decisionNote: z.string().nullable(),
    revision: z.number().int(),
  }),
});
const decidedJson = (c: RiskClaimRow) => ({
  id: c.id,
  status: c.status,
  amountFen: c.amountFen,
  decisionNote: c.decisionNote,
  revision: c.revision,
});

/** Mounted at /api/v1/admin/risk-pools. */
export function riskPoolsAdminApi(deps: AppDeps) {
  const r = zoneStaffRouter(deps, { changesBy: "zone_admin" });
  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listRiskPools",
      tags: ["risk-pool"],
      summary: "Zone staff: every pool (balance, size, exposure by bank and product, claims by status and bank)",
      request: { query: z.object({ status: z.enum(RISK_CLAIM_STATUSES).optional() }) },
      responses: {
        200: json(z.object({ pools: z.array(PoolSchema), claims: z.array(ClaimSchema) }), "The pools"),
        ...ADMIN,
      },
    }),
    async (c) => {
      const view = await readPools(actingCtx(c, deps), { status: c.req.valid("query").status });
      return c.json({ pools: view.pools, claims: view.claims.map(claimJson) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createRiskPool",
      tags: ["risk-pool"],
      summary: "Zone admin: set up a pool (size, caps, coverage rules, deadlines in working days, basis)",
      request: body(PoolInput),
      responses: { 201: json(z.object({ pool: PoolRowSchema }), "Created, its size as its balance"), ...ADMIN },
    }),
    async (c) => c.json({ pool: poolRowJson(await createPool(actingCtx(c, deps), c.req.valid("json"))) }, 201),
  );
  r.openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      operationId: "updateRiskPool",
      tags: ["risk-pool"],
      summary:
        "Zone admin: change the terms (name, caps, coverage rules, deadlines, basis; the size moves only by 注资) " +
        "against the revision read; audited",
      request: { params: PoolIdParam, ...body(PoolEditInput) },
      responses: {
        200: json(z.object({ pool: PoolRowSchema }), "Changed (or already so)"),
        404: err("No such pool"),
        409: err("The pool changed since it was read (reload and retry)"),
        ...ADMIN,
      },
    }),
    async (c) => {
      const row = await editPool(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ pool: poolRowJson(row) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/close",
      operationId: "closeRiskPool",
      tags: ["risk-pool"],
      summary:
        "Zone admin: close the pool — no new registrations, enrolments or claims; claims already filed are " +
        "still decided and recoveries still credited",
      request: { params: PoolIdParam },
      responses: {
        200: json(z.object({ pool: PoolRowSchema }), "Closed"),
        404: err("No such pool"),
        409: err("Already closed"),
        ...ADMIN,
      },
    }),
    async (c) => c.json({ pool: poolRowJson(await closePool(actingCtx(c, deps), c.req.valid("param").id)) }, 200),
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/funds",
      operationId: "fundRiskPool",
      tags: ["risk-pool"],
      summary: "Zone admin: top the pool up (注资): size and balance grow by the amount; a ledger row",
      request: { params: PoolIdParam, ...body(FundInput) },
      responses: { 200: json(z.object({ pool: PoolRowSchema }), "Funded"), 404: err("No such active pool"), ...ADMIN },
    }),
    async (c) => {
      const row = await fundPool(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ pool: poolRowJson(row) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/products",
      operationId: "enrolRiskPoolProduct",
      tags: ["risk-pool"],
      summary: "Zone admin: enrol a published product; its loans are registered to the pool when disbursed",
      request: { params: PoolIdParam, ...body(EnrolInput) },
      responses: {
        201: json(Done, "Enrolled"),
        404: err("No such pool"),
        409: err("The product is already in a pool"),
        ...ADMIN,
      },
    }),
    async (c) => {
      await enrolProduct(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json").productId);
      return c.json({ ok: true as const }, 201);
    },
  );
  r.openapi(
    createRoute({
      method: "delete",
      path: "/{id}/products/{productId}",
      operationId: "unenrolRiskPoolProduct",
      tags: ["risk-pool"],
      summary: "Zone admin: take a product out of the pool (loans already registered stay covered)",
      request: { params: ProductParam },
      responses: { 200: json(Done, "Unenrolled"), 404: err("Not enrolled in this pool"), ...ADMIN },
    }),
    async (c) => {
      const { id, productId } = c.req.valid("param");
      await unenrolProduct(actingCtx(c, deps), id, productId);
      return c.json({ ok: true as const }, 200);
    },
  );
  return r;
}

/** Mounted at /api/v1/admin/risk-claims. */
export function riskClaimsAdminApi(deps: AppDeps) {
  const r = zoneStaffRouter(deps, { changesBy: "zone_admin" });
  r.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      operationId: "getRiskClaim",
      tags: ["risk-pool"],
      summary: "Zone staff: one claim, its loan, what approving now would pay, and its ledger rows",
      request: { params: ClaimIdParam },
      responses: {
        200: json(z.object({ claim: ClaimDetailSchema }), "The claim"),
        404: err("No such claim"),
        ...ADMIN,
      },
    }),
    async (c) => c.json({ claim: claimDetailJson(await readClaim(actingCtx(c, deps), c.req.valid("param").id)) }, 200),
  );
  const DECIDED = {
    200: json(Decided, "Decided"),
    404: err("No such claim"),
    409: err("Already decided, or the balance or the bank's cap no longer allows it (the message says which)"),
    ...ADMIN,
  };
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/approve",
      operationId: "approveRiskClaim",
      tags: ["risk-pool"],
      summary:
        "Zone admin: approve; the pool pays outstanding × coverage, cut to the per-loan cap, the bank's remaining " +
        "cap and the balance, in one guarded write",
      request: { params: ClaimIdParam, ...body(ApproveInput) },
      responses: DECIDED,
    }),
    async (c) => {
      const claim = await approveClaim(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ claim: decidedJson(claim) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/reject",
      operationId: "rejectRiskClaim",
      tags: ["risk-pool"],
      summary: "Zone admin: reject with a reason (told to the bank's staff)",
      request: { params: ClaimIdParam, ...body(RejectInput) },
      responses: DECIDED,
    }),
    async (c) => {
      const claim = await rejectClaim(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ claim: decidedJson(claim) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/recoveries",
      operationId: "recordRiskClaimRecovery",
      tags: ["risk-pool"],
      summary:
        "Zone admin: record what the bank recovered after payment; the pool gets its coverage share back, never " +
        "more than it paid on the claim",
      request: { params: ClaimIdParam, ...body(RecoveryInput) },
      responses: {
        200: json(z.object({ creditedFen: z.number().int() }), "Credited"),
        404: err("No such claim"),
        409: err("Not a paid claim, already fully returned, or changed meanwhile"),
        ...ADMIN,
      },
    }),
    async (c) => {
      const r2 = await recordRecovery(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ creditedFen: r2.creditedFen }, 200);
    },
  );
  return r;
}
