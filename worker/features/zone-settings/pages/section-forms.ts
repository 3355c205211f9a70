/**
 * 园区设置's forms as the settings they change: the settings as form values (field names are
 * the settings' paths, "contact.phone"), and one section's posted form as a partial settings
 * object for updateZoneSettings. List sections drop rows whose name is empty and number the
 * rest in order, so an error's path ("subsidy.stages.1.zh") names the row the page shows.
 */
import { LPR_ROWS_MAX, type ZoneSettings, type ZoneSettingsPatch } from "../../../../tenants/settings";
import type { SettingsSection } from "../../../../web/pages/zone-settings/labels";
import type { FormBody } from "../../../lib/form-body";

export type FormValues = Record<string, string>;

/** Rows read from a list form, at most: the settings' own limit is 50 (20 stages) plus room for the empty rows. */
const MAX_ROWS = 60;

const str = (body: FormBody, key: string): string => {
  const v = body[key];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
};
const all = (body: FormBody, key: string): string[] => {
  const v = body[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
};

/** A whole number as typed (full-width digits too), or the text itself for the settings' own message. */
function whole(s: string): number | string {
  const t = s.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d{1,6}$/.test(t) ? Number(t) : t;
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A code for a row added on the page (industries, qualifications, stages): unique enough, never shown. */
const newCode = (prefix: string) => `${prefix}-${crypto.randomUUID().replaceAll("-", "").slice(0, 8)}`;

/** Every field of the page, from the settings in force. */
export function settingsValues(s: ZoneSettings): FormValues {
  const v: FormValues = {
    "name.zh": s.name.zh,
    "name.en": s.name.en,
    "shortName.zh": s.shortName.zh,
    "shortName.en": s.shortName.en,
    "region.province": s.region.province,
    "region.city": s.region.city,
    "contact.phone": s.contact.phone,
    "contact.office": s.contact.office,
    "contact.passwordHelp": s.contact.passwordHelp,
    "branding.primary": s.branding.primary,
    "branding.accent": s.branding.accent,
    "subsidy.noticeWorkingDays": String(s.subsidy.noticeWorkingDays),
    "subsidy.correctionWorkingDays": String(s.subsidy.correctionWorkingDays),
    "subsidy.holidays": s.subsidy.holidays.join("\n"),
    "subsidy.extraWorkdays": s.subsidy.extraWorkdays.join("\n"),
    "finance.acceptWorkingDays": String(s.finance.acceptWorkingDays),
    "finance.decideWorkingDays": String(s.finance.decideWorkingDays),
    "finance.escalation.afterWorkingDays": String(s.finance.escalation.afterWorkingDays),
  };
  s.priorityIndustries.forEach((x, i) => {
    Object.assign(v, { [`priorityIndustries.${i}.code`]: x.code, [`priorityIndustries.${i}.zh`]: x.zh });
    v[`priorityIndustries.${i}.en`] = x.en;
  });
  s.qualifications.forEach((x, i) => {
    Object.assign(v, { [`qualifications.${i}.code`]: x.code, [`qualifications.${i}.zh`]: x.zh });
    v[`qualifications.${i}.en`] = x.en;
    v[`qualifications.${i}.certificate`] = x.certificate ? "on" : "";
  });
  s.finance.lpr.forEach((x, i) => {
    const p = `finance.lpr.${i}`;
    Object.assign(v, { [`${p}.term`]: x.term, [`${p}.from`]: x.from, [`${p}.source`]: x.source });
    v[`${p}.rate`] = (x.bp / 100).toFixed(2);
  });
  s.subsidy.stages.forEach((x, i) => {
    const p = `subsidy.stages.${i}`;
    Object.assign(v, { [`${p}.key`]: x.key, [`${p}.zh`]: x.zh, [`${p}.kind`]: x.kind });
    Object.assign(v, { [`${p}.roles`]: x.roles.join(","), [`${p}.dueWorkingDays`]: String(x.dueWorkingDays) });
    v[`${p}.order`] = String(i + 1);
  });
  return v;
}

/** A section's form: what to show again (compacted rows) and the partial settings to save. */
export interface SectionInput {
  values: FormValues;
  patch: ZoneSettingsPatch;
}

function pick(body: FormBody, keys: string[]): FormValues {
  return Object.fromEntries(keys.map((k) => [k, str(body, k)]));
}

/** The filled rows of a list, in the order given (stages: by 顺序), renumbered from 0. */
function rows(body: FormBody, prefix: string, fields: string[], order = false): FormValues[] {
  const out: { row: FormValues; at: number }[] = [];
  for (let i = 0; i < MAX_ROWS; i++) {
    const row: FormValues = {};
    for (const f of fields)
      row[f] = f === "roles" ? all(body, `${prefix}.${i}.roles`).join(",") : str(body, `${prefix}.${i}.${f}`);
    if (!row.zh?.trim()) continue;
    const typed = whole(row.order ?? "");
    out.push({ row, at: order && typeof typed === "number" ? typed : i + 1 });
  }
  // A stable sort: rows given the same 顺序 keep the page's order.
  return out.sort((a, b) => a.at - b.at).map((r) => r.row);
}

/** 利率 as typed ("3.1", "3.10%", full-width digits) in basis points, or the text for the settings' message. */
function rateBp(s: string): number | string {
  const t = s
    .trim()
    .replace(/[０-９．]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[%％]$/, "");
  return /^\d{1,2}(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : t;
}

/** The LPR rows filled in (起始日 or 利率 typed), in the page's order, renumbered from 0. */
function lprRows(body: FormBody): FormValues[] {
  const out: FormValues[] = [];
  for (let i = 0; i < LPR_ROWS_MAX + 2; i++) {
    const row = Object.fromEntries(
      ["term", "from", "rate", "source"].map((f) => [f, str(body, `finance.lpr.${i}.${f}`)]),
    );
    if (row.from!.trim() || row.rate!.trim()) out.push(row);
  }
  return out;
}

function rowValues(prefix: string, list: FormValues[]): FormValues {
  const v: FormValues = {};
  list.forEach((row, i) => {
    for (const [k, x] of Object.entries(row)) v[`${prefix}.${i}.${k}`] = k === "order" ? String(i + 1) : x;
  });
  return v;
}

const PARSERS: Record<SettingsSection, (body: FormBody) => SectionInput> = {
  basic(body) {
    const v = pick(body, ["name.zh", "name.en", "shortName.zh", "shortName.en", "region.province", "region.city"]);
    const patch = {
      name: { zh: v["name.zh"]!, en: v["name.en"]! },
      shortName: { zh: v["shortName.zh"]!, en: v["shortName.en"]! },
      region: { province: v["region.province"]!, city: v["region.city"]! },
    };
    return { values: v, patch };
  },
  contact(body) {
    const v = pick(body, ["contact.phone", "contact.office", "contact.passwordHelp"]);
    const patch = {
      contact: {
        phone: v["contact.phone"]!.trim(),
        office: v["contact.office"]!,
        passwordHelp: v["contact.passwordHelp"]!,
      },
    };
    return { values: v, patch };
  },
  branding(body) {
    const v = pick(body, ["branding.primary", "branding.accent"]);
    return {
      values: v,
      patch: { branding: { primary: v["branding.primary"]!.trim(), accent: v["branding.accent"]!.trim() } },
    };
  },
  industries(body) {
    const list = rows(body, "priorityIndustries", ["code", "zh", "en"]);
    for (const r of list) {
      r.code ||= newCode("ind");
      r.en = r.en?.trim() || r.zh!.trim();
    }
    const patch = { priorityIndustries: list.map((r) => ({ code: r.code!, zh: r.zh!, en: r.en! })) };
    return { values: rowValues("priorityIndustries", list), patch };
  },
  qualifications(body) {
    const list = rows(body, "qualifications", ["code", "zh", "en", "certificate"]);
    for (const r of list) {
      r.code ||= newCode("qual");
      r.en = r.en?.trim() || r.zh!.trim();
    }
    const patch = {
      qualifications: list.map((r) => ({ code: r.code!, zh: r.zh!, en: r.en!, certificate: r.certificate === "on" })),
    };
    return { values: rowValues("qualifications", list), patch };
  },
  stages(body) {
    const list = rows(body, "subsidy.stages", ["key", "zh", "kind", "roles", "dueWorkingDays", "order"], true);
    for (const r of list) r.key ||= newCode("stage");
    const stages = list.map((r) => ({
      key: r.key!,
      zh: r.zh!,
      kind: r.kind as "review",
      // A 公示 stage is moved by the clock: roles ticked on it are not kept.
      roles: r.kind === "publicity" ? [] : (r.roles!.split(",").filter(Boolean) as ("reviewer" | "zone_admin")[]),
      dueWorkingDays: whole(r.dueWorkingDays!) as number,
    }));
    return { values: rowValues("subsidy.stages", list), patch: { subsidy: { stages } } };
  },
  calendar(body) {
    const v = pick(body, [
      "subsidy.noticeWorkingDays",
      "subsidy.correctionWorkingDays",
      "subsidy.holidays",
      "subsidy.extraWorkdays",
    ]);
    const patch = {
      subsidy: {
        noticeWorkingDays: whole(v["subsidy.noticeWorkingDays"]!) as number,
        correctionWorkingDays: whole(v["subsidy.correctionWorkingDays"]!) as number,
        holidays: lines(v["subsidy.holidays"]!),
        extraWorkdays: lines(v["subsidy.extraWorkdays"]!),
      },
    };
    return { values: v, patch };
  },
  finance(body) {
    const v = pick(body, [
      "finance.acceptWorkingDays",
      "finance.decideWorkingDays",
      "finance.escalation.afterWorkingDays",
    ]);
    const lpr = lprRows(body);
    const patch = {
      finance: {
        acceptWorkingDays: whole(v["finance.acceptWorkingDays"]!) as number,
        decideWorkingDays: whole(v["finance.decideWorkingDays"]!) as number,
        escalation: { afterWorkingDays: whole(v["finance.escalation.afterWorkingDays"]!) as number },
        lpr: lpr.map((r) => ({
          term: r.term as "1y",
          from: r.from!.trim(),
          bp: rateBp(r.rate!) as number,
          source: r.source!.trim(),
        })),
      },
    };
    return { values: { ...v, ...rowValues("finance.lpr", lpr) }, patch };
  },
};

/** The settings version a form was loaded at (its hidden field), or null for a form that sends none. */
export function formVersion(body: FormBody): number | null {
  const v = str(body, "version");
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}

/** Said after the refusal of a stale form: what the page now shows, and what to do. */
export const STALE_FORM = "下面显示的是现在的设置。";

/** A section's posted form as values to show again and the settings to save. */
export const readSection = (section: SettingsSection, body: FormBody): SectionInput => PARSERS[section](body);

/**
 * The service's errors by path, placed on the page's fields: a row's hidden code moves to its
 * name, a date list's line to the list (with the line's number), a list's own limit to the list.
 */
export function fieldErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    let key = path
      .replace(/^(priorityIndustries|qualifications|subsidy\.stages)\.(\d+)\.(code|key)$/, "$1.$2.zh")
      .replace(/^(finance\.lpr\.\d+)\.bp$/, "$1.rate");
    const line = /^(subsidy\.(?:holidays|extraWorkdays))\.(\d+)$/.exec(key);
    if (line) key = line[1]!;
    out[key] ??= line ? `第${Number(line[2]) + 1}行:${message}` : message;
  }
  return out;
}
