/** The zone's policy documents as JSON (mounted at /api/v1/policies): the list and one with its clauses. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { errorResponses, validationHook } from "../../../lib/api-errors";
import { shanghaiDate } from "../../../lib/calendar";
import { err, json } from "../../../lib/openapi";
import { requireZone, zoneOf } from "../../../middleware/zone";
import { getPolicyDocument } from "../get-document";
import { listPolicyDocumentsOn } from "../list-documents";
import { DocumentDetail, DocumentIdParam, DocumentSummary } from "../schemas";

export function documentsApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);
  // Validity is judged by the day in Asia/Shanghai.
  const today = () => shanghaiDate(deps.now());

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listPolicyDocuments",
      security: [],
      tags: ["policies"],
      summary: "List the zone's policy documents (政策纵览)",
      responses: {
        200: json(z.object({ documents: z.array(DocumentSummary) }), "Documents in display order"),
        404: err("No zone at this address (an unknown host, or the platform's bare domain)"),
      },
    }),
    async (c) => c.json({ documents: await listPolicyDocumentsOn(zoneOf(c), today()) }, 200),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      operationId: "getPolicyDocument",
      security: [],
      tags: ["policies"],
      summary: "One policy document with its clauses",
      request: { params: DocumentIdParam },
      responses: { 200: json(DocumentDetail, "The document"), ...errorResponses },
    }),
    async (c) => c.json(await getPolicyDocument(zoneOf(c), c.req.valid("param").id, today()), 200),
  );
  return r;
}
