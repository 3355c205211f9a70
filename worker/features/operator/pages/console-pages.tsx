/**
 * The operator console on the bare root host, mounted at /console: the zone list, 创建园区
 * and the platform audit here; a zone's own page and its actions in zone-pages.tsx. Every
 * form is a plain POST (no JavaScript needed) checked against the platform's origin.
 */
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { FormErrors } from "../../../../web/components/form";
import type { AppDeps, AppEnv } from "../../../env";
import { templateNames } from "../../../control-plane/zone-base";
import { NewZonePage } from "../../../../web/pages/operator/new-zone";
import { PlatformAuditPage } from "../../../../web/pages/operator/audit";
import { ZonesPage } from "../../../../web/pages/operator/zones";
import { formFailure, readForm } from "../../auth/page-forms";
import { createZone } from "../create-zone";
import { listPlatformAudit } from "../list-platform-audit";
import { listZoneOverview } from "../list-zone-overview";
import { platformDbOf, requirePlatform } from "../operator-context";
import { platformCtx } from "../platform-ctx";
import { consoleGuard, consoleOperator } from "./console-guard";
import { zonePages } from "./zone-pages";
import { newZoneErrors } from "./new-zone-errors";
import { TENANT_STATUSES } from "../../../db/platform-schema";
import { zoneRow } from "./zone-row";

const PageQuery = z.coerce.number().int().min(1).max(100_000).catch(1);
// A search longer than any name, hostname or slug cannot match; an unknown status shows all.
const SearchQuery = z.string().trim().max(253).optional().catch(undefined);
const StatusQuery = z.enum(TENANT_STATUSES).optional().catch(undefined);
const BeforeQuery = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

// A loose cap here (the service gives the exact limit with the field's name); past it, this message.
const field = (max: number, label: string) =>
  z
    .string()
    .max(max * 4, `${label}最多 ${max} 个字`)
    .default("");
const NewZoneForm = z.object({
  slug: field(32, "园区标识"),
  nameZh: field(40, "园区中文名称"),
  nameEn: field(100, "园区英文名称"),
  province: field(20, "省份"),
  city: field(20, "城市"),
  phone: field(20, "咨询电话"),
  template: field(32, "模板"),
});
export function operatorConsolePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requirePlatform);
  r.use("*", consoleGuard(deps));

  r.get("/", async (c) => {
    const q = SearchQuery.parse(c.req.query("q"));
    const status = StatusQuery.parse(c.req.query("status"));
    const overview = await listZoneOverview({
      deps,
      page: PageQuery.parse(c.req.query("page")),
      filter: { ...(q ? { q } : {}), ...(status ? { status } : {}) },
    });
    return c.html(
      <ZonesPage
        nonce={c.get("secureHeadersNonce")}
        operator={await consoleOperator(c, deps)}
        zones={overview.zones.map((z) => zoneRow(deps, z.tenant, z.stats))}
        page={overview.page}
        pages={overview.pages}
        total={overview.total}
        all={overview.all}
        filter={{ q: q ?? "", status: status ?? "" }}
      />,
    );
  });

  r.get("/new-zone", async (c) =>
    c.html(
      <NewZonePage
        nonce={c.get("secureHeadersNonce")}
        operator={await consoleOperator(c, deps)}
        templates={templateNames()}
      />,
    ),
  );

  r.post("/new-zone", async (c) => {
    const form = await readForm(c, NewZoneForm);
    const page = async (status: ContentfulStatusCode, errors: FormErrors) =>
      c.html(
        <NewZonePage
          nonce={c.get("secureHeadersNonce")}
          operator={await consoleOperator(c, deps)}
          templates={templateNames()}
          values={form.raw}
          errors={errors}
        />,
        status,
      );
    if (!form.ok) return page(422, form.errors);
    const f = form.data;
    try {
      const { tenant } = await createZone({
        ctx: await platformCtx(c, deps),
        input: {
          slug: f.slug.trim(),
          name: { zh: f.nameZh, en: f.nameEn },
          province: f.province,
          city: f.city,
          phone: f.phone.trim(),
          template: f.template || "blank",
        },
      });
      return c.redirect(`/console/zones/${tenant.slug}?done=created`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return page(status, newZoneErrors(errors, status, f.slug.trim(), Object.keys(NewZoneForm.shape)));
    }
  });

  r.get("/audit", async (c) => {
    const { rows, next } = await listPlatformAudit({
      db: platformDbOf(c, deps),
      before: BeforeQuery.parse(c.req.query("before")),
    });
    return c.html(
      <PlatformAuditPage
        nonce={c.get("secureHeadersNonce")}
        operator={await consoleOperator(c, deps)}
        rows={rows}
        olderHref={next === null ? null : `/console/audit?before=${next}`}
      />,
    );
  });

  r.route("/zones", zonePages(deps));
  return r;
}
