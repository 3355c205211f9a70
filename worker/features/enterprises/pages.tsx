/**
 * 企业资料 pages for members: the overview, editing contact details, yearly
 * figures and qualification claims, inviting and removing colleagues. Plain
 * forms (no JavaScript); success redirects (303) back to the overview with a
 * notice; a refusal re-renders the form with what was typed and the reason.
 */
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import type { FormErrors, FormValues } from "../../../web/components/form";
import { FiguresFormPage, ProfileFormPage, QualificationFormPage } from "../../../web/pages/enterprises/edit-forms";
import { InviteIssuedPage } from "../../../web/pages/enterprises/invite-issued";
import { MemberHomePage } from "../../../web/pages/enterprises/member-home";
import { signedIn } from "../auth/guard";
import { formFailure, readForm } from "../auth/page-forms";
import { requestCtx } from "../../middleware/request-ctx";
import { listOpenInvitations } from "../invitations/list-open-invitations";
import { revokeInvitation } from "../invitations/revoke-invitation";
import { claimQualification } from "./claim-qualification";
import { getEnterpriseOverview } from "./get-enterprise-overview";
import { inviteColleague, MEMBER_NOT_FOUND, removeMember } from "./manage-members";
import { memberOf, requireMember } from "./member-guard";
import { saveYearlyFigures, RD_OVER_REVENUE_WARNING } from "./save-yearly-figures";
import { FiguresForm, IdParam, InviteForm, profileForm, qualificationForm } from "./schemas";
import { updateProfile } from "./update-profile";
import { fenToPlainYuan } from "../../lib/money";
import { shanghaiDate } from "../../lib/calendar";

const PROFILE_LABELS: Record<string, string> = {
  address: "地址",
  contactName: "联系人",
  contactMobile: "联系人手机号码",
  contactEmail: "联系邮箱",
  employees: "员工人数",
  industry: "重点产业",
  industryClass: "行业代码",
};

const DONE: Record<string, string> = {
  profile: "联系信息已保存。",
  unchanged: "没有需要保存的变化。",
  figures: "年度数据已保存。",
  qualification: "资质已提交,等待园区审核。审核结果会发到联系邮箱。",
  removed: "成员已移除,其登录已全部退出。",
  revoked: "邀请已撤销,链接不再有效。",
};

type Notice = { kind: "ok" | "error" | "info"; message: string };

export function memberPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const member = requireMember(deps);
  // Pages send anonymous visitors to 登录; every other refusal is the guard's 403 page.
  const guard = createMiddleware<AppEnv>(async (c, next) =>
    c.get("auth") ? member(c, next) : c.redirect("/login", 303),
  );
  r.use("/enterprise", requireZone, guard);
  r.use("/enterprise/*", requireZone, guard);

  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");
  const ctxOf = (c: Context<AppEnv>) => ({ ...requestCtx(c, deps), actor: memberOf(c).actor });

  const home = async (
    c: Context<AppEnv>,
    extra: { notice?: Notice; invite?: { email?: string; errors?: FormErrors } } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    const { enterpriseId } = memberOf(c);
    const [overview, invitations] = await Promise.all([
      getEnterpriseOverview({ db, zone, now: deps.now() }, enterpriseId),
      listOpenInvitations({ db, now: deps.now() }, { enterpriseId }),
    ]);
    return c.html(
      <MemberHomePage
        zone={zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        overview={overview}
        invitations={invitations}
        {...extra}
      />,
      status,
    );
  };

  r.get("/enterprise", (c) => {
    const done = DONE[c.req.query("done") ?? ""];
    const warn = c.req.query("warn") === "rd" ? ` ${RD_OVER_REVENUE_WARNING}` : "";
    return home(c, done ? { notice: { kind: warn ? "info" : "ok", message: done + warn } } : {});
  });

  // ── 联系信息 ────────────────────────────────────────────────────────────────
  const profilePage = (
    c: Context<AppEnv>,
    values: FormValues,
    errors?: FormErrors,
    status: ContentfulStatusCode = 200,
  ) =>
    c.html(
      <ProfileFormPage
        zone={zoneOf(c).zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        values={values}
        errors={errors}
      />,
      status,
    );

  r.get("/enterprise/profile", async (c) => {
    const { zone, db } = zoneOf(c);
    const { enterprise: e } = await getEnterpriseOverview({ db, zone, now: deps.now() }, memberOf(c).enterpriseId, {
      historyLimit: 0,
    });
    const s = (v: string | number | null) => (v === null ? "" : String(v));
    return profilePage(c, {
      address: s(e.address),
      contactName: s(e.contactName),
      contactMobile: s(e.contactMobile),
      contactEmail: s(e.contactEmail),
      employees: s(e.employees),
      industry: s(e.industry),
      industryClass: s(e.industryClass),
    });
  });

  r.post("/enterprise/profile", async (c) => {
    const form = await readForm(c, profileForm(zoneOf(c).zone));
    refuseBadCharacters(form.raw, PROFILE_LABELS);
    if (!form.ok) return profilePage(c, form.raw, form.errors, 422);
    try {
      const { changed } = await updateProfile(ctxOf(c), memberOf(c).enterpriseId, form.data);
      return c.redirect(`/enterprise?done=${changed.length ? "profile" : "unchanged"}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return profilePage(c, form.raw, errors, status);
    }
  });

  // ── 年度数据 ────────────────────────────────────────────────────────────────
  const maxYear = () => Number(shanghaiDate(deps.now()).slice(0, 4));
  const figuresPage = (
    c: Context<AppEnv>,
    values: FormValues,
    errors?: FormErrors,
    status: ContentfulStatusCode = 200,
  ) =>
    c.html(
      <FiguresFormPage
        zone={zoneOf(c).zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        values={values}
        errors={errors}
        maxYear={maxYear()}
      />,
      status,
    );

  r.get("/enterprise/figures", async (c) => {
    const { zone, db } = zoneOf(c);
    const asked = Number(c.req.query("year"));
    const year = Number.isInteger(asked) && asked >= 2000 && asked <= maxYear() ? asked : maxYear() - 1;
    const { figures } = await getEnterpriseOverview({ db, zone, now: deps.now() }, memberOf(c).enterpriseId, {
      historyLimit: 0,
    });
    const f = figures.find((x) => x.year === year);
    const y = (fen: number | null | undefined) => (fen === null || fen === undefined ? "" : fenToPlainYuan(fen));
    const n = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
    return figuresPage(c, {
      year: String(year),
      revenue: y(f?.revenueFen),
      rdExpense: y(f?.rdExpenseFen),
      rdSuperDeduction: y(f?.rdSuperDeductionFen),
      taxPaid: y(f?.taxPaidFen),
      employees: n(f?.employees),
      rdStaff: n(f?.rdStaff),
    });
  });

  r.post("/enterprise/figures", async (c) => {
    const form = await readForm(c, FiguresForm);
    refuseBadCharacters(form.raw);
    if (!form.ok) return figuresPage(c, form.raw, form.errors, 422);
    const { year, revenue, rdExpense, rdSuperDeduction, taxPaid, employees, rdStaff } = form.data;
    try {
      const { warnings } = await saveYearlyFigures(ctxOf(c), memberOf(c).enterpriseId, year, {
        revenueFen: revenue,
        rdExpenseFen: rdExpense,
        rdSuperDeductionFen: rdSuperDeduction,
        taxPaidFen: taxPaid,
        employees,
        rdStaff,
      });
      return c.redirect(`/enterprise?done=figures${warnings.length ? "&warn=rd" : ""}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return figuresPage(c, form.raw, errors, status);
    }
  });

  // ── 资质 ────────────────────────────────────────────────────────────────────
  const qualificationPage = (
    c: Context<AppEnv>,
    values: FormValues,
    errors?: FormErrors,
    status: ContentfulStatusCode = 200,
  ) =>
    c.html(
      <QualificationFormPage
        zone={zoneOf(c).zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        values={values}
        errors={errors}
      />,
      status,
    );

  r.get("/enterprise/qualifications/new", (c) => qualificationPage(c, { code: c.req.query("code") ?? "" }));

  r.post("/enterprise/qualifications", async (c) => {
    const form = await readForm(c, qualificationForm(zoneOf(c).zone));
    refuseBadCharacters(form.raw, { certificateNo: "证书编号", issuedOn: "发证日期", validUntil: "有效期至" });
    if (!form.ok) return qualificationPage(c, form.raw, form.errors, 422);
    // readForm keeps text fields; the certificate comes from the same (cached) multipart body. An empty file input is no file.
    const sent = (await c.req.parseBody())["certificate"];
    const file = sent instanceof File && (sent.size > 0 || sent.name !== "") ? sent : null;
    try {
      await claimQualification({ ...ctxOf(c), blobs: deps.blobs }, memberOf(c).enterpriseId, form.data, file);
      return c.redirect("/enterprise?done=qualification", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return qualificationPage(c, form.raw, errors, status);
    }
  });

  // ── 成员 ────────────────────────────────────────────────────────────────────
  r.post("/enterprise/invitations", async (c) => {
    const form = await readForm(c, InviteForm);
    refuseBadCharacters(form.raw, { email: "邮箱" });
    if (!form.ok) return home(c, { invite: { email: form.raw.email, errors: form.errors } }, 422);
    try {
      const { url, expiresAt } = await inviteColleague(ctxOf(c), memberOf(c).enterpriseId, form.data.email);
      // Shown once: neither the browser nor any proxy may keep a copy of the live link.
      c.header("Cache-Control", "no-store");
      return c.html(
        <InviteIssuedPage
          zone={zoneOf(c).zone}
          nonce={nonce(c)}
          user={signedIn(c).user}
          email={form.data.email}
          url={url}
          expiresAt={expiresAt}
        />,
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return home(c, { invite: { email: form.raw.email, errors } }, status);
    }
  });

  r.post("/enterprise/members/:userId/remove", async (c) => {
    const id = IdParam.safeParse(c.req.param("userId"));
    if (!id.success) throw new AppError("not_found", MEMBER_NOT_FOUND);
    const ctx = ctxOf(c);
    try {
      const { self } = await removeMember(ctx, memberOf(c).enterpriseId, id.data);
      if (self) {
        c.header("Set-Cookie", ctx.auth.blankCookie(), { append: true });
        return c.redirect("/login", 303);
      }
      return c.redirect("/enterprise?done=removed", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return home(c, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, status);
    }
  });

  r.post("/enterprise/invitations/:tokenHash/revoke", async (c) => {
    const { enterpriseId, actor } = memberOf(c);
    // Scoped to the member's enterprise: another enterprise's invitation is "not found" (404).
    await revokeInvitation(requestCtx(c, deps), c.req.param("tokenHash"), actor, { enterpriseId });
    return c.redirect("/enterprise?done=revoked", 303);
  });

  return r;
}
