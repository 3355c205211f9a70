/**
 * A bank's staff and the 风险补偿资金池, mounted at /api/v1/bank/risk-pool: their own exposure, loans
 * and claims; file a claim for one of their registered loans; add its materials (multipart); read one
 * of their claims; withdraw it while it waits. Another bank's loan or claim answers 404 (scoped in
 * SQL); a suspended bank is refused by the guard.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { CLAIM_MATERIAL_KINDS } from "../../../../web/labels/risk-pool";
import { MATERIAL_LIMIT_LABEL, MAX_MATERIAL_BYTES } from "../../materials/material-file";
import { attachClaimMaterial } from "../claim-materials";
import { fileClaim, withdrawClaim } from "../file-claim";
import { claimUploadLimit } from "../upload-limit";
import { readBankView } from "../read-bank";
import { readClaim } from "../read-claim";
import { ClaimIdParam, ClaimInput } from "../schemas";
import {
  BankViewSchema,
  ClaimDetailSchema,
  ClaimMaterialSchema,
  claimDetailJson,
  claimJson,
  claimMaterialJson,
  denied,
} from "./shapes";

const UploadBody = z.object({
  kind: z.enum(CLAIM_MATERIAL_KINDS).openapi({
    description: "contract 借款合同, collection 催收记录/追偿证明, npl 不良贷款认定材料, other 其他",
  }),
  file: z.instanceof(File, { message: "请选择要上传的文件" }).openapi({
    type: "string",
    format: "binary",
    maxLength: MAX_MATERIAL_BYTES,
  }),
});

export function riskPoolBankApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "bank"));
  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getBankRiskPool",
      tags: ["risk-pool", "bank"],
      summary: "Bank staff: the pools their bank is in, their own exposure, registered loans and claims",
      responses: { 200: json(BankViewSchema, "The bank's own view"), ...denied },
    }),
    async (c) => {
      const view = await readBankView(actingCtx(c, deps));
      return c.json({ ...view, claims: view.claims.map(claimJson) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/claims",
      operationId: "fileRiskClaim",
      tags: ["risk-pool", "bank"],
      summary:
        "Bank staff: claim compensation for one of their registered loans that defaulted (outstanding principal " +
        "≤ registered principal; default date between 放款 and today; filed within the pool's working days)",
      request: body(ClaimInput),
      responses: {
        201: json(z.object({ claim: z.object({ id: z.string(), reviewDueOn: z.string() }) }), "Filed"),
        ...denied,
        404: err("No such registered loan of this bank"),
        409: err("A live claim exists, the pool is closed, or the filing deadline has passed"),
        422: err("Invalid input (fields name it)"),
      },
    }),
    async (c) => {
      const row = await fileClaim(actingCtx(c, deps), c.req.valid("json"));
      return c.json({ claim: { id: row.id, reviewDueOn: row.reviewDueOn } }, 201);
    },
  );
  r.openapi(
    createRoute({
      method: "get",
      path: "/claims/{id}",
      operationId: "getBankRiskClaim",
      tags: ["risk-pool", "bank"],
      summary: "Bank staff: one of their bank's claims with its ledger rows",
      request: { params: ClaimIdParam },
      responses: {
        200: json(z.object({ claim: ClaimDetailSchema }), "The claim"),
        ...denied,
        404: err("No such claim of this bank"),
      },
    }),
    async (c) => c.json({ claim: claimDetailJson(await readClaim(actingCtx(c, deps), c.req.valid("param").id)) }, 200),
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/claims/{id}/materials",
      operationId: "uploadRiskClaimMaterial",
      tags: ["risk-pool", "bank"],
      middleware: [claimUploadLimit] as const,
      summary:
        "Bank staff: add a material to one of their claims while it waits for review (multipart/form-data: " +
        `kind, file = PDF/JPG/PNG, at most ${MATERIAL_LIMIT_LABEL})`,
      request: {
        params: ClaimIdParam,
        body: { required: true, content: { "multipart/form-data": { schema: UploadBody } } },
      },
      responses: {
        201: json(z.object({ material: ClaimMaterialSchema }), "Stored"),
        ...denied,
        404: err("No such claim of this bank"),
        409: err("Already decided or withdrawn"),
        413: err(`File over ${MATERIAL_LIMIT_LABEL}`),
        415: err("Not multipart/form-data"),
        422: err("Empty, or not PDF/JPG/PNG by its bytes"),
      },
    }),
    async (c) => {
      const { db, zone, now, ip, actor } = actingCtx(c, deps);
      const { kind, file } = c.req.valid("form");
      const row = await attachClaimMaterial({ db, zone, now, ip, actor, blobs: deps.blobs }, c.req.valid("param").id, {
        kind,
        file,
      });
      return c.json(
        {
          material: claimMaterialJson({
            id: row.id,
            kind,
            filename: row.filename,
            size: row.size,
            uploadedAt: row.createdAt,
          }),
        },
        201,
      );
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/claims/{id}/withdraw",
      operationId: "withdrawRiskClaim",
      tags: ["risk-pool", "bank"],
      summary: "Bank staff: withdraw one of their claims while it waits for review",
      request: { params: ClaimIdParam },
      responses: {
        200: json(z.object({ ok: z.literal(true) }), "Withdrawn"),
        ...denied,
        404: err("No such claim of this bank"),
        409: err("Already decided or withdrawn"),
      },
    }),
    async (c) => {
      await withdrawClaim(actingCtx(c, deps), c.req.valid("param").id);
      return c.json({ ok: true as const }, 200);
    },
  );
  return r;
}
