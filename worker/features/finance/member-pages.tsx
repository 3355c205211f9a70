/**
 * The enterprise's 金融超市 pages: 融资需求 (post one, see the products ranked
 * for it criterion by criterion, mark it met or close it), 在线申请 from a
 * product page (with the separate consent for that bank), 我的贷款 and one
 * application's status and timeline (撤回 while pending), and 数据授权 (grant
 * or revoke, per bank).
 * Plain forms (hono/csrf): success is a 303 to the page that shows the result;
 * a refusal re-renders the form with what was typed, the reason and a 4xx.
 * Another enterprise's need or loan is the 404 a missing id gets.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone } from "../../middleware/zone";
import type { FormErrors } from "../../../web/components/form";
import { ConsentsPage } from "../../../web/pages/finance/member-consents";
import { LoanPage } from "../../../web/pages/finance/member-loan";
import { MyLoansPage } from "../../../web/pages/finance/member-loans";
import { NeedPage } from "../../../web/pages/finance/member-need";
import { MyNeedsPage } from "../../../web/pages/finance/member-needs";
import type { Notice } from "../../../web/pages/finance/shared";
import { signedIn } from "../auth/guard";
import { formFailure } from "../auth/page-forms";
import { requireMemberPage } from "../enterprises/member-guard";
import { shanghaiDate } from "../../lib/calendar";
import { actorOf, financeCtx, ID, months, productPage } from "./catalogue-pages";
import { wanToFen } from "./form-amounts";
import { grantConsent, revokeConsent } from "./consents";
import type { FinanceCtx } from "./context";
import { ApplyInput, applyForLoan } from "./loan-applications";
import { consentChoices, myLoan, myLoans } from "./member-reads";
import { WithdrawInput, withdrawLoan } from "./withdraw-loan";
import { closeNeed, listMyNeeds, NeedInput, postNeed, productsForNeed } from "./needs";

const LOAN_NOT_FOUND = "没有这笔贷款申请。";
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,100}$/;
/** The apply service's field names → the form's. */
const APPLY_FIELDS: Record<string, string> = { amountFen: "amount", termMonths: "term", needId: "need" };
const ok = (message: string): Notice => ({ kind: "ok", message });
const NEED_DONE: Record<string, Notice> = {
  posted: ok("融资需求已发布。下面是按你的企业资料排好的产品;本园区的金融机构也能看到这条需求。"),
  met: ok("已标记为获得融资,金融机构不再看到这条需求。"),
  closed: ok("需求已关闭,金融机构不再看到这条需求。"),
};
const CONSENT_DONE: Record<string, Notice> = {
  granted: ok("已授权。"),
  revoked: ok("已撤回授权,这家机构不再能查看本企业的财务信息。"),
};

/** A form's text fields; repeated names (checkboxes) as lists. */
const FIELD_LABELS: Record<string, string> = {
  purpose: "资金用途",
  note: "备注",
  amount: "金额",
  term: "期限",
  neededBy: "用款时间",
  validUntil: "有效期",
};

async function formOf(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  refuseBadCharacters(body, FIELD_LABELS);
  const many = (name: string) => [body[name]].flat().filter((v): v is string => typeof v === "string");
  const one = (name: string) => many(name)[0] ?? "";
  return { one, many };
}

/** Zod issues (by the service's field names) as the form's fields. */
function issuesToFields(
  issues: readonly { path: PropertyKey[]; message: string; code: string }[],
  rename: Record<string, string>,
) {
  const fields: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? "");
    fields[rename[key] ?? key] ??= i.code === "invalid_type" ? "请填写这一项" : i.message;
  }
  return fields;
}

const idOf = (c: Context<AppEnv>, name: string, message: string) => {
  const id = c.req.param(name) ?? "";
  if (!ID.test(id)) throw new AppError("not_found", message);
  return id;
};

export function financeMemberPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const guard = requireMemberPage(deps);
  for (const path of ["/finance/needs", "/finance/loans", "/finance/consents"]) {
    r.use(path, requireZone, guard);
    r.use(`${path}/*`, requireZone, guard);
  }
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");
  const ctxOf = (c: Context<AppEnv>): FinanceCtx => financeCtx(c, deps, actorOf(c)!);

  // ── 融资需求 ───────────────────────────────────────────────────────────────
  const needsPage = async (
    c: Context<AppEnv>,
    form: { values?: Record<string, string>; guarantees?: string[]; errors?: FormErrors } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = ctxOf(c);
    const day = (n: number) => shanghaiDate(new Date(ctx.now.getTime() + n * 86_400_000));
    const values = form.values ?? { neededBy: day(30), validUntil: day(90) };
    return c.html(
      <MyNeedsPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        needs={await listMyNeeds(ctx)}
        values={values}
        guarantees={form.guarantees ?? []}
        errors={form.errors}
      />,
      status,
    );
  };

  r.get("/finance/needs", (c) => needsPage(c));

  r.post("/finance/needs", async (c) => {
    const f = await formOf(c);
    const values = {
      amount: f.one("amount"),
      term: f.one("term"),
      purpose: f.one("purpose"),
      neededBy: f.one("neededBy"),
      validUntil: f.one("validUntil"),
    };
    const guarantees = f.many("guarantees");
    const fields: Record<string, string> = {};
    const amount = wanToFen(values.amount);
    const amountFen = amount.ok ? amount.fen : null;
    const termMonths = months(values.term);
    if (!amount.ok) fields.amount = amount.message;
    if (termMonths === null) fields.term = "请填写1至360之间的整数月数";
    const parsed = NeedInput.safeParse({
      amountFen: amountFen ?? 0,
      termMonths: termMonths ?? 1,
      purpose: values.purpose,
      guarantees,
      neededBy: values.neededBy,
      validUntil: values.validUntil,
    });
    if (!parsed.success)
      Object.assign(fields, {
        ...issuesToFields(parsed.error.issues, { amountFen: "amount", termMonths: "term" }),
        ...fields,
      });
    const refuse = (errors: FormErrors, status: ContentfulStatusCode) =>
      needsPage(c, { values, guarantees, errors }, status);
    if (Object.keys(fields).length || !parsed.success)
      return refuse({ message: "请按提示修改后再发布。", fields }, 422);
    try {
      const need = await postNeed(ctxOf(c), parsed.data);
      return c.redirect(`/finance/needs/${need.id}?done=posted`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return refuse(errors, status);
    }
  });

  r.get("/finance/needs/:id", async (c) => {
    const ctx = ctxOf(c);
    const { need, matches } = await productsForNeed(ctx, idOf(c, "id", "没有这条融资需求。"));
    return c.html(
      <NeedPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        need={need}
        matches={matches}
        notice={NEED_DONE[c.req.query("done") ?? ""]}
      />,
    );
  });

  r.post("/finance/needs/:id/close", async (c) => {
    const id = idOf(c, "id", "没有这条融资需求。");
    const status = (await formOf(c)).one("status") === "met" ? "met" : "closed";
    await closeNeed(ctxOf(c), id, status);
    return c.redirect(`/finance/needs/${id}?done=${status}`, 303);
  });

  // ── 在线申请 and 我的贷款 ───────────────────────────────────────────────────
  r.post("/finance/loans", async (c) => {
    const f = await formOf(c);
    const productId = f.one("productId");
    const values = {
      amount: f.one("amount"),
      term: f.one("term"),
      need: f.one("need"),
      note: f.one("note"),
      consent: f.one("consent"),
    };
    const key = f.one("idempotencyKey").trim() || null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key))
      throw new AppError("bad_request", "表单已失效,请回到产品页面重新填写。");
    const refuse = (errors: FormErrors, status: ContentfulStatusCode) =>
      productPage(c, deps, productId, { values, errors, idempotencyKey: key ?? undefined }, status);
    const fields: Record<string, string> = {};
    const amount = wanToFen(values.amount);
    const amountFen = amount.ok ? amount.fen : null;
    const termMonths = months(values.term);
    if (!amount.ok) fields.amount = amount.message;
    if (termMonths === null) fields.term = "请填写1至360之间的整数月数";
    if (values.need && !ID.test(values.need)) fields.need = "请从列表中选择融资需求";
    const parsed = ApplyInput.safeParse({
      productId,
      amountFen: amountFen ?? 0,
      termMonths: termMonths ?? 1,
      consent: values.consent === "yes",
      ...(values.need ? { needId: values.need } : {}),
      ...(values.note.trim() ? { note: values.note } : {}),
    });
    if (!parsed.success) Object.assign(fields, { ...issuesToFields(parsed.error.issues, APPLY_FIELDS), ...fields });
    // Without the consent nothing else matters: that is the one sentence at the top.
    if (fields.consent) return refuse({ message: fields.consent, fields }, 422);
    if (Object.keys(fields).length || !parsed.success)
      return refuse({ message: "请按提示修改后再提交。", fields }, 422);
    try {
      const { application } = await applyForLoan(ctxOf(c), parsed.data, key);
      return c.redirect(`/finance/loans/${application.id}?done=applied`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 && !errors.fields) throw e;
      // The service names its fields (amountFen: outside the product's range); the form's are amount, term, need.
      const fields =
        errors.fields && Object.fromEntries(Object.entries(errors.fields).map(([k, m]) => [APPLY_FIELDS[k] ?? k, m]));
      return refuse(fields ? { ...errors, fields } : errors, status);
    }
  });

  r.get("/finance/loans", async (c) => {
    const ctx = ctxOf(c);
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const q = c.req.query("q")?.trim().slice(0, 50) || undefined;
    return c.html(
      <MyLoansPage zone={ctx.zone} nonce={nonce(c)} user={signedIn(c).user} rows={await myLoans(ctx, q)} q={q} />,
    );
  });

  type LoanExtra = {
    done?: string | undefined;
    notice?: Notice;
    withdraw?: { reason: string; error?: string | undefined };
  };
  const loanPage = async (
    c: Context<AppEnv>,
    id: string,
    extra: LoanExtra = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = ctxOf(c);
    const d = await myLoan(ctx, id);
    const notice =
      extra.notice ??
      (extra.done === "applied"
        ? ok(
            `申请已提交给${d.bankName},已同意其查看本企业的资质、成立年限和营业收入。银行会在受理期限前受理或拒绝,下方可以随时查看进度。`,
          )
        : extra.done === "withdrawn"
          ? ok(`申请已撤回,已通知${d.bankName}。`)
          : undefined);
    return c.html(
      <LoanPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        {...d}
        notice={notice}
        withdraw={extra.withdraw}
      />,
      status,
    );
  };

  r.get("/finance/loans/:id", (c) => loanPage(c, idOf(c, "id", LOAN_NOT_FOUND), { done: c.req.query("done") }));

  // 撤回申请: the page asked for confirmation (data-confirm); a refusal keeps the reason as typed.
  r.post("/finance/loans/:id/withdraw", async (c) => {
    const id = idOf(c, "id", LOAN_NOT_FOUND);
    const f = await formOf(c);
    const reason = f.one("reason").trim();
    const revision = /^\d{1,9}$/.test(f.one("revision")) ? Number(f.one("revision")) : undefined;
    const parsed = WithdrawInput.safeParse({ ...(reason ? { reason } : {}), revision });
    if (!parsed.success)
      return loanPage(
        c,
        id,
        {
          notice: { kind: "error", message: "请按提示修改后再撤回。" },
          withdraw: { reason, error: parsed.error.issues[0]?.message },
        },
        422,
      );
    try {
      await withdrawLoan(ctxOf(c), id, parsed.data);
      return c.redirect(`/finance/loans/${id}?done=withdrawn`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 403) throw e;
      return loanPage(
        c,
        id,
        { notice: { kind: "error", message: errors.message ?? "没有撤回成功,请刷新后再试。" }, withdraw: { reason } },
        status,
      );
    }
  });

  // ── 数据授权 ───────────────────────────────────────────────────────────────
  r.get("/finance/consents", async (c) => {
    const ctx = ctxOf(c);
    const { consents, others } = await consentChoices(ctx);
    return c.html(
      <ConsentsPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        consents={consents}
        others={others}
        notice={CONSENT_DONE[c.req.query("done") ?? ""]}
      />,
    );
  });

  r.post("/finance/consents/:bankId", async (c) => {
    const bankId = idOf(c, "bankId", "本园区没有这家金融机构。");
    const action = (await formOf(c)).one("action");
    if (action === "grant") await grantConsent(ctxOf(c), bankId);
    else if (action === "revoke") await revokeConsent(ctxOf(c), bankId);
    else throw new AppError("bad_request", "请在数据授权页面点“授权”或“撤回”。");
    return c.redirect(`/finance/consents?done=${action === "grant" ? "granted" : "revoked"}`, 303);
  });

  return r;
}
