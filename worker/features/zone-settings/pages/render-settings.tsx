/**
 * The 园区设置 page as a response: the settings in force in every section's form, except a
 * section that failed, which shows what was typed (or, when the page was stale, what is
 * current now) with its message. Every form carries the version in force.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { logoSrc } from "../../../../tenants/settings";
import type { FormErrors } from "../../../../web/components/form";
import { SETTINGS_SECTIONS, type SettingsSection } from "../../../../web/pages/zone-settings/labels";
import { ZoneSettingsPage } from "../../../../web/pages/zone-settings/settings";
import type { AppDeps, AppEnv } from "../../../env";
import { requestCtx } from "../../../middleware/request-ctx";
import { signedIn } from "../../auth/guard";
import { getZoneSettings } from "../get-zone-settings";
import { type FormValues, settingsValues } from "./section-forms";

const SECTIONS = Object.keys(SETTINGS_SECTIONS) as SettingsSection[];

/** The form that failed: its section (or the logo's forms), what it shows, and what was wrong. */
export interface Failed {
  section: SettingsSection | "logo";
  /** What was typed; left out to show the settings in force (a stale page's save). */
  values?: FormValues;
  errors: FormErrors;
}

export async function settingsPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  opts: { notice?: string; failed?: Failed } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = requestCtx(c, deps);
  const current = await getZoneSettings(ctx);
  const values = settingsValues(current.settings);
  const forms = Object.fromEntries(
    SECTIONS.map((s) => {
      const failed = opts.failed?.section === s ? opts.failed : null;
      return [
        s,
        failed
          ? { values: failed.values ?? values, errors: failed.errors.fields ?? {}, alert: failed.errors }
          : { values, errors: {} },
      ];
    }),
  ) as Parameters<typeof ZoneSettingsPage>[0]["forms"];
  const logo = current.settings.branding.logo;
  return c.html(
    <ZoneSettingsPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      current={
        current.changedAt === null
          ? null
          : { version: current.version, changedAt: current.changedAt, changedBy: current.changedBy }
      }
      notice={opts.notice}
      forms={forms}
      version={current.version}
      logo={{
        src: logo ? logoSrc(logo) : null,
        zoneName: current.settings.name.zh,
        errors: opts.failed?.section === "logo" ? opts.failed.errors : undefined,
      }}
    />,
    status,
  );
}
