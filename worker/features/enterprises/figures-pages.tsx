/** 年度数据 (GET/POST /enterprise/figures): one year's figures, typed in 元 and stored in fen. */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors, FormValues } from "../../../web/components/form";
import { FiguresFormPage } from "../../../web/pages/enterprises/edit-forms";
import type { AppDeps, AppEnv } from "../../env";
import { shanghaiDate } from "../../lib/calendar";
import { refuseBadCharacters } from "../../lib/form-text";
import { fenToPlainYuan } from "../../lib/money";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { signedIn } from "../auth/guard";
import { formFailure, readForm } from "../auth/page-forms";
import { getEnterpriseOverview } from "./get-enterprise-overview";
import { memberOf } from "./member-guard";
import { saveYearlyFigures } from "./save-yearly-figures";
import { FIRST_YEAR, FiguresForm } from "./schemas";

export function figuresPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const maxYear = (c: Context<AppEnv>) => Number(shanghaiDate(requestCtx(c, deps).now).slice(0, 4));

  const page = (c: Context<AppEnv>, values: FormValues, errors?: FormErrors, status: ContentfulStatusCode = 200) =>
    c.html(
      <FiguresFormPage
        zone={requestCtx(c, deps).zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        values={values}
        errors={errors}
        maxYear={maxYear(c)}
      />,
      status,
    );

  r.get("/figures", async (c) => {
    const asked = Number(c.req.query("year"));
    const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= maxYear(c) ? asked : maxYear(c) - 1;
    const { figures } = await getEnterpriseOverview(requestCtx(c, deps), memberOf(c).enterpriseId, {
      historyLimit: 0,
    });
    const f = figures.find((x) => x.year === year);
    const y = (fen: number | null | undefined) => (fen === null || fen === undefined ? "" : fenToPlainYuan(fen));
    const n = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
    return page(c, {
      year: String(year),
      revenue: y(f?.revenueFen),
      rdExpense: y(f?.rdExpenseFen),
      rdSuperDeduction: y(f?.rdSuperDeductionFen),
      taxPaid: y(f?.taxPaidFen),
      employees: n(f?.employees),
      rdStaff: n(f?.rdStaff),
    });
  });

  r.post("/figures", async (c) => {
    const form = await readForm(c, FiguresForm);
    refuseBadCharacters(form.raw);
    if (!form.ok) return page(c, form.raw, form.errors, 422);
    const { year, revenue, rdExpense, rdSuperDeduction, taxPaid, employees, rdStaff } = form.data;
    try {
      const { warnings } = await saveYearlyFigures(actingCtx(c, deps), memberOf(c).enterpriseId, year, {
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
      return page(c, form.raw, errors, status);
    }
  });

  return r;
}
