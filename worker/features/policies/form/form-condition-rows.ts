/**
 * Conditions as rows: each condition's 说明 and thresholds (./form-rules.ts) with 删除; a blank
 * row adds the commonest test a clause states, 「事项」<用词> <数值> on a money, count or
 * percentage fact of the programme, its value in 万元 for money. A test case that expected a
 * removed condition fails in the preview, which says so and offers to accept the new result.
 */
import type { Programme } from "../../../engines/policy/format/programme";
import type { FormItem, FormRow } from "../../../../web/pages/policy/programme-form-view";
import { field } from "./form-items";
import { freshId, NEW_ROWS, putAt, type RowSpec } from "./form-rows";
import { testItems, WORD_OPTIONS } from "./form-rules";
import { parseNumberText, parseWan, wanText } from "./form-text";

const numericFacts = (p: Programme) =>
  p.facts.filter((f) => f.type === "money" || f.type === "count" || f.type === "percent");

/** 以上/以下/以内 follow the number ("2亿元以上"); the other words lead it ("超过100万元"). */
const SUFFIX_WORDS = new Set(["以上", "以下", "以内"]);

export function conditionRowsItem(p: Programme): FormItem {
  const facts = numericFacts(p);
  const rows: FormRow[] = p.conditions.map((c, index) => ({
    index,
    isNew: false,
    title: `条件 ${index + 1}`,
    items: [
      field({ name: `conditions.${index}.label`, kind: "text", label: "条件说明" }),
      ...testItems(p, c.test, `conditions.${index}.test`, ""),
    ],
  }));
  if (facts.length)
    for (let index = p.conditions.length; index < p.conditions.length + NEW_ROWS; index++)
      rows.push({
        index,
        isNew: true,
        items: [
          field({
            name: `conditions.${index}.fact`,
            kind: "select",
            label: "事项",
            options: [{ value: "", label: "(不新增)" }, ...facts.map((f) => ({ value: f.name, label: f.label.zh }))],
          }),
          field({ name: `conditions.${index}.word`, kind: "select", label: "用词", options: WORD_OPTIONS }),
          field({
            name: `conditions.${index}.value`,
            kind: "text",
            label: "数值",
            hint: "金额按万元填写,如 5000 或 5000万;数量、百分比直接写数字,如 3。",
          }),
          field({
            name: `conditions.${index}.label`,
            kind: "text",
            label: "条件说明",
            optional: true,
            hint: "留空则写成「事项 数值 用词」,如“年销售收入5000万元以上”。",
          }),
        ],
      });
  return {
    type: "rows",
    kind: "conditions",
    list: "conditions",
    title: "申报条件",
    hint: facts.length
      ? "新增条件:选择申报时填写的金额、数量或百分比事项,再选用词、填数值。"
      : "本项目没有金额、数量或百分比类的申报事项,新增其他条件请下载 JSON 编辑后上传。",
    newTitle: "新增条件(不用则不选事项)",
    rows,
  };
}

export const conditionRows: RowSpec = {
  isBlank: (r) => r.text("fact") === "",
  apply({ original, target, kept }) {
    const taken = new Set(original.conditions.map((c) => c.id));
    const out: Record<string, unknown>[] = [];
    const origin: number[] = [];
    for (const r of kept) {
      if (!r.row.isNew) {
        const item = structuredClone(original.conditions[r.row.index]!) as unknown as Record<string, unknown>;
        const prefix = r.name("");
        for (const it of r.row.items)
          if (it.type === "field")
            putAt(item, it.field.name.slice(prefix.length), r.read(it.field.name.slice(prefix.length)));
        out.push(item);
        origin.push(r.row.index);
        continue;
      }
      const factName = r.read("fact", { required: true }) as string | undefined;
      const word = r.read("word", { required: true }) as string | undefined;
      const fact = original.facts.find((f) => f.name === factName);
      const text = r.text("value");
      const parsed =
        text === ""
          ? ({ ok: false, message: "请填写数值。" } as const)
          : fact?.type === "money"
            ? parseWan(text)
            : parseNumberText(text, { integer: false });
      if (!parsed.ok) r.refuse("value", parsed.message);
      if (!fact || !word || !parsed.ok) continue;
      const value = parsed.value;
      const shown =
        fact.type === "money"
          ? `${wanText(value)}万元`
          : fact.type === "percent"
            ? `${value}%`
            : `${value}${fact.unit ?? ""}`;
      const sentence = `${fact.label.zh}${SUFFIX_WORDS.has(word) ? `${shown}${word}` : `${word}${shown}`}`;
      const id = freshId("condition", taken);
      taken.add(id);
      out.push({
        id,
        label: (r.read("label") as string | undefined) ?? sentence,
        test: { test: "compare", fact: fact.name, word, value },
      });
      origin.push(r.row.index);
    }
    target.conditions = out;
    return { path: "conditions", origin };
  },
};
