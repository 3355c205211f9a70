/**
 * 申报书: one application as a document to print, seal and file — the zone's name (and logo),
 * the application's number, the enterprise with its 统一社会信用代码, the programme with the
 * clause it cites, the facts as the enterprise stated them, the engine's calculation, the
 * amounts, the materials, every step of the timeline and the signature and seal block. Staff
 * and the enterprise's members print the same document; the timeline is told to each as their
 * application page tells it (the enterprise never reads which reviewer acted).
 */
import { raw } from "hono/html";
import type { ZoneConfig } from "../../../tenants/schema";
import { logoSrc, zoneLogo } from "../../../tenants/settings";
import type { Fact } from "../../../worker/engines/policy/format/facts";
import { applicationNumber } from "../../../worker/lib/application-number";
import { moneyFormatter } from "../../../worker/lib/money";
import { EvaluationResult } from "../../components/evaluation";
import { Layout } from "../../layout";
import { RETIRED_PROGRAMME } from "../../labels/subsidies";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import type { ApplicationView } from "./application-view";
import { MaterialsTable, SealBlock } from "./print-parts";
import { pageCss, PRINT_CSS } from "./print-styles";
import { StatusTag, Timeline } from "./shared";
import { factText } from "./staff-application";
import { SUBSIDY_STAFF_CSS } from "./staff-shared";

export interface PrintApplicationProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  audience: "staff" | "enterprise";
  /** The application's own page, for 返回. */
  backHref: string;
  detail: ApplicationView;
  enterprise: {
    uscc: string | null;
    legalRep: string | null;
    address: string | null;
    contactName: string | null;
    contactMobile: string | null;
  };
  programme: {
    title: string;
    document: { title: string; docNumber: string | null };
    citation: string;
    excerpt: string;
    facts: readonly Fact[];
    materials: readonly { id: string; zh: string }[];
  } | null;
  printedAt: Date;
}

/** The button's one job; a script under the page's nonce (inline handlers are blocked by CSP). */
const PRINT_SCRIPT = `document.querySelectorAll("[data-print]").forEach(function(b){
  b.addEventListener("click",function(){window.print()})});`;

const orDash = (v: string | null | undefined) => (v ? v : "—");

export function PrintApplicationPage(props: PrintApplicationProps) {
  const { zone, nonce, user, audience, backHref, detail, enterprise, programme, printedAt } = props;
  const app = detail.application;
  const number = applicationNumber(zone, "subsidy", app);
  const title = programme?.title ?? RETIRED_PROGRAMME;
  const logo = zoneLogo(zone);
  const declared = new Map((programme?.facts ?? []).map((f) => [f.name, f]));
  // Every fact stated, in the form's order; one the version no longer declares keeps its own name.
  const factNames = [
    ...(programme?.facts ?? []).map((f) => f.name).filter((n) => n in detail.facts),
    ...Object.keys(detail.facts).filter((k) => !declared.has(k)),
  ];
  const materialName = new Map((programme?.materials ?? []).map((m) => [`subsidy:${m.id}`, m.zh]));
  // The 金额 table reads as a column: one unit for its figures.
  const money = moneyFormatter(
    ...[app.amountFen, app.requestedFen, app.rangeMaxFen, detail.paidFen].filter((f): f is number => f !== null),
  );
  const basis = programme
    ? `${programme.document.title}${programme.document.docNumber ? `(${programme.document.docNumber})` : ""}` +
      programme.citation
    : "—";
  return (
    <Layout
      title={`申报书 · ${number ?? title}`}
      zone={zone}
      nonce={nonce}
      user={user}
      css={SUBSIDY_STAFF_CSS + PRINT_CSS + pageCss(number)}
    >
      <main id="main" class="wrap sub doc-page">
        <div class="print-tools">
          <p class="crumbs">
            <a href={backHref}>‹ 返回申报详情</a>
          </p>
          <button type="button" class="btn" data-print>
            打印申报书
          </button>
          <p class="hint">请用 A4 纸打印;如页面顶部或底部出现网址,可在打印设置中关闭“页眉和页脚”。</p>
        </div>
        <article class="doc-sheet" aria-labelledby="doc-title">
          <header class="doc-head">
            {logo && <img src={logoSrc(logo)} alt="" height="48" />}
            <p class="doc-zone">{zone.name.zh}</p>
            <h1 id="doc-title">政策兑现申报书</h1>
            <p class="doc-no">
              申报编号:<strong>{number ?? "提交后生成"}</strong>
            </p>
            {app.status === "draft" && <p class="doc-draft">本申报尚未提交,此件仅供核对,不能作为正式申报材料。</p>}
          </header>

          <section aria-labelledby="d-ent">
            <h2 id="d-ent">一、申报单位</h2>
            <table class="kv">
              <tbody>
                <tr>
                  <th scope="row">单位名称</th>
                  <td>{orDash(detail.enterprise.name)}</td>
                </tr>
                <tr>
                  <th scope="row">统一社会信用代码</th>
                  <td>{orDash(enterprise.uscc)}</td>
                </tr>
                <tr>
                  <th scope="row">法定代表人</th>
                  <td>{orDash(enterprise.legalRep)}</td>
                </tr>
                <tr>
                  <th scope="row">注册地址</th>
                  <td>{orDash(enterprise.address)}</td>
                </tr>
                <tr>
                  <th scope="row">联系人</th>
                  <td>{[enterprise.contactName, enterprise.contactMobile].filter(Boolean).join(" ") || "—"}</td>
                </tr>
              </tbody>
            </table>
          </section>

          <section aria-labelledby="d-prog">
            <h2 id="d-prog">二、申报项目</h2>
            <table class="kv">
              <tbody>
                <tr>
                  <th scope="row">项目名称</th>
                  <td>{title}</td>
                </tr>
                <tr>
                  <th scope="row">政策依据</th>
                  <td>
                    {basis}
                    {programme?.excerpt && <p class="excerpt">“{programme.excerpt}”</p>}
                  </td>
                </tr>
                <tr>
                  <th scope="row">申报年度</th>
                  <td>{app.awardYear ?? "—"}</td>
                </tr>
                {app.projectCode && (
                  <tr>
                    <th scope="row">项目编号</th>
                    <td>{app.projectCode}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">提交时间</th>
                  <td>{app.submittedAt ? formatTimeZh(new Date(app.submittedAt)) : "未提交"}</td>
                </tr>
                <tr>
                  <th scope="row">办理状态</th>
                  <td>
                    <StatusTag zone={zone} status={app.status} stage={app.stage} audience={audience} />
                  </td>
                </tr>
              </tbody>
            </table>
          </section>

          <section aria-labelledby="d-facts">
            <h2 id="d-facts">三、申报信息</h2>
            {factNames.length === 0 ? (
              <p>本项目无需填写申报信息。</p>
            ) : (
              <table class="kv">
                <tbody>
                  {factNames.map((n) => (
                    <tr>
                      <th scope="row">{declared.get(n)?.label.zh ?? n}</th>
                      <td>{factText(declared.get(n), detail.facts[n])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="d-amount">
            <h2 id="d-amount">四、测算与金额</h2>
            <table class="kv">
              <tbody>
                <tr>
                  <th scope="row">申报测算金额</th>
                  <td>
                    {app.requestedFen !== null ? money(app.requestedFen) : "评审确定"}
                    {app.rangeMinFen !== null && app.rangeMaxFen !== null
                      ? `(政策范围 ${money(app.rangeMinFen)}至${money(app.rangeMaxFen)})`
                      : ""}
                  </td>
                </tr>
                <tr>
                  <th scope="row">核定金额</th>
                  <td>{app.amountFen !== null ? money(app.amountFen) : "尚未核定"}</td>
                </tr>
                {detail.payments.length > 0 && (
                  <tr>
                    <th scope="row">已拨付</th>
                    <td>{money(detail.paidFen)}</td>
                  </tr>
                )}
              </tbody>
            </table>
            {detail.evaluation ? (
              <>
                <p class="excerpt">
                  按第{detail.evaluation.policyVersion}版政策,提交时由系统根据申报信息和企业资料计算:
                </p>
                <EvaluationResult result={detail.evaluation} heading={3} />
              </>
            ) : (
              <p class="excerpt">尚未提交,没有测算结果。</p>
            )}
          </section>

          <section aria-labelledby="d-materials">
            <h2 id="d-materials">五、申报材料</h2>
            {detail.materials.length === 0 ? (
              <p>没有上传材料。</p>
            ) : (
              <MaterialsTable materials={detail.materials} names={materialName} />
            )}
          </section>

          <section aria-labelledby="d-timeline">
            <h2 id="d-timeline">六、办理记录</h2>
            {detail.events.length === 0 ? (
              <p>还没有办理记录。</p>
            ) : (
              <Timeline zone={zone} events={detail.events} audience={audience} />
            )}
          </section>

          <section aria-labelledby="d-seal" class="seal-section">
            <h2 id="d-seal">七、申报单位承诺</h2>
            <p>本单位承诺:所填报的信息和所附材料真实、准确、完整,如有虚假,愿承担相应的法律责任。</p>
            <SealBlock />
          </section>
          <p class="doc-foot">
            {zone.name.zh} · 打印于 {formatTimeZh(printedAt)}
          </p>
        </article>
      </main>
      <script nonce={nonce}>{raw(PRINT_SCRIPT)}</script>
    </Layout>
  );
}
