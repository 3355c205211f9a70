/**
 * The amount's parts as rows: each top-level component with its fields (./form-amounts.ts) and
 * 删除, except the last one (a programme pays by at least one rule); a blank row adds a part that
 * needs no new facts — 定额, 评审确定区间, 一事一议 or 非资金支持. A part's own rows (its tiers)
 * are read before it, so the part is taken as they left it.
 */
import type { Component } from "../../../engines/policy/format/amounts";
import type { Programme } from "../../../engines/policy/format/programme";
import type { FormItem, FormRow } from "../../../../web/pages/policy/programme-form-view";
import { COMPONENT_NAMES, componentItems } from "./form-amounts";
import { field } from "./form-items";
import { NEW_ROWS, put, putAt, type RowSpec } from "./form-rows";

const NEW_KINDS = ["fixed", "review", "caseByCase", "inKind"] as const;

export const LAST_PART = "这是唯一的金额计算,不能删除:每个项目至少要有一项(只给场地、服务等支持时请用「非资金支持」)。";

export function componentRowsItem(p: Programme, choiceRows: Map<string, string[]>): FormItem {
  const rows: FormRow[] = p.amount.map((c, index) => ({
    index,
    isNew: false,
    title: `金额项 ${index + 1}:${COMPONENT_NAMES[c.kind]}`,
    items: componentItems(p, c, `amount.${index}`, `金额项 ${index + 1}`, choiceRows).slice(1),
    ...(p.amount.length === 1 ? { keep: LAST_PART } : {}),
  }));
  for (let index = p.amount.length; index < p.amount.length + NEW_ROWS; index++)
    rows.push({
      index,
      isNew: true,
      items: [
        field({
          name: `amount.${index}.kind`,
          kind: "select",
          label: "计算方式",
          options: [
            { value: "", label: "(不新增)" },
            ...NEW_KINDS.map((k) => ({ value: k, label: COMPONENT_NAMES[k] })),
          ],
        }),
        field({ name: `amount.${index}.label`, kind: "text", label: "名称", hint: "如“认定奖励”“办公场地支持”。" }),
        field({
          name: `amount.${index}.fen`,
          kind: "money",
          label: "金额",
          optional: true,
          hint: "定额填写,如 10 或 10万。",
        }),
        field({ name: `amount.${index}.upTo`, kind: "upTo", label: "金额性质(定额)" }),
        field({
          name: `amount.${index}.minFen`,
          kind: "money",
          label: "最低金额",
          optional: true,
          hint: "评审确定区间填写。",
        }),
        field({
          name: `amount.${index}.maxFen`,
          kind: "money",
          label: "最高金额",
          optional: true,
          hint: "评审确定区间填写。",
        }),
      ],
    });
  return {
    type: "rows",
    kind: "components",
    list: "amount",
    title: "金额计算",
    hint: "各项金额相加;非资金支持只记录,不计入金额。",
    newTitle: "新增一项金额计算(不用则不选计算方式)",
    rows,
  };
}

export const componentRows: RowSpec = {
  isBlank: (r) => r.text("kind") === "",
  apply({ original, target, kept }) {
    // Tier rows have already written into `target`: a kept part starts from there.
    const current = target.amount as Component[];
    const out: Record<string, unknown>[] = [];
    const origin: number[] = [];
    for (const r of kept) {
      if (!r.row.isNew) {
        const item = structuredClone(current[r.row.index]!) as unknown as Record<string, unknown>;
        const before = original.amount[r.row.index];
        const prefix = r.name("");
        for (const it of r.row.items) {
          if (it.type !== "field") continue;
          const key = it.field.name.slice(prefix.length);
          const was = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], before);
          putAt(item, key, r.read(key, { before: was }));
        }
        out.push(item);
        origin.push(r.row.index);
        continue;
      }
      const kind = r.read("kind", { required: true }) as (typeof NEW_KINDS)[number] | undefined;
      const label = r.read("label", { required: true }) as string | undefined;
      if (!kind) continue;
      const item: Record<string, unknown> = { kind, label };
      if (kind === "fixed") {
        put(item, "fen", r.read("fen", { required: true }));
        put(item, "upTo", r.read("upTo"));
      }
      if (kind === "review") {
        const min = r.read("minFen", { required: true }) as number | undefined;
        const max = r.read("maxFen", { required: true }) as number | undefined;
        if (min !== undefined && max !== undefined && min > max) r.refuse("maxFen", "最高金额不能低于最低金额。");
        item.minFen = min;
        item.maxFen = max;
      }
      if (!label) continue;
      out.push(item);
      origin.push(r.row.index);
    }
    target.amount = out;
    return { path: "amount", origin };
  },
};
