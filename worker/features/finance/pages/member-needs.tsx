/**
 * 融资需求 for an enterprise's members, mounted at /finance/needs: post one, see
 * the products ranked for it criterion by criterion, mark it met or close it.
 * A refusal re-renders the form with what was typed, the reason and a 4xx;
 * another enterprise's need is the 404 a missing id gets.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { actingCtx } from "../../../middleware/request-ctx";
import type { FormErrors } from "../../../../web/components/form";
import { NeedPage } from "../../../../web/pages/finance/member-need";
import { MyNeedsPage } from "../../../../web/pages/finance/member-needs";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { signedIn } from "../../auth/guard";
import { formFailure } from "../../auth/page-forms";
import { wanToFen } from "../form-amounts";
import { closeNeed, listMyNeeds, NeedInput, postNeed, productsForNeed } from "../needs";
import { months, pathId } from "./ids";
import { formOf, guardMemberPages, issuesToFields, ok } from "./member-forms";

const NEED_NOT_FOUND = "没有这条融资需求。";
const NEED_DONE: Record<string, Notice> = {
  posted: ok("融资需求已发布。下面是按你的企业资料排好的产品;本园区的金融机构也能看到这条需求。"),
  met: ok("已标记为获得融资,金融机构不再看到这条需求。"),
  closed: ok("需求已关闭,金融机构不再看到这条需求。"),
};

export function financeNeedPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  guardMemberPages(r, deps);
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  const needsPage = async (
    c: Context<AppEnv>,
    form: { values?: Record<string, string>; guarantees?: string[]; errors?: FormErrors } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = actingCtx(c, deps);
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

  r.get("/", (c) => needsPage(c));

  r.post("/", async (c) => {
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
      const need = await postNeed(actingCtx(c, deps), parsed.data);
      return c.redirect(`/finance/needs/${need.id}?done=posted`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return refuse(errors, status);
    }
  });

  r.get("/:id", async (c) => {
    const ctx = actingCtx(c, deps);
    const { need, matches } = await productsForNeed(ctx, pathId(c, "id", NEED_NOT_FOUND));
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

  r.post("/:id/close", async (c) => {
    const id = pathId(c, "id", NEED_NOT_FOUND);
    const status = (await formOf(c)).one("status") === "met" ? "met" : "closed";
    await closeNeed(actingCtx(c, deps), id, status);
    return c.redirect(`/finance/needs/${id}?done=${status}`, 303);
  });

  return r;
}
