/**
 * 数据授权 (PIPL): which banks may see the enterprise's qualifications, years
 * in operation and revenue — each granted on its own and revocable at once —
 * every other active bank of the zone with 授权, and the record of past grants.
 * Without a grant a bank sees a need's terms, the company and its industry only.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { MEMBER_CSS } from "./member-shared";
import { NoticeBox, type Notice } from "../subsidies/shared";

export interface ConsentRow {
  bankId: string;
  bankName: string;
  grantedAt: number;
  grantedBy: string;
  revokedAt: number | null;
}

export interface ConsentsPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  /** Every grant of this enterprise, revoked or not, newest first. */
  consents: ConsentRow[];
  /** Active banks of the zone this enterprise has not granted. */
  others: { id: string; name: string; branch: string | null }[];
  notice?: Notice | undefined;
}

const at = (ms: number) => <time datetime={new Date(ms).toISOString()}>{formatTimeZh(new Date(ms))}</time>;

function Action({
  bankId,
  action,
  label,
  bankName,
}: {
  bankId: string;
  action: "grant" | "revoke";
  label: string;
  bankName: string;
}) {
  return (
    <form method="post" action={`/finance/consents/${bankId}`}>
      <input type="hidden" name="action" value={action} />
      <button
        type="submit"
        class={`btn ${action === "revoke" ? "danger" : "secondary"}`}
        aria-label={`${label}:${bankName}`}
        data-confirm={
          action === "revoke"
            ? `确定撤回对${bankName}的授权吗?撤回后该机构不能再查看本企业的资质、成立年限和营业收入。`
            : undefined
        }
      >
        {label}
      </button>
    </form>
  );
}

export function ConsentsPage({ zone, nonce, user, consents, others, notice }: ConsentsPageProps) {
  const active = consents.filter((c) => c.revokedAt === null);
  const past = consents.filter((c) => c.revokedAt !== null);
  return (
    <Layout title="数据授权" zone={zone} nonce={nonce} user={user} current="finance" css={MEMBER_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/finance">金融超市</a> › 数据授权
        </p>
        <h1>数据授权</h1>
        <p class="lead">
          授权后,这家金融机构可以查看本企业的资质、成立年限和最近年度营业收入,用于匹配和审核贷款。每家机构分别授权,随时可以撤回;撤回后它立即看不到这些信息。
          未授权的机构只能看到融资需求的内容、企业名称和所属行业。申请贷款时勾选同意,即对该机构授权。
        </p>
        <NoticeBox notice={notice} />
        <section class="panel" aria-labelledby="granted-heading">
          <h2 id="granted-heading">已授权的机构</h2>
          {active.length === 0 ? (
            <p>目前没有授权任何机构。</p>
          ) : (
            <ul class="cards">
              {active.map((c) => (
                <li class="consent-row">
                  <p>
                    <strong>{c.bankName}</strong>
                    <br />
                    <small>{at(c.grantedAt)} 起授权</small>
                  </p>
                  <Action bankId={c.bankId} action="revoke" label="撤回" bankName={c.bankName} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="panel" aria-labelledby="others-heading">
          <h2 id="others-heading">本园区的其他金融机构</h2>
          {others.length === 0 ? (
            <p>没有其他可授权的机构。</p>
          ) : (
            <ul class="cards">
              {others.map((b) => (
                <li class="consent-row">
                  <p>
                    <strong>{b.name}</strong>
                    {b.branch && (
                      <>
                        <br />
                        <small>{b.branch}</small>
                      </>
                    )}
                  </p>
                  <Action bankId={b.id} action="grant" label="授权" bankName={b.name} />
                </li>
              ))}
            </ul>
          )}
        </section>
        {past.length > 0 && (
          <section class="panel" aria-labelledby="past-heading">
            <h2 id="past-heading">授权记录</h2>
            <ul class="plain">
              {past.map((c) => (
                <li>
                  {c.bankName}:{at(c.grantedAt)} 授权,{at(c.revokedAt!)} 撤回
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </Layout>
  );
}
