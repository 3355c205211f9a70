/** GET /admin/subsidies: the queue per stage, with filters and counts, a page at a time. */
import type { AppDeps } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import type { FormErrors } from "../../../../web/components/form";
import { listPage } from "../../../../web/components/pager";
import { QueuePage } from "../../../../web/pages/subsidies/staff-queue";
import { signedIn } from "../../auth/guard";
import { listQueue, QueueQuery } from "../list-applications";
import { removedStageNotes } from "../removed-stage";
import { DONE, programmeTitles, type StaffPages } from "./shared";

const FILTER_NAMES: Record<string, string> = {
  status: "状态",
  stage: "环节",
  programme: "扶持项目",
  q: "企业名称或申报编号",
  resubmitted: "仅看退回后重新提交",
  after: "翻页",
};

/** The filters a page link keeps (the cursor is the pager's own). */
const filterParams = ({ status, stage, programme, q, resubmitted }: QueueQuery) => ({
  status,
  stage,
  programme,
  q,
  resubmitted,
});

export function queuePage(r: StaffPages, deps: AppDeps) {
  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    // An empty select means "any"; the rest is checked like the API's query.
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const raw = Object.fromEntries(
      Object.entries(c.req.query()).filter(([k, v]) => v.trim() !== "" && k in FILTER_NAMES),
    );
    const parsed = QueueQuery.safeParse(raw);
    const named = (path: PropertyKey | undefined) => FILTER_NAMES[String(path)] ?? String(path);
    const errors: FormErrors | undefined = parsed.success
      ? undefined
      : {
          message: `筛选条件有误(${[...new Set(parsed.error.issues.map((i) => named(i.path[0])))].join("、")}),已显示全部申报。`,
          fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
        };
    const [queue, { policy, title }] = await Promise.all([
      listQueue(ctx, parsed.success ? parsed.data : {}),
      programmeTitles(ctx),
    ]);
    const removed = await removedStageNotes(ctx, queue.rows);
    const done = c.req.query("done");
    return c.html(
      <QueuePage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        page={listPage("/admin/subsidies", filterParams(parsed.success ? parsed.data : {}), {
          total: queue.total,
          nextCursor: queue.nextCursor,
          paged: parsed.success && parsed.data.after !== undefined,
        })}
        rows={queue.rows.map((row) => ({
          ...row,
          programme: title(row.programmeId),
          removedStage: removed.get(row.id),
        }))}
        counts={queue.counts}
        filters={parsed.success ? parsed.data : {}}
        programmes={(policy?.compiled.list ?? []).map((p) => ({ id: p.id, title: p.title.zh }))}
        today={shanghaiDate(ctx.now)}
        errors={errors}
        notice={done && DONE[done] ? { kind: "ok", message: DONE[done]! } : undefined}
      />,
      errors ? 422 : 200,
    );
  });
}
