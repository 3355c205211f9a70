/**
 * API 令牌 page, mounted at /account/tokens (zone admin, bank staff): the list, making a token (the
 * answer to the form's POST shows it once — never in a URL, never again), revoking one (303 back).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../env";
import { TOKEN_SCOPES } from "../../lib/api-scopes";
import { AppError } from "../../lib/errors";
import { readFormBody } from "../../lib/form-body";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { tokenScopeZh } from "../../../web/labels/api-tokens";
import type { FormErrors } from "../../../web/components/form";
import { ApiTokensPage, type ApiTokensPageProps, type TokenState } from "../../../web/pages/api-tokens/tokens-page";
import { signedIn } from "../auth/guard";
import { formFailure, pageGuard } from "../auth/page-forms";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { tokenOwnerOf } from "./organisation";
import { revokeApiToken } from "./revoke-api-token";
import { ApiTokenIdParam, CreateApiTokenBody } from "./schemas";

const iso = (ms: number) => new Date(ms).toISOString();

/** The form's fields as typed: the days arrive as text, the scopes as repeated checkboxes. */
const CreateForm = CreateApiTokenBody.extend({
  expiresInDays: z.coerce
    .number("请填写有效天数(1 到 365 的整数)")
    .int("有效天数须为整数")
    .min(1, "有效天数至少 1 天")
    .max(365, "有效天数最多 365 天"),
}).strip();

type Extra = Pick<ApiTokensPageProps, "issued" | "notice" | "errors" | "values">;

export function apiTokenPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "bank"));

  const show = async (c: Context<AppEnv>, extra: Extra, status: 200 | 403 | 404 | 422 = 200) => {
    const ctx = actingCtx(c, deps);
    const owner = tokenOwnerOf(ctx.actor);
    const rows = await listApiTokens(ctx);
    const nowMs = ctx.now.getTime();
    const state = (t: (typeof rows)[number]): TokenState =>
      t.revokedAt !== null ? "revoked" : t.expiresAt <= nowMs ? "expired" : "active";
    return c.html(
      <ApiTokensPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        owner={owner.bankId === null ? "本园区" : "本机构"}
        tokens={rows.map((t) => ({
          id: t.id,
          name: t.name,
          scopes: t.scopes.map((s) => ({ code: s, label: tokenScopeZh(s) })),
          prefix: t.prefix,
          createdBy: t.createdBy,
          createdAt: iso(t.createdAt),
          expiresAt: iso(t.expiresAt),
          lastUsedAt: t.lastUsedAt === null ? null : iso(t.lastUsedAt),
          state: state(t),
        }))}
        offered={TOKEN_SCOPES.filter((s) => owner.areas.some((a) => s.startsWith(`${a}:`))).map((s) => ({
          value: s,
          label: tokenScopeZh(s),
        }))}
        {...extra}
      />,
      status,
    );
  };

  r.get("/", (c) => show(c, c.req.query("revoked") === "1" ? { notice: { kind: "ok", message: "令牌已撤销。" } } : {}));

  r.post("/", async (c) => {
    const body = await readFormBody(c, { all: true });
    const text = (k: string) => {
      const v = body[k];
      return typeof v === "string" ? v : undefined;
    };
    const raw = body.scopes;
    const scopes = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((s) => typeof s === "string");
    const values = { name: text("name"), days: text("expiresInDays"), scopes };
    const form = CreateForm.safeParse({ name: text("name") ?? "", scopes, expiresInDays: text("expiresInDays") });
    if (!form.success) {
      const fields: Record<string, string> = {};
      for (const issue of form.error.issues) fields[String(issue.path[0] ?? "")] ??= issue.message;
      const errors: FormErrors = { message: "请按提示修改后再提交。", fields };
      return show(c, { errors, values }, 422);
    }
    try {
      const issued = await createApiToken(actingCtx(c, deps), form.data);
      return show(c, { issued: { token: issued.token, name: issued.name, expiresAt: issued.expiresAt.toISOString() } });
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return show(c, { errors, values }, status === 403 ? 403 : 422);
    }
  });

  r.post("/:id/revoke", async (c) => {
    const id = ApiTokenIdParam.safeParse({ id: c.req.param("id") });
    if (!id.success) throw new AppError("not_found", "没有找到这个 API 令牌。");
    await revokeApiToken(actingCtx(c, deps), id.data.id);
    return c.redirect("/account/tokens?revoked=1", 303);
  });
  return r;
}
