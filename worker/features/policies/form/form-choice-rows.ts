/**
 * Tiers and levels as rows: each option of a choice fact that keys amount maps (a byChoice
 * component's `amounts`, a percentage's `percent.byChoice`) is a row — its name (the option's
 * `zh`) and its amount in each map — drawn with the first part that uses the fact. A new row adds
 * an option to the fact (a fresh value; `en` = `zh` until someone writes a better one in the
 * JSON) and its amounts; a removed row drops the option and its amount from every map, and is
 * refused while a `when`, a condition, a limit's upgrade order or a test case still names it (the
 * preview would otherwise fail on a value that no longer exists, far from the row that caused it).
 */
import type { Component } from "../../../engines/policy/format/amounts";
import type { Test } from "../../../engines/policy/format/conditions";
import type { Programme } from "../../../engines/policy/format/programme";
import type { FormItem, FormRow } from "../../../../web/pages/policy/programme-form-view";
import { field } from "./form-items";
import { freshId, NEW_ROWS, put, putAt, type RowSpec } from "./form-rows";

/** Each choice fact drawn as rows → the paths of the amount maps it keys, in the order drawn. */
export function choiceRowFacts(p: Programme): Map<string, string[]> {
  const maps = new Map<string, string[]>();
  const note = (fact: string, path: string) => maps.set(fact, [...(maps.get(fact) ?? []), path]);
  const walk = (cs: Component[], at: string) =>
    cs.forEach((c, i) => {
      const here = `${at}.${i}`;
      if (c.kind === "byChoice") note(c.fact, `${here}.amounts`);
      if (c.kind === "percent" && typeof c.percent !== "number") note(c.percent.fact, `${here}.percent.byChoice`);
      if (c.kind === "when") {
        walk(c.then, `${here}.then`);
        walk(c.otherwise, `${here}.otherwise`);
      }
    });
  walk(p.amount, "amount");
  for (const fact of maps.keys()) if (!p.facts.find((f) => f.name === fact)?.options) maps.delete(fact);
  return maps;
}

/** "amount.0.then.1.amounts" → "金额项 1 · 符合时 2", as ./form-amounts.ts titles that part. */
export function partTitle(mapPath: string): string {
  const words = new Map([
    ["amount", "金额项"],
    ["then", "符合时"],
    ["otherwise", "否则"],
  ]);
  const keys = mapPath.split(".");
  const out: string[] = [];
  for (let i = 0; i + 1 < keys.length && words.has(keys[i]!); i += 2)
    out.push(`${words.get(keys[i]!)} ${Number(keys[i + 1]) + 1}`);
  return out.join(" · ");
}

const isPercent = (mapPath: string) => mapPath.endsWith(".byChoice");
/** The field of a row's amount in the k-th map: `value`, `value2`, … */
const valueKey = (k: number) => (k === 0 ? "value" : `value${k + 1}`);

/** The rows of a choice fact's options, with their amounts in each of `mapPaths`. */
export function choiceRowsItem(p: Programme, fact: string, mapPaths: string[]): FormItem {
  const fi = p.facts.findIndex((f) => f.name === fact);
  const f = p.facts[fi]!;
  const options = f.options ?? [];
  const list = mapPaths[0]!;
  const rows: FormRow[] = [];
  for (let index = 0; index < options.length + NEW_ROWS; index++) {
    const o = options[index];
    const amounts = mapPaths.map((path, k) => {
      const percent = isPercent(path);
      const what = percent ? "比例(%)" : "金额";
      return field({
        name: `${list}.${index}.${valueKey(k)}`,
        kind: percent ? "percent" : "money",
        label: mapPaths.length > 1 ? `${partTitle(path)}的${what}` : what,
        optional: true,
        hint: percent ? "留空:这一项不给予补助。" : "可写 50 或 50万;留空:这一项不给予补助。",
        ...(o ? { from: `${path}.${o.value}` } : {}),
      });
    });
    rows.push({
      index,
      isNew: !o,
      items: [
        field({
          name: `${list}.${index}.zh`,
          kind: "text",
          label: `${f.label.zh}(名称)`,
          ...(o ? { from: `facts.${fi}.options.${index}.zh` } : {}),
        }),
        ...amounts,
      ],
    });
  }
  const percentOnly = mapPaths.every(isPercent);
  return {
    type: "rows",
    kind: "choices",
    list,
    title: `按「${f.label.zh}」给予${percentOnly ? "的比例" : "的金额"}`,
    hint:
      `每一项也是申报时「${f.label.zh}」的一个选项。` +
      (mapPaths.length > 1 ? `${mapPaths.map(partTitle).join("、")}的金额都在这里填写。` : ""),
    newTitle: "新增一项(不用则留空)",
    rows,
  };
}

const at = (root: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), root);

/** Where the programme still names option `value` of `fact`, in words (empty: nowhere). */
export function usesOfOption(
  p: Programme,
  fact: string,
  value: string,
  cases: { name: string; programme: string; facts: Record<string, unknown> }[],
): string[] {
  const uses: string[] = [];
  const walk = (cs: Component[], title: string) =>
    cs.forEach((c, i) => {
      if (c.kind !== "when") return;
      if (c.fact === fact && c.equals === value) uses.push(`${title}${i + 1}的适用情形`);
      walk(c.then, `${title}${i + 1}·符合时 `);
      walk(c.otherwise, `${title}${i + 1}·否则 `);
    });
  walk(p.amount, "金额项 ");
  const names = (t: Test): boolean => {
    switch (t.test) {
      case "equals":
        return t.fact === fact && t.value === value;
      case "oneOf":
        return t.fact === fact && t.values.includes(value);
      case "all":
        return t.of.some(names);
      case "any":
        return t.of.some((o) => names(o.test));
      default:
        return false;
    }
  };
  p.conditions.forEach((c, j) => {
    if (names(c.test)) uses.push(`条件 ${j + 1}「${c.label}」`);
  });
  p.limits.forEach((l, j) => {
    if (l.kind === "once" && l.upgrade?.fact === fact && l.upgrade.order.includes(value))
      uses.push(`限制 ${j + 1}「${l.label}」的升级顺序`);
  });
  const inCases = cases.filter((c) => c.programme === p.id && c.facts[fact] === value).map((c) => `「${c.name}」`);
  if (inCases.length)
    uses.push(`测试用例${inCases.slice(0, 3).join("、")}${inCases.length > 3 ? ` 等 ${inCases.length} 个` : ""}`);
  return uses;
}

export const choiceRows: RowSpec = {
  isBlank: (r) => r.text("zh") === "" && r.text("value") === "",
  apply({ original, target, item, kept, removed, ctx, errors }) {
    const mapPath = item.list;
    const fact = (at(original, mapPath.replace(/\.(amounts|byChoice)$/, "")) as { fact: string }).fact;
    const mapPaths = choiceRowFacts(original).get(fact) ?? [mapPath];
    const fi = original.facts.findIndex((f) => f.name === fact);
    const f = original.facts[fi]!;
    const options = f.options ?? [];
    const zhName = (index: number) => `${mapPath}.${index}.zh`;

    for (const row of removed) {
      const o = options[row.index]!;
      const uses = usesOfOption(original, fact, o.value, ctx.cases ?? []);
      if (uses.length)
        errors[zhName(row.index)] =
          `「${o.zh}」不能删除:${uses.join("、")}仍用到它。请先下载 JSON 修改这些地方后上传,再删除这一项。`;
    }
    if (kept.length < 2 && removed[0])
      errors[zhName(removed[0].index)] ??= `「${f.label.zh}」至少要有两项,不能再删除。`;

    const taken = new Set(options.map((o) => o.value));
    const seen = new Map<string, number>();
    const next: { value: string; zh: string; en: string }[] = [];
    const typed = mapPaths.map(() => new Map<string, number>());
    for (const r of kept) {
      const zh = r.read("zh", { required: true }) as string | undefined;
      const amounts = mapPaths.map((_p, k) => r.read(valueKey(k), { required: r.row.isNew }) as number | undefined);
      if (zh === undefined) continue;
      const twin = seen.get(zh);
      if (twin !== undefined) r.refuse("zh", `与第 ${twin + 1} 项同名,请改用不同的名称。`);
      seen.set(zh, r.row.index);
      const o = r.row.isNew
        ? { value: freshId("tier", taken), zh, en: zh }
        : { ...structuredClone(options[r.row.index]!), zh };
      taken.add(o.value);
      next.push(o);
      amounts.forEach((amount, k) => {
        if (amount !== undefined) typed[k]!.set(o.value, amount);
      });
    }

    put((target.facts as Record<string, unknown>[])[fi]!, "options", next);
    mapPaths.forEach((path, k) => {
      // Each map keeps its own order; options added or newly paid come after it.
      const before = (at(original, path) ?? {}) as Record<string, number>;
      const amounts: Record<string, number> = {};
      for (const key of Object.keys(before)) if (typed[k]!.has(key)) amounts[key] = typed[k]!.get(key)!;
      for (const [key, amount] of typed[k]!) amounts[key] = amount;
      putAt(target, path, amounts);
    });
    return undefined;
  },
};
