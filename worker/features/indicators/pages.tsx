/**
 * 指标与目标 pages, mounted at /admin/indicators: the table (zone_admin and reviewer), one
 * indicator with its trend, and for zone admins the forms to add an indicator, change one and
 * enter an actual. Form POSTs: success redirects (303) with a notice, a refusal redraws the
 * form with what was typed and the Chinese message (422; 409 when someone changed it meanwhile).
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors, FormValues } from "../../../web/components/form";
import { IndicatorPage, NewIndicatorPage } from "../../../web/pages/indicators/indicator-page";
import { IndicatorsPage } from "../../../web/pages/indicators/indicators-page";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { readFormBody } from "../../lib/form-body";
import { refuseBadCharacters } from "../../lib/form-text";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { signedIn } from "../auth/guard";
import { pageGuard } from "../auth/page-forms";
import { listIndicators } from "./list-indicators";
import {
  asFormErrors,
  createFromForm,
  definitionValues,
  newDefinition,
  patchFromForm,
  valueFromForm,
} from "./page-forms";
import { createIndicator, updateIndicator } from "./save-indicator";
import { IdParam, Year } from "./schemas";
import { INDICATOR_NOT_FOUND, setIndicatorValue } from "./set-indicator-value";

const NOTICES = {
  value: "实际值已保存。",
  saved: "指标设置已保存。",
  created: "指标已添加。",
} as const;
type Done = keyof typeof NOTICES;
const noticeOf = (c: Context<AppEnv>) => NOTICES[c.req.query("done") as Done] as string | undefined;

const LABELS = { name: "指标名称", unit: "单位", sourceNote: "指标出处", note: "数据出处", code: "代码" };

/** The ?year= of a page: absent is the default year, anything else must be a year. */
function yearQuery(c: Context<AppEnv>): number | undefined {
  const raw = c.req.query("year");
  if (raw === undefined || raw === "") return undefined;
  const y = Year.safeParse(raw);
  if (!y.success) throw new AppError("validation_failed", `年份有误:${y.error.issues[0]!.message}`);
  return y.data;
}

function idOf(c: Context<AppEnv>): string {
  const id = IdParam.safeParse(c.req.param("id"));
  if (!id.success) throw new AppError("not_found", INDICATOR_NOT_FOUND);
  return id.data;
}

async function textForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await readFormBody(c);
  const raw: FormValues = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") raw[k] = v;
  refuseBadCharacters(raw, LABELS);
  return raw;
}

async function indicatorPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: string,
  form: {
    year?: number | undefined;
    value?: { values: FormValues; errors?: FormErrors };
    definition?: FormValues;
    definitionErrors?: FormErrors;
  } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = actingCtx(c, deps);
  const table = await listIndicators(ctx, { year: form.year });
  const indicator = table.indicators.find((i) => i.id === id);
  if (!indicator) throw new AppError("not_found", INDICATOR_NOT_FOUND);
  c.header("Cache-Control", "private, no-store");
  return c.html(
    <IndicatorPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      indicator={indicator}
      year={table.year}
      canEdit={ctx.actor.role === "zone_admin"}
      notice={status === 200 ? noticeOf(c) : undefined}
      {...(form.value ? { value: form.value } : {})}
      definition={{ values: form.definition ?? definitionValues(indicator), errors: form.definitionErrors }}
    />,
    status,
  );
}

function newPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  values: FormValues,
  errors?: FormErrors,
  status: ContentfulStatusCode = 200,
) {
  const ctx = actingCtx(c, deps);
  return c.html(
    <NewIndicatorPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      values={values}
      errors={errors}
    />,
    status,
  );
}

const refusal = (e: unknown) => {
  if (!(e instanceof AppError) || e.status === 403 || e.status === 404) throw e;
  return { status: e.status, errors: asFormErrors(e) };
};

/**
 * 新增指标's form, at a path of its own: a static `/admin/indicators/new` beside `/admin/indicators/:id`
 * would push Hono off its RegExpRouter (tests/node/app.test.ts). It posts to `/admin/indicators`.
 */
export function newIndicatorPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin"));
  r.get("/", (c) => newPage(c, deps, newDefinition(actingCtx(c, deps).now)));
  return r;
}

export function indicatorPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"));
  const adminOnly = pageGuard(deps, "zone_admin");

  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    const table = await listIndicators(ctx, { year: yearQuery(c) });
    c.header("Cache-Control", "private, no-store");
    return c.html(
      <IndicatorsPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        table={table}
        canEdit={ctx.actor.role === "zone_admin"}
        notice={noticeOf(c)}
      />,
    );
  });

  r.post("/", adminOnly, async (c) => {
    const raw = await textForm(c);
    try {
      const row = await createIndicator(actingCtx(c, deps), createFromForm(raw));
      return c.redirect(`/admin/indicators/${row.id}?done=created`, 303);
    } catch (e) {
      const { status, errors } = refusal(e);
      return newPage(c, deps, raw, errors, status);
    }
  });

  r.get("/:id", (c) => indicatorPage(c, deps, idOf(c), { year: yearQuery(c) }));

  r.post("/:id/values", adminOnly, async (c) => {
    const id = idOf(c);
    const raw = await textForm(c);
    try {
      const input = valueFromForm(raw);
      await setIndicatorValue(actingCtx(c, deps), { id, ...input });
      return c.redirect(`/admin/indicators/${id}?year=${input.year}&done=value`, 303);
    } catch (e) {
      const { status, errors } = refusal(e);
      const year = Year.safeParse(raw.year ?? "");
      return indicatorPage(
        c,
        deps,
        id,
        { year: year.success ? year.data : undefined, value: { values: raw, errors } },
        status,
      );
    }
  });

  r.post("/:id", adminOnly, async (c) => {
    const id = idOf(c);
    const raw = await textForm(c);
    try {
      await updateIndicator(actingCtx(c, deps), id, patchFromForm(raw));
      return c.redirect(`/admin/indicators/${id}?done=saved#define`, 303);
    } catch (e) {
      const { status, errors } = refusal(e);
      return indicatorPage(c, deps, id, { definition: raw, definitionErrors: errors }, status);
    }
  });
  return r;
}
