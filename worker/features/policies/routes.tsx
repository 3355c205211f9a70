/** Policy documents: the zone home page (政策纵览), each document's page, and their JSON API. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { errorResponses, validationHook } from "../../lib/api-errors";
import { AppError } from "../../lib/errors";
import { shanghaiDate } from "../../lib/calendar";
import { requireZone, zoneOf } from "../../middleware/zone";
import { PolicyDocumentPage } from "../../../web/pages/policy-document";
import { ZoneHomePage } from "../../../web/pages/zone-home";
import { getPolicyDocument } from "./get-document";
import { listPolicyDocumentsOn } from "./list-documents";
import { DocumentDetail, DocumentIdParam, DocumentSummary } from "./schemas";

export const policiesRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
policiesRoutes.use("/policies/*", requireZone);
// This router is built without the app's deps, so its clock is the runtime's: validity is judged by the day.
const today = () => shanghaiDate(new Date());
policiesRoutes.use("/api/v1/policies", requireZone);
policiesRoutes.use("/api/v1/policies/*", requireZone);

policiesRoutes.get("/", async (c, next) => {
  if (c.get("site").kind !== "zone") return next();
  const { zone, db } = zoneOf(c);
  const documents = await listPolicyDocumentsOn({ db, zone }, today());
  return c.html(
    <ZoneHomePage zone={zone} documents={documents} nonce={c.get("secureHeadersNonce")} user={c.get("auth")?.user} />,
  );
});

policiesRoutes.get("/policies/:id", async (c) => {
  const { zone, db } = zoneOf(c);
  const parsed = DocumentIdParam.shape.id.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", "没有这个政策文件。");
  const document = await getPolicyDocument({ db, zone }, parsed.data, today());
  return c.html(
    <PolicyDocumentPage
      zone={zone}
      document={document}
      nonce={c.get("secureHeadersNonce")}
      user={c.get("auth")?.user}
    />,
  );
});

policiesRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/v1/policies",
    tags: ["policies"],
    summary: "List the zone's policy documents (政策纵览)",
    responses: {
      200: {
        description: "Documents in display order",
        content: { "application/json": { schema: z.object({ documents: z.array(DocumentSummary) }) } },
      },
    },
  }),
  async (c) => c.json({ documents: await listPolicyDocumentsOn(zoneOf(c), today()) }, 200),
);

policiesRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/v1/policies/{id}",
    tags: ["policies"],
    summary: "One policy document with its clauses",
    request: { params: DocumentIdParam },
    responses: {
      200: { description: "The document", content: { "application/json": { schema: DocumentDetail } } },
      ...errorResponses,
    },
  }),
  async (c) => c.json(await getPolicyDocument(zoneOf(c), c.req.valid("param").id, today()), 200),
);
