/**
 * Who may apply, as form items: conditions' thresholds (the number, and the word chosen from the
 * list of the format's words); tests the form cannot express (equals, oneOf, qualifications,
 * industries) are kept as they are.
 */
import { thresholdWords, type Test } from "../../../engines/policy/format/conditions";
import type { Programme } from "../../../engines/policy/format/programme";
import type { FormItem } from "../../../../web/pages/policy/programme-form-view";
import { factLabel, field, isMoneyFact, kept } from "./form-items";

/** The meaning of each threshold word, as the select shows it (the word itself is what is stored). */
const WORD_LABELS: Record<(typeof thresholdWords)[number], string> = {
  以上: "以上(含本数)",
  不低于: "不低于(含本数)",
  以下: "以下(含本数)",
  以内: "以内(含本数)",
  不超过: "不超过(含本数)",
  超过: "超过(不含本数)",
  高于: "高于(不含本数)",
  不满: "不满(不含本数)",
  低于: "低于(不含本数)",
};
export const WORD_OPTIONS = thresholdWords.map((w) => ({ value: w, label: WORD_LABELS[w] }));

export function testItems(p: Programme, t: Test, at: string, title: string): FormItem[] {
  const valueKind = (fact: string) => (isMoneyFact(p, fact) ? "money" : "number");
  switch (t.test) {
    case "compare":
      return [
        field({
          name: `${at}.value`,
          kind: valueKind(t.fact),
          label: `${title}「${factLabel(p, t.fact)}」的标准`,
          ...(t.negate ? { hint: "未达到此标准时成立。" } : {}),
        }),
        field({ name: `${at}.word`, kind: "select", label: `${title}标准的用词`, options: WORD_OPTIONS }),
      ];
    case "between":
      return [
        field({ name: `${at}.from`, kind: valueKind(t.fact), label: `${title}「${factLabel(p, t.fact)}」自(含)` }),
        field({ name: `${at}.to`, kind: valueKind(t.fact), label: `${title}至(含)` }),
      ];
    case "ratio":
      return [
        field({
          name: `${at}.percent`,
          kind: "percent",
          label: `${title}「${factLabel(p, t.numerator)}」占「${factLabel(p, t.denominator)}」的比例(%)`,
        }),
        field({ name: `${at}.word`, kind: "select", label: `${title}比例的用词`, options: WORD_OPTIONS }),
      ];
    case "all":
      return t.of.flatMap((o, i) => testItems(p, o, `${at}.of.${i}`, `${title}${i + 1}. `));
    case "any":
      return t.of.flatMap((o, i) => [
        field({ name: `${at}.of.${i}.label`, kind: "text", label: `${title}情形${i + 1}的名称` }),
        ...testItems(p, o.test, `${at}.of.${i}.test`, `${title}情形${i + 1}:`),
      ]);
    default:
      return [kept(`${title}判断方式(不可在表单中修改)`, t)];
  }
}
