/** One policy document's page (GET /policies/documents/:id): every clause, each with its anchor for citations. */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { zoneOf } from "../../../middleware/zone";
import { PolicyDocumentPage } from "../../../../web/pages/policy-document";
import { getPolicyDocument } from "../get-document";
import { DocumentIdParam } from "../schemas";

export function documentPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get("/documents/:id", async (c) => {
    const { zone, db } = zoneOf(c);
    const parsed = DocumentIdParam.shape.id.safeParse(c.req.param("id"));
    if (!parsed.success) throw new AppError("not_found", "没有这个政策文件。");
    const document = await getPolicyDocument({ db, zone }, parsed.data, shanghaiDate(deps.now()));
    return c.html(
      <PolicyDocumentPage
        zone={zone}
        document={document}
        nonce={c.get("secureHeadersNonce")}
        user={c.get("auth")?.user}
      />,
    );
  });
  return r;
}
