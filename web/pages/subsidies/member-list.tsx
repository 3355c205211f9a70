/**
 * 我的申报: the enterprise's applications, newest activity first — programme,
 * where each stands and until when, the amount, when it last changed. With none
 * yet, the way to 政策匹配, where the programmes that fit are.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { SubsidyStatus } from "../../../worker/db/schema";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { AppNumber, NumberSearch } from "../../components/app-number";
import { listPage, Pager } from "../../components/pager";
import { amountPhrase, inRemovedStage, NoticeBox, StatusTag, SUBSIDY_CSS, type Notice } from "./shared";

interface MyApplicationRow {
  id: string;
  numberYear: number | null;
  numberSeq: number | null;
  programme: string;
  status: SubsidyStatus;
  stage: string | null;
  amountFen: number | null;
  requestedFen: number | null;
  dueOn: string | null;
  updatedAt: number;
}

/** What the enterprise is waiting for, or has to do, in a few words. */
function nextStep(a: MyApplicationRow): string {
  switch (a.status) {
    case "draft":
      return "填写并提交";
    case "returned":
      return a.dueOn ? `请在${formatDateZh(a.dueOn)}前补正` : "请补正后重新提交";
    case "in_review":
      return a.dueOn ? `园区办理,预计${formatDateZh(a.dueOn)}前` : "园区办理中";
    case "awarded":
      return "等待拨付";
    default:
      return "—";
  }
}

export function MyApplicationsPage({
  zone,
  nonce,
  user,
  rows,
  notice,
  q,
  total,
  nextCursor,
  paged,
}: {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  rows: MyApplicationRow[];
  notice?: Notice | undefined;
  q?: string | undefined;
  /** Applications the search matches, every page. */
  total: number;
  nextCursor: string | null;
  /** This is a later page (?after=): the pager offers the first one again. */
  paged: boolean;
}) {
  return (
    <Layout title="我的申报" zone={zone} nonce={nonce} user={user} css={SUBSIDY_CSS}>
      <main id="main" class="wrap sub">
        <h1>我的申报</h1>
        <p class="lead">政策兑现的申报:草稿随填随存,提交后可在这里看到进度、核定金额和拨付情况。</p>
        <NoticeBox notice={notice} />
        {(rows.length > 0 || q) && (
          <NumberSearch action="/subsidies" q={q} label="查找申报" hint="申报编号(如 ZB-2026-000123)或项目名称" />
        )}
        {rows.length === 0 && q ? (
          <p class="panel">没有符合“{q}”的申报。</p>
        ) : rows.length === 0 ? (
          <div class="panel">
            <p>还没有申报。</p>
            <p>
              到<a href="/policies/match">政策匹配</a>看看哪些项目适合你的企业,在项目页点“在线申报”即可开始;也可以浏览
              <a href="/policies">政策纵览</a>。
            </p>
          </div>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <caption class="sr">我的申报列表</caption>
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">状态</th>
                  <th scope="col">下一步</th>
                  <th scope="col" class="num">
                    金额
                  </th>
                  <th scope="col">更新时间</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr>
                    <td>
                      <a href={`/subsidies/applications/${a.id}`}>{a.programme}</a>
                      <AppNumber zone={zone} kind="subsidy" row={a} />
                    </td>
                    <td data-label="状态">
                      <StatusTag zone={zone} status={a.status} stage={a.stage} audience="enterprise" />
                    </td>
                    <td data-label="下一步">
                      {inRemovedStage(zone, a.status, a.stage) ? "园区正在调整审核环节,调整后继续办理" : nextStep(a)}
                    </td>
                    <td class="num" data-label="金额">
                      {a.status === "draft" ? "—" : amountPhrase({ amountFen: a.amountFen ?? a.requestedFen }, "万元")}
                    </td>
                    <td data-label="更新时间">
                      <time datetime={new Date(a.updatedAt).toISOString()}>{formatTimeZh(new Date(a.updatedAt))}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={listPage("/subsidies", { q }, { total, nextCursor, paged })} unit="份申报" />
      </main>
    </Layout>
  );
}
