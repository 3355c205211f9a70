/**
 * The public 金融超市, mounted at /finance: the zone's catalogue with its GET
 * filters, and one product's page (./product-page). People type money in 万元
 * and rates in %; the services take fen and basis points, converted exactly
 * here (decimal strings, never floating point).
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { refuseBadCharacters } from "../../../lib/form-text";
import { requestCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { type CatalogueFilters, CataloguePage } from "../../../../web/pages/finance/catalogue";
import { percentToBp, wanToFen } from "../form-amounts";
import { AppError } from "../../../lib/errors";
import { pageHref } from "../../../../web/components/pager";
import { CursorParam } from "../paging";
import { CatalogueQuery, listCatalogue } from "../catalogue";
import { months } from "./ids";
import { isMember, productPage } from "./product-page";

/** The catalogue filter's amount (万元, or its own unit: "3亿") → fen, or null with the parser's sentence. */
function filterAmount(text: string): { fen: number | null; message: string } {
  const r = wanToFen(text);
  return r.ok ? { fen: r.fen, message: "" } : { fen: null, message: r.message };
}

function rateBp(text: string): number | null {
  const r = percentToBp(text);
  return r.ok ? r.bp : null;
}

/** The filters as typed, each one checked on its own, so one mistake does not cost the others. */
function readFilters(raw: Record<string, string>) {
  const typed: CatalogueFilters = {
    type: raw.type ?? "",
    amount: raw.amount ?? "",
    term: raw.term ?? "",
    rate: raw.rate ?? "",
    guarantee: raw.guarantee ?? "",
    industry: raw.industry ?? "",
    q: (raw.q ?? "").trim(),
  };
  const errors: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  const take = (field: keyof CatalogueFilters, key: keyof CatalogueQuery, value: unknown, message: string) => {
    if (typed[field] === "") return;
    const one = CatalogueQuery.shape[key].safeParse(value);
    if (one.success && value !== null) query[key] = one.data;
    else errors[field] = message;
  };
  take("type", "type", typed.type, "请从列表中选择产品类型");
  take("guarantee", "guarantee", typed.guarantee, "请从列表中选择担保方式");
  take("industry", "industry", typed.industry, "请从列表中选择行业");
  const amount = filterAmount(typed.amount);
  take("amount", "amountFen", amount.fen, amount.message);
  take("term", "termMonths", months(typed.term), "请填写1至360之间的整数月数");
  take("rate", "maxRateBp", rateBp(typed.rate), "请填写年利率(%),如 4.35");
  take("q", "q", typed.q, "关键词不超过40个字");
  return { typed, errors, query: query as CatalogueQuery };
}

export function financeCataloguePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/", requireZone);
  r.use("/products/*", requireZone);

  r.get("/", async (c) => {
    const ctx = requestCtx(c, deps);
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const { typed, errors, query } = readFilters(c.req.query());
    const after = c.req.query("after") || undefined;
    const cursor = CursorParam.safeParse(after);
    if (after !== undefined && !cursor.success)
      throw new AppError("validation_failed", "翻页链接已失效,请回到第一页。");
    const page = await listCatalogue(ctx.db, { ...query, after });
    const filtered = Object.values(typed).some((v) => v !== "");
    const params: Record<string, string> = { ...typed };
    const status = Object.keys(errors).length ? 400 : 200;
    return c.html(
      <CataloguePage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={c.get("auth")?.user}
        filters={typed}
        errors={errors}
        items={page.rows}
        total={page.total}
        nextHref={page.nextCursor ? pageHref("/finance", params, page.nextCursor) : null}
        firstHref={after ? pageHref("/finance", params) : null}
        filtered={filtered}
        member={isMember(ctx.actor)}
      />,
      status,
    );
  });

  r.get("/products/:id", (c) => productPage(c, deps, c.req.param("id"), { needId: c.req.query("need") ?? "" }));

  return r;
}
