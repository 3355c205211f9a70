/** POST /applications/{id}/materials: one uploaded material of a draft or returned application. */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { MATERIAL_LIMIT_LABEL } from "../../materials/material-file";
import { currentPolicyOf } from "../../policies/current-policy";
import { ApplicationIdParam, UploadBody } from "./request-schemas";
import { MaterialSchema, materialJson } from "./response-schemas";
import { attachMaterial } from "../attach-material";
import { denied, missing, type SubsidyGuards, type SubsidyRouter, uploadLimit } from "./shared";

export function materialsEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/materials",
      operationId: "uploadSubsidyApplicationMaterial",
      tags: ["subsidies"],
      middleware: [g.member, uploadLimit] as const,
      summary:
        "Upload one of the programme's materials (multipart/form-data: kind = the material's id, " +
        `file = PDF/JPG/PNG, at most ${MATERIAL_LIMIT_LABEL}) to a draft or returned application`,
      request: {
        params: ApplicationIdParam,
        body: { required: true, content: { "multipart/form-data": { schema: UploadBody } } },
      },
      responses: {
        201: json(z.object({ material: MaterialSchema }), "Stored"),
        ...denied,
        ...missing,
        409: err("Already submitted"),
        413: err(`File over ${MATERIAL_LIMIT_LABEL}`),
        415: err("Not multipart/form-data"),
        422: err("Not a material of this programme, empty, or not PDF/JPG/PNG by its bytes"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      // The policy in force is read beside the application: one round trip of reads, then the file and its row.
      const policy = currentPolicyOf(ctx).then((p) => p.policy);
      policy.catch(() => {}); // awaited by the service (its refusals may come first)
      const { kind, file } = c.req.valid("form");
      const { db, zone, now, ip, actor } = ctx;
      const row = await attachMaterial(
        { db, zone, now, ip, actor, blobs: deps.blobs },
        policy,
        c.req.valid("param").id,
        kind,
        file,
      );
      return c.json({ material: materialJson(row) }, 201);
    },
  );
}
