/** The zone home page (GET / on a zone host): who the zone is and its policy documents. */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { shanghaiDate } from "../../lib/calendar";
import { zoneOf } from "../../middleware/zone";
import { ZoneHomePage } from "../../../web/pages/zone-home";
import { listPolicyDocumentsOn } from "../policies/list-documents";

export function zoneHomePage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  // Mounted at "/" beside the platform's own home: only a zone host is answered here.
  r.get("/", async (c, next) => {
    if (c.get("site").kind !== "zone") return next();
    const { zone, db } = zoneOf(c);
    const documents = await listPolicyDocumentsOn({ db, zone }, shanghaiDate(deps.now()));
    return c.html(
      <ZoneHomePage zone={zone} documents={documents} nonce={c.get("secureHeadersNonce")} user={c.get("auth")?.user} />,
    );
  });
  return r;
}
