/**
 * A zone's page in the console (/console/zones/:slug) and its actions: 暂停 / 恢复, custom
 * hostnames, the first admin's link. Each action is a POST that redirects back with what it
 * did (?done=…); a refusal shows the page again with the reason beside the form.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../../env";
import { AdminLinkIssuedPage } from "../../../../web/pages/operator/admin-link-issued";
import { ZonePage, type ZonePageProps } from "../../../../web/pages/operator/zone";
import { AppError } from "../../../lib/errors";
import { formFailure, readForm } from "../../auth/page-forms";
import { Email } from "../../auth/schemas";
import { addZoneHostname } from "../add-zone-hostname";
import { findZone } from "../find-zone";
import { issueZoneAdminLink } from "../issue-zone-admin-link";
import { platformCtx } from "../platform-ctx";
import { readZoneStats } from "../read-zone-stats";
import { removeZoneHostname } from "../remove-zone-hostname";
import { SlugParam } from "../schemas";
import { setZoneStatus } from "../set-zone-status";
import { consoleOperator } from "./console-guard";
import { zoneRow } from "./zone-row";

const DONE: Record<string, string> = {
  created: "园区已创建,已在自己的子域名上提供服务。下一步:为园区发放首位管理员的设置密码链接。",
  suspended: "园区已暂停服务。",
  resumed: "园区已恢复服务。",
  "hostname-added": "域名已添加。请在 Cloudflare 为它配置自定义主机名后即可访问。",
  "hostname-removed": "域名已移除。",
};

const HostnameForm = z.object({ hostname: z.string().max(253, "域名最多 253 个字符").default("") });
const AdminForm = z.object({
  name: z.string().trim().min(1, "请填写管理员姓名").max(50, "管理员姓名最多 50 个字"),
  email: Email,
});

function slugOf(c: Context<AppEnv>): string {
  const parsed = SlugParam.shape.slug.safeParse(c.req.param("slug"));
  if (!parsed.success) throw new AppError("not_found", "平台上没有这个园区。");
  return parsed.data;
}

export function zonePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  async function render(
    c: Context<AppEnv>,
    slug: string,
    extra: Pick<ZonePageProps, "notice" | "form"> = {},
    status: ContentfulStatusCode = 200,
  ) {
    const tenant = await findZone({ deps, slug });
    const stats = await readZoneStats({ deps, tenant });
    const zone = {
      ...zoneRow(deps, tenant, stats),
      nameEn: tenant.name.en,
      phone: tenant.phone,
      template: tenant.template,
      createdAt: new Date(tenant.createdAt).toISOString(),
      provisionStep: tenant.provisionStep,
      provisionError: tenant.provisionError,
    };
    return c.html(
      <ZonePage nonce={c.get("secureHeadersNonce")} operator={await consoleOperator(c, deps)} zone={zone} {...extra} />,
      status,
    );
  }

  r.get("/:slug", async (c) => {
    const done = DONE[c.req.query("done") ?? ""];
    return render(c, slugOf(c), done ? { notice: { kind: "ok", message: done } } : {});
  });

  for (const [action, status, done] of [
    ["suspend", "suspended", "suspended"],
    ["resume", "active", "resumed"],
  ] as const) {
    r.post(`/:slug/${action}`, async (c) => {
      const slug = slugOf(c);
      try {
        await setZoneStatus({ ctx: await platformCtx(c, deps), slug, status });
      } catch (e) {
        const { status: code, errors } = formFailure(e, c);
        return render(c, slug, { notice: { kind: "error", message: errors.message ?? "" } }, code);
      }
      return c.redirect(`/console/zones/${slug}?done=${done}`, 303);
    });
  }

  r.post("/:slug/hostnames", async (c) => {
    const slug = slugOf(c);
    const form = await readForm(c, HostnameForm);
    if (!form.ok) return render(c, slug, { form: { name: "hostname", values: form.raw, errors: form.errors } }, 422);
    try {
      await addZoneHostname({ ctx: await platformCtx(c, deps), slug, hostname: form.data.hostname });
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return render(c, slug, { form: { name: "hostname", values: form.raw, errors } }, status);
    }
    return c.redirect(`/console/zones/${slug}?done=hostname-added`, 303);
  });

  r.post("/:slug/hostnames/remove", async (c) => {
    const slug = slugOf(c);
    const form = await readForm(c, HostnameForm);
    try {
      if (!form.ok) throw new AppError("bad_request", "没有指明要移除的域名。");
      await removeZoneHostname({ ctx: await platformCtx(c, deps), slug, hostname: form.data.hostname });
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return render(c, slug, { notice: { kind: "error", message: errors.message ?? "" } }, status);
    }
    return c.redirect(`/console/zones/${slug}?done=hostname-removed`, 303);
  });

  r.post("/:slug/admins", async (c) => {
    const slug = slugOf(c);
    const form = await readForm(c, AdminForm);
    if (!form.ok) return render(c, slug, { form: { name: "admin", values: form.raw, errors: form.errors } }, 422);
    try {
      const ctx = await platformCtx(c, deps);
      const issued = await issueZoneAdminLink({ ctx, slug, ...form.data });
      const tenant = await findZone({ deps, slug });
      return c.html(
        <AdminLinkIssuedPage
          nonce={c.get("secureHeadersNonce")}
          operator={await consoleOperator(c, deps)}
          zone={{ slug, nameZh: tenant.name.zh }}
          admin={{ ...form.data, created: issued.created }}
          link={issued.link}
          expiresAt={issued.expiresAt}
        />,
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return render(c, slug, { form: { name: "admin", values: form.raw, errors } }, status);
    }
  });

  return r;
}
