/**
 * 年度数据 (GET/POST /enterprise/figures): one year's figures, typed in 元 and stored in fen. A year
 * with no figures yet opens with the year before's, marked as such, so a yearly report is a check
 * and a few changes rather than a blank form.
 */
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

  const page = (
    c: Context<AppEnv>,
    values: FormValues,
    errors?: FormErrors,
    status: ContentfulStatusCode = 200,
    extra: { prefilledFrom?: number; report?: { year: number; dueOn: string } } = {},
  ) =>
    c.html(
      <FiguresFormPage
        zone={requestCtx(c, deps).zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        values={values}
        errors={errors}
        maxYear={maxYear(c)}
        {...extra}
      />,
      status,
    );

  r.get("/figures", async (c) => {
    const asked = Number(c.req.query("year"));
    const { figures, openReports } = await getEnterpriseOverview(requestCtx(c, deps), memberOf(c).enterpriseId, {
      historyLimit: 0,
    });
    // No year asked: the newest open report's, else last year.
    const fallback = openReports.find((w) => w.year <= maxYear(c))?.year ?? maxYear(c) - 1;
    const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= maxYear(c) ? asked : fallback;
    const own = figures.find((x) => x.year === year);
    const previous = own ? undefined : figures.find((x) => x.year === year - 1);
    const f = own ?? previous;
    const y = (fen: number | null | undefined) => (fen === null || fen === undefined ? "" : fenToPlainYuan(fen));
    const n = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
    return page(
      c,
      {
        year: String(year),
        revenue: y(f?.revenueFen),
        rdExpense: y(f?.rdExpenseFen),
        rdSuperDeduction: y(f?.rdSuperDeductionFen),
        taxPaid: y(f?.taxPaidFen),
        employees: n(f?.employees),
        rdStaff: n(f?.rdStaff),
        exports: y(f?.exportsFen),
        inventionPatentsFiled: n(f?.inventionPatentsFiled),
        inventionPatentsGranted: n(f?.inventionPatentsGranted),
        validInventionPatents: n(f?.validInventionPatents),
      },
      undefined,
      200,
      {
        ...(previous ? { prefilledFrom: previous.year } : {}),
        ...reportOf(openReports, year),
      },
    );
  });

  r.post("/figures", async (c) => {
    const form = await readForm(c, FiguresForm);
    refuseBadCharacters(form.raw);
    if (!form.ok) return page(c, form.raw, form.errors, 422);
    const { year, revenue, rdExpense, rdSuperDeduction, taxPaid, employees, rdStaff, exports } = form.data;
    try {
      const { warnings } = await saveYearlyFigures(actingCtx(c, deps), memberOf(c).enterpriseId, year, {
        revenueFen: revenue,
        rdExpenseFen: rdExpense,
        rdSuperDeductionFen: rdSuperDeduction,
        taxPaidFen: taxPaid,
        employees,
        rdStaff,
        exportsFen: exports,
        inventionPatentsFiled: form.data.inventionPatentsFiled,
        inventionPatentsGranted: form.data.inventionPatentsGranted,
        validInventionPatents: form.data.validInventionPatents,
      });
      return c.redirect(`/enterprise?done=figures${warnings.length ? "&warn=rd" : ""}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return page(c, form.raw, errors, status);
    }
  });

  return r;
}

/** The open yearly report for `year`, if any: the form names its due date. */
function reportOf(open: { year: number; dueOn: string }[], year: number) {
  const w = open.find((x) => x.year === year);
  return w ? { report: w } : {};
}
