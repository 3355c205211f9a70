/**
 * Limits as rows: each limit's amount, years and period as fields, with 删除; a blank row adds
 * one of the five kinds the format has, with only the fields its kind needs read back. A limit
 * left without a 说明 gets the sentence a clause would say (the 说明 is what applicants read
 * when a limit cuts their award). Parts the form cannot express (a shared scope, `per` facts, an
 * upgrade order) are kept as they are and shown read-only.
 */
import type { Limit } from "../../../engines/policy/format/amounts";
import type { Programme } from "../../../engines/policy/format/programme";
import type { FormItem, FormRow } from "../../../../web/pages/policy/programme-form-view";
import { field, kept, type FormContext } from "./form-items";
import { NEW_ROWS, put, type PostedRow, type RowSpec } from "./form-rows";
import { wanText } from "./form-text";

export const LIMIT_NAMES: Record<Limit["kind"], string> = {
  perEnterprisePerYear: "每家每年上限",
  perProject: "单个项目上限",
  once: "限享受一次",
  maxYears: "最多支持年数",
  exclusive: "就高不重复(互斥)",
};

const PER_OPTIONS = [
  { value: "year", label: "同一年度内" },
  { value: "ever", label: "任何时候" },
];

const VALID_YEARS_HINT = "留空:只享受一次;填 1:每年一次;填 3:每三年一次。";

function existingItems(l: Limit, at: string): FormItem[] {
  const items: FormItem[] = [field({ name: `${at}.label`, kind: "text", label: "说明" })];
  if (l.kind === "perEnterprisePerYear" || l.kind === "perProject")
    items.push(field({ name: `${at}.fen`, kind: "money", label: "上限金额" }));
  if (l.kind === "maxYears") items.push(field({ name: `${at}.years`, kind: "integer", label: "最多支持的年数" }));
  if (l.kind === "once") {
    items.push(
      field({
        name: `${at}.validYears`,
        kind: "integer",
        label: "认定有效年数",
        hint: VALID_YEARS_HINT,
        optional: true,
      }),
    );
    if (l.per) items.push(kept("按以下事项区分不同认定(不可在表单中修改)", l.per));
    if (l.upgrade) items.push(kept("升级规则(不可在表单中修改)", l.upgrade));
  }
  if (l.kind === "exclusive")
    items.push(field({ name: `${at}.per`, kind: "select", label: "互斥的期间", options: PER_OPTIONS }));
  if (l.programmes) items.push(kept("一并计算的其他项目(不可在表单中修改)", l.programmes));
  return items;
}

/** Text facts name a project (项目编号): what a 单个项目上限 counts awards by. */
const projectFacts = (p: Programme) => p.facts.filter((f) => f.type === "text");
const otherProgrammes = (p: Programme, ctx: FormContext) => (ctx.programmes ?? []).filter((q) => q.id !== p.id);

function newItems(p: Programme, ctx: FormContext, at: string): FormItem[] {
  const projects = projectFacts(p);
  const others = otherProgrammes(p, ctx);
  const kinds = (Object.keys(LIMIT_NAMES) as Limit["kind"][]).filter(
    (k) => (k !== "perProject" || projects.length > 0) && (k !== "exclusive" || others.length > 0),
  );
  const items: FormItem[] = [
    field({
      name: `${at}.kind`,
      kind: "select",
      label: "限制的种类",
      optional: true,
      options: [{ value: "", label: "(不新增)" }, ...kinds.map((k) => ({ value: k, label: LIMIT_NAMES[k] }))],
    }),
    field({ name: `${at}.label`, kind: "text", label: "说明", optional: true, hint: "留空则按所选种类自动写一句。" }),
    field({
      name: `${at}.fen`,
      kind: "money",
      label: "上限金额",
      optional: true,
      hint: "每家每年上限、单个项目上限填写。",
    }),
    field({
      name: `${at}.years`,
      kind: "integer",
      label: "最多支持的年数",
      optional: true,
      hint: "最多支持年数填写。",
    }),
    field({
      name: `${at}.validYears`,
      kind: "integer",
      label: "认定有效年数",
      optional: true,
      hint: `限享受一次可填。${VALID_YEARS_HINT}`,
    }),
  ];
  if (projects.length)
    items.push(
      field({
        name: `${at}.projectFact`,
        kind: "select",
        label: "按哪一事项区分项目",
        optional: true,
        hint: "单个项目上限填写。",
        options: projects.map((f) => ({ value: f.name, label: f.label.zh })),
      }),
    );
  if (others.length)
    items.push(
      field({
        name: `${at}.programmes`,
        kind: "select",
        label: "与哪个项目不重复享受",
        optional: true,
        hint: "就高不重复填写。",
        options: [{ value: "", label: "(请选择)" }, ...others.map((q) => ({ value: q.id, label: q.title }))],
      }),
      field({ name: `${at}.per`, kind: "select", label: "互斥的期间", optional: true, options: PER_OPTIONS }),
    );
  return items;
}

export function limitRowsItem(p: Programme, ctx: FormContext): FormItem {
  const rows: FormRow[] = [];
  for (let index = 0; index < p.limits.length + NEW_ROWS; index++) {
    const l = p.limits[index];
    rows.push(
      l
        ? {
            index,
            isNew: false,
            title: `限制 ${index + 1}:${LIMIT_NAMES[l.kind]}`,
            items: existingItems(l, `limits.${index}`),
          }
        : { index, isNew: true, items: newItems(p, ctx, `limits.${index}`) },
    );
  }
  return {
    type: "rows",
    kind: "limits",
    list: "limits",
    title: "限制清单",
    hint: "一家企业多次申报时的上限和次数。",
    newTitle: "新增限制(不用则不选种类)",
    rows,
  };
}

/** A new row as a limit of its kind, or undefined with messages by its fields. */
function newLimit(p: Programme, ctx: FormContext, r: PostedRow): Record<string, unknown> | undefined {
  const kind = r.read("kind", { required: true }) as Limit["kind"] | undefined;
  if (!kind) return undefined;
  const item: Record<string, unknown> = { kind };
  let label = "";
  switch (kind) {
    case "perEnterprisePerYear":
    case "perProject": {
      const fen = r.read("fen", { required: true }) as number | undefined;
      if (fen === undefined) return undefined;
      item.fen = fen;
      if (kind === "perProject") {
        const fact = r.read("projectFact", { required: true });
        if (fact === undefined) return undefined;
        item.projectFact = fact;
        label = `单个项目最高不超过${wanText(fen)}万元`;
      } else label = `单家企业每年最高不超过${wanText(fen)}万元`;
      break;
    }
    case "once": {
      const years = r.read("validYears") as number | undefined;
      put(item, "validYears", years);
      label =
        years === undefined
          ? "每家企业只享受一次"
          : years === 1
            ? "每家企业每年只享受一次"
            : `每家企业每${years}年只享受一次`;
      break;
    }
    case "maxYears": {
      const years = r.read("years", { required: true }) as number | undefined;
      if (years === undefined) return undefined;
      item.years = years;
      label = `对一家企业最多支持${years}年`;
      break;
    }
    case "exclusive": {
      const other = r.read("programmes", { required: true }) as string | undefined;
      const per = r.read("per", { required: true }) as "year" | "ever" | undefined;
      if (!other || !per) return undefined;
      item.programmes = [other];
      item.per = per;
      const title = otherProgrammes(p, ctx).find((q) => q.id === other)?.title ?? other;
      label = `与“${title}”${per === "year" ? "同一年度内" : ""}就高不就低,不重复享受`;
      break;
    }
  }
  item.label = (r.read("label") as string | undefined) ?? label;
  return item;
}

export const limitRows: RowSpec = {
  isBlank: (r) => r.text("kind") === "",
  apply({ original, target, kept, ctx }) {
    const out: Record<string, unknown>[] = [];
    const origin: number[] = [];
    for (const r of kept) {
      let item: Record<string, unknown> | undefined;
      if (r.row.isNew) item = newLimit(original, ctx, r);
      else {
        item = structuredClone(original.limits[r.row.index]!) as Record<string, unknown>;
        for (const it of r.row.items)
          if (it.type === "field") {
            const key = it.field.name.split(".").at(-1)!;
            put(item, key, r.read(key));
          }
      }
      if (!item) continue;
      out.push(item);
      origin.push(r.row.index);
    }
    target.limits = out;
    return { path: "limits", origin };
  },
};
