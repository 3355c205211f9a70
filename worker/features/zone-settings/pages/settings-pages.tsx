/**
 * 园区设置 pages for the zone admin, mounted at /admin/settings: the settings in one form per
 * section (each POST saves only its part through updateZoneSettings), and 修改记录 with 恢复.
 * Success redirects (303) with a notice; a refusal re-renders the page with what was typed (422).
 * Each form carries the version it was loaded at: if someone saved since, the save is
 * refused (409), nothing changes, and the page shows the current settings with who and when.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors } from "../../../../web/components/form";
import { SettingsHistoryPage } from "../../../../web/pages/zone-settings/history";
import {
  SAVED_NOTICE,
  SETTING_LABEL,
  SETTINGS_SECTIONS,
  type SettingsSection,
} from "../../../../web/pages/zone-settings/labels";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { readFormBody } from "../../../lib/form-body";
import { actingCtx, requestCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { signedIn } from "../../auth/guard";
import { formFailure, pageGuard } from "../../auth/page-forms";
import { listSettingsVersions } from "../list-settings-versions";
import { restoreSettingsVersion } from "../restore-settings-version";
import { updateZoneSettings } from "../update-zone-settings";
import { logoPages } from "./logo-pages";
import { settingsPage } from "./render-settings";
import { fieldErrors, formVersion, readSection, STALE_FORM } from "./section-forms";

const SECTIONS = Object.keys(SETTINGS_SECTIONS) as SettingsSection[];

async function historyPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  opts: { notice?: string; errors?: FormErrors } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = requestCtx(c, deps);
  const versions = (await listSettingsVersions(ctx)).map((v, i) => ({
    version: v.version,
    changedAt: v.changedAt,
    changedBy: v.changedBy,
    restoredFrom: v.restoredFrom,
    changes: [...new Set(v.changed.map((k) => SETTING_LABEL[k] ?? k))],
    current: i === 0,
  }));
  return c.html(
    <SettingsHistoryPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      versions={versions}
      notice={opts.notice}
      errors={opts.errors}
    />,
    status,
  );
}

export function zoneSettingsPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin"));

  r.get("/", (c) => settingsPage(c, deps, c.req.query("saved") === "1" ? { notice: SAVED_NOTICE } : {}));

  for (const section of SECTIONS) {
    r.post(`/${section}`, async (c) => {
      const body = await readFormBody(c, { all: true });
      const input = readSection(section, body);
      try {
        await updateZoneSettings(actingCtx(c, deps), { patch: input.patch, expectedVersion: formVersion(body) });
        return c.redirect(`/admin/settings?saved=1#s-${section}`, 303);
      } catch (e) {
        // Saved by someone else since this page was opened: the current settings, nothing changed.
        if (e instanceof AppError && e.code === "precondition_failed")
          return settingsPage(c, deps, { failed: { section, errors: { message: `${e.message}${STALE_FORM}` } } }, 409);
        const { status, errors } = formFailure(e, c);
        const fields = fieldErrors(errors.fields ?? {});
        const failed = { message: "未保存,请按提示修改后再提交。", fields };
        return settingsPage(c, deps, { failed: { section, values: input.values, errors: failed } }, status);
      }
    });
  }

  logoPages(r, deps);

  r.get("/history", (c) => {
    const restored = c.req.query("restored") ?? "";
    const notice = `已恢复${restored === "0" ? "开通时" : `第${restored}版`}的设置。${SAVED_NOTICE}`;
    return historyPage(c, deps, /^\d{1,9}$/.test(restored) ? { notice } : {});
  });

  r.post("/history", async (c) => {
    const raw = (await readFormBody(c)).version;
    const version = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
    if (version === null) return historyPage(c, deps, { errors: { message: "请选择要恢复的版本。" } }, 422);
    try {
      await restoreSettingsVersion(actingCtx(c, deps), version);
      return c.redirect(`/admin/settings/history?restored=${version}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return historyPage(c, deps, { errors }, status);
    }
  });
  return r;
}
