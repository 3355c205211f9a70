/**
 * The amount of a programme as form items: each component with its money in 万元, a `when`
 * drawn as its two branches (the test itself kept), a percentage's base kept as it is.
 */
import type { Base, Component } from "../../../engines/policy/format/amounts";
import type { Programme } from "../../../engines/policy/format/programme";
import type { FormItem } from "../../../../web/pages/policy/programme-form-view";
import { choiceRowsItem, partTitle } from "./form-choice-rows";
import { factLabel, field, kept, optionLabel } from "./form-items";

export const COMPONENT_NAMES: Record<Component["kind"], string> = {
  fixed: "定额",
  byChoice: "按级别或档次",
  percent: "按比例",
  perUnit: "按数量",
  when: "分情形",
  interest: "贴息",
  review: "评审确定区间",
  caseByCase: "一事一议",
  inKind: "非资金支持",
};

function baseText(p: Programme, b: Base): string {
  if ("fact" in b) return factLabel(p, b.fact);
  if ("increase" in b) return `${factLabel(p, b.increase.current)}较${factLabel(p, b.increase.previous)}的增加额`;
  if ("average" in b) return `${b.average.map((f) => factLabel(p, f)).join("、")}的平均值`;
  return `${b.sum.map((f) => factLabel(p, f)).join("、")}之和`;
}

/** `choiceRows`: the amount maps drawn as tier rows (./form-choice-rows.ts), by their fact. */
function choiceItems(p: Programme, fact: string, here: string, choiceRows: Map<string, string[]>): FormItem[] {
  const paths = choiceRows.get(fact);
  if (!paths?.includes(here)) return [];
  if (paths[0] === here) return [choiceRowsItem(p, fact, paths)];
  return [{ type: "note", text: `各项金额与「${factLabel(p, fact)}」的选项一起在${partTitle(paths[0]!)}中填写。` }];
}

export function componentItems(
  p: Programme,
  c: Component,
  at: string,
  title: string,
  choiceRows: Map<string, string[]>,
): FormItem[] {
  const items: FormItem[] = [{ type: "heading", text: `${title}:${COMPONENT_NAMES[c.kind]}` }];
  if (c.kind === "when") {
    const value = typeof c.equals === "boolean" ? (c.equals ? "是" : "否") : optionLabel(p, c.fact, c.equals);
    items.push(kept("适用情形(不可在表单中修改)", `当「${factLabel(p, c.fact)}」为「${value}」时`));
    c.then.forEach((t, i) => {
      items.push(...componentItems(p, t, `${at}.then.${i}`, `${title} · 符合时 ${i + 1}`, choiceRows));
    });
    c.otherwise.forEach((t, i) => {
      items.push(...componentItems(p, t, `${at}.otherwise.${i}`, `${title} · 否则 ${i + 1}`, choiceRows));
    });
    return items;
  }
  items.push(field({ name: `${at}.label`, kind: "text", label: "名称" }));
  const upTo = field({ name: `${at}.upTo`, kind: "upTo", label: "金额性质" });
  switch (c.kind) {
    case "fixed":
      items.push(field({ name: `${at}.fen`, kind: "money", label: "金额" }), upTo);
      break;
    case "byChoice": {
      const rows = choiceItems(p, c.fact, `${at}.amounts`, choiceRows);
      if (rows.length) items.push(...rows);
      else
        for (const key of Object.keys(c.amounts))
          items.push(
            field({ name: `${at}.amounts.${key}`, kind: "money", label: `「${optionLabel(p, c.fact, key)}」的金额` }),
          );
      items.push(upTo);
      break;
    }
    case "percent":
      items.push(kept("计算基数(不可在表单中修改)", baseText(p, c.base)));
      if (typeof c.percent === "number")
        items.push(field({ name: `${at}.percent`, kind: "percent", label: "比例(%)" }));
      else if (choiceItems(p, c.percent.fact, `${at}.percent.byChoice`, choiceRows).length)
        items.push(...choiceItems(p, c.percent.fact, `${at}.percent.byChoice`, choiceRows));
      else
        for (const key of Object.keys(c.percent.byChoice))
          items.push(
            field({
              name: `${at}.percent.byChoice.${key}`,
              kind: "percent",
              label: `「${optionLabel(p, c.percent.fact, key)}」的比例(%)`,
            }),
          );
      items.push(field({ name: `${at}.capFen`, kind: "money", label: "封顶金额", optional: true }), upTo);
      break;
    case "perUnit":
      items.push(
        field({ name: `${at}.fen`, kind: "money", label: `每${factLabel(p, c.fact)}单位的金额` }),
        field({ name: `${at}.maxUnits`, kind: "integer", label: "最多计算的数量", optional: true }),
        field({ name: `${at}.capFen`, kind: "money", label: "封顶金额", optional: true }),
      );
      if (c.extra)
        items.push(
          field({ name: `${at}.extra.over`, kind: "integer", label: "超过此数量的部分另行计算" }),
          field({ name: `${at}.extra.fen`, kind: "money", label: "超过部分每单位的金额" }),
        );
      if (c.maxUnitsPer) items.push(kept("数量按以下事项分别累计(不可在表单中修改)", factLabel(p, c.maxUnitsPer)));
      items.push(upTo);
      break;
    case "interest":
      // The facts it reads and the LPR term stay as written (JSON); the shares and the cap are fields.
      items.push(
        kept(
          "按以下事项计算(不可在表单中修改)",
          [c.principal, c.rate, c.from, c.to, c.paid].map((f) => factLabel(p, f)).join("、"),
        ),
        field({ name: `${at}.share`, kind: "percent", label: "贴息比例(占实际支付利息,%)" }),
      );
      if (c.lpr)
        items.push(
          kept("LPR期限(不可在表单中修改)", c.lpr.term === "1y" ? "1年期" : "5年期以上"),
          field({ name: `${at}.lpr.percent`, kind: "percent", label: "不超过按LPR计算利息的比例(%)" }),
        );
      items.push(field({ name: `${at}.capFen`, kind: "money", label: "封顶金额", optional: true }), upTo);
      break;
    case "review":
      items.push(
        field({ name: `${at}.minFen`, kind: "money", label: "最低金额" }),
        field({ name: `${at}.maxFen`, kind: "money", label: "最高金额" }),
      );
      break;
    default:
      break;
  }
  return items;
}
