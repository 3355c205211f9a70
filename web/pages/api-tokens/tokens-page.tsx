/**
 * API 令牌 (/account/tokens): a zone admin's or a bank's tokens for its own systems — the list
 * (scopes, maker, dates, last use, state), a new token shown once with a copy button, making one
 * (name, scopes, days) and revoking one after a confirmation.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Checkbox, FormAlert, type FormErrors, Input } from "../../components/form";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";

export type TokenState = "active" | "expired" | "revoked";

const STATE_ZH: Record<TokenState, string> = { active: "有效", expired: "已过期", revoked: "已撤销" };

export interface TokenView {
  id: string;
  name: string;
  scopes: { code: string; label: string }[];
  prefix: string;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  state: TokenState;
}

export interface ApiTokensPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  /** "园区" or the bank's name: whose tokens these are. */
  owner: string;
  tokens: TokenView[];
  /** The scopes this person may grant. */
  offered: { value: string; label: string }[];
  /** A token just made: shown this once. */
  issued?: { token: string; name: string; expiresAt: string } | undefined;
  notice?: { kind: "ok" | "error"; message: string } | undefined;
  errors?: FormErrors | undefined;
  values?: { name?: string | undefined; days?: string | undefined; scopes?: string[] } | undefined;
}

const Time = ({ at }: { at: string }) => <time datetime={at}>{formatTimeZh(at)}</time>;

export function ApiTokensPage(p: ApiTokensPageProps) {
  return (
    <Layout title="API 令牌" zone={p.zone} nonce={p.nonce} user={p.user} current="account" css={CSS}>
      <main id="main" class="wrap tokens-page">
        <h1>API 令牌</h1>
        <p>
          {`${p.owner}自己的系统(如 BI、信贷系统)用 API 令牌调用本园区的接口,不需要账号密码。` +
            "令牌以创建人的身份办事,只能做所选权限范围内的事;不用时请撤销。"}
        </p>
        <p>
          调用方法:在请求头加上 <code>Authorization: Bearer 令牌</code>,接口说明见{" "}
          <a href="/api/openapi.json">/api/openapi.json</a>。
        </p>
        {p.notice && (
          <div class={`alert ${p.notice.kind}`} role={p.notice.kind === "error" ? "alert" : "status"}>
            {p.notice.message}
          </div>
        )}
        {p.issued && <IssuedToken issued={p.issued} />}
        <TokenList tokens={p.tokens} />
        <CreateForm offered={p.offered} errors={p.errors} values={p.values} />
      </main>
    </Layout>
  );
}

function IssuedToken({ issued }: { issued: NonNullable<ApiTokensPageProps["issued"]> }) {
  return (
    <section class="card" aria-labelledby="issued-title">
      <h2 id="issued-title">新令牌「{issued.name}」已创建</h2>
      <code class="secret-link" id="new-token">
        {issued.token}
      </code>
      <p>
        <button type="button" class="btn" data-copy="#new-token" data-copied="已复制">
          复制令牌
        </button>
      </p>
      <div class="alert info" role="note">
        令牌<strong>只显示这一次</strong>,离开本页后无法再查看,请现在复制并保存到你的系统中;有效期到{" "}
        <Time at={issued.expiresAt} />
        (北京时间)。不要发到群里或写进代码仓库;泄露了请立即撤销。
      </div>
    </section>
  );
}

function TokenList({ tokens }: { tokens: TokenView[] }) {
  if (tokens.length === 0) return <p>还没有令牌。</p>;
  return (
    <div class="table-scroll">
      <table class="users stack">
        <caption class="skip">{tokens.length} 个令牌</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">权限范围</th>
            <th scope="col">创建人</th>
            <th scope="col">创建时间</th>
            <th scope="col">到期</th>
            <th scope="col">最近使用</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr>
              <td>
                {t.name}
                <small>
                  <code>{t.prefix}…</code>
                </small>
              </td>
              <td data-label="权限范围">
                {t.scopes.map((s) => (
                  <span class="scope">
                    {s.label} <small>{s.code}</small>
                  </span>
                ))}
              </td>
              <td data-label="创建人">{t.createdBy}</td>
              <td data-label="创建时间">
                <Time at={t.createdAt} />
              </td>
              <td data-label="到期">
                <Time at={t.expiresAt} />
              </td>
              <td data-label="最近使用">{t.lastUsedAt ? <Time at={t.lastUsedAt} /> : "从未使用"}</td>
              <td data-label="状态">{STATE_ZH[t.state]}</td>
              <td>
                {t.state === "active" && (
                  <form
                    method="post"
                    action={`/account/tokens/${t.id}/revoke`}
                    data-confirm={`确定撤销令牌「${t.name}」?使用它的系统会立即无法调用接口,且不能恢复。`}
                  >
                    <button class="btn danger" type="submit" aria-label={`撤销:${t.name}`}>
                      撤销
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateForm(p: Pick<ApiTokensPageProps, "offered" | "errors" | "values">) {
  const fields = p.errors?.fields ?? {};
  const chosen = p.values?.scopes ?? [];
  return (
    <section class="card" aria-labelledby="create-title">
      <h2 id="create-title">新建令牌</h2>
      <FormAlert errors={p.errors} ids={{ scopes: "f-scopes" }} />
      <form method="post" action="/account/tokens" class="stack" novalidate>
        <Input
          name="name"
          label="令牌名称"
          hint="写明给哪个系统用,如“信贷系统对接”"
          maxlength={60}
          value={p.values?.name}
          error={fields.name}
        />
        <fieldset
          class="choices"
          id="f-scopes"
          tabindex={-1}
          aria-describedby={fields.scopes ? "f-scopes-error" : "f-scopes-hint"}
        >
          <legend>权限范围</legend>
          <p class="hint" id="f-scopes-hint">
            读取:只能查看;写入:可以办理和修改。只选系统真正需要的。
          </p>
          {p.offered.map((o) => (
            <Checkbox name="scopes" value={o.value} checked={chosen.includes(o.value)}>
              {o.label} <small>{o.value}</small>
            </Checkbox>
          ))}
          {fields.scopes && (
            <p class="field-error" id="f-scopes-error">
              {fields.scopes}
            </p>
          )}
        </fieldset>
        <Input
          name="expiresInDays"
          label="有效天数"
          hint="1 到 365 天,到期后令牌自动失效"
          inputmode="numeric"
          maxlength={3}
          value={p.values?.days ?? "90"}
          error={fields.expiresInDays}
        />
        <button type="submit" class="btn">
          创建令牌
        </button>
      </form>
    </section>
  );
}

const CSS =
  ".tokens-page .card{margin:16px 0}.tokens-page .scope{display:block;white-space:nowrap}" +
  ".tokens-page fieldset.choices{border:0;padding:0;margin:0}" +
  ".tokens-page fieldset.choices legend{font-weight:600;padding:0}";
