/** GET /subsidies: 我的申报, searchable by application number or programme title. */
import type { AppDeps } from "../../../env";
import { parseApplicationNumber } from "../../../lib/application-number";
import { shanghaiDate } from "../../../lib/calendar";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { MyApplicationsPage } from "../../../../web/pages/subsidies/member-list";
import { signedIn } from "../../auth/guard";
import { loadCurrentPolicy } from "../../policies/current-policy";
import { listMyApplications } from "../list-applications";
import { titleFrom } from "../programme-title";
import { type MemberPages, nonce } from "./shared";

export function listPage(r: MemberPages, deps: AppDeps) {
  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    const [rows, policy] = await Promise.all([listMyApplications(ctx), loadCurrentPolicy(ctx, shanghaiDate(ctx.now))]);
    const title = titleFrom(policy?.compiled);
    // ?q= finds an application by its number (ZB-2026-000123, also without the letters) or its programme's title.
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const q = c.req.query("q")?.trim().slice(0, 50) || undefined;
    const n = q ? parseApplicationNumber(ctx.zone, "subsidy", q) : null;
    const named = rows.map((a) => ({ ...a, programme: title(a.programmeId) }));
    const found = !q
      ? named
      : named.filter((a) => (n ? a.numberYear === n.year && a.numberSeq === n.seq : a.programme.includes(q)));
    return c.html(<MyApplicationsPage zone={ctx.zone} nonce={nonce(c)} user={signedIn(c).user} rows={found} q={q} />);
  });
}
