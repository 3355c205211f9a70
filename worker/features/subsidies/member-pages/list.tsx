/** GET /subsidies: 我的申报, a page at a time, searchable by application number or programme title. */
import type { AppDeps } from "../../../env";
import { parseApplicationNumber } from "../../../lib/application-number";
import { shanghaiDate } from "../../../lib/calendar";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { RETIRED_PROGRAMME } from "../../../../web/labels/subsidies";
import { MyApplicationsPage } from "../../../../web/pages/subsidies/member-list";
import { signedIn } from "../../auth/guard";
import { loadCurrentPolicy } from "../../policies/current-policy";
import { listMyApplications, type MemberFilter } from "../list-applications";
import { titleFrom } from "../programme-title";
import { CursorParam } from "../queue-cursor";
import { type MemberPages, nonce } from "./shared";

export function listPage(r: MemberPages, deps: AppDeps) {
  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    // ?q= finds an application by its number (ZB-2026-000123, also without the letters) or its programme's title.
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const q = c.req.query("q")?.trim().slice(0, 50) || undefined;
    const cursor = CursorParam.safeParse(c.req.query("after"));
    const after = cursor.success ? cursor.data : undefined;
    const n = q ? parseApplicationNumber(ctx.zone, "subsidy", q) : null;
    const policyRead = loadCurrentPolicy(ctx, shanghaiDate(ctx.now));
    // A title search needs the policy's titles first (they are not in the database): only then a second
    // round trip; otherwise the page and the policy are read together.
    const filter: MemberFilter = { after };
    if (n) filter.number = n;
    else if (q) {
      const list = (await policyRead)?.compiled.list ?? [];
      filter.programmes = {
        ids: list.filter((p) => p.title.zh.includes(q)).map((p) => p.id),
        ...(RETIRED_PROGRAMME.includes(q) ? { orRetiredFrom: list.map((p) => p.id) } : {}),
      };
    }
    const [page, policy] = await Promise.all([listMyApplications(ctx, filter), policyRead]);
    const title = titleFrom(policy?.compiled);
    return c.html(
      <MyApplicationsPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        rows={page.rows.map((a) => ({ ...a, programme: title(a.programmeId) }))}
        q={q}
        total={page.total}
        nextCursor={page.nextCursor}
        paged={after !== undefined}
      />,
    );
  });
}
