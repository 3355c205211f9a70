/**
 * Evaluates a condition's test tree to pass / fail / unknown with a reason in
 * Chinese a company clerk can follow, e.g. "研发投入占销售收入 3.2%,达到第十四条
 * 规定的“3%以上”". Unknown means a fact is missing; `missing` lists which.
 */
import type { Test, ThresholdWord } from "./format/conditions";
import { THRESHOLD } from "./format/conditions";
import type { Fact } from "./format/facts";
import type { Profile } from "./format/programme";
import { showFact, type Facts } from "./facts";
import { moneyUnit } from "../../lib/money";
import { formatRatio, formatPercent, hundredths } from "./money";

export type Outcome = "pass" | "fail" | "unknown";
export interface TestResult {
  result: Outcome;
  reason: string;
  missing: string[];
}

export interface TestContext {
  facts: Facts;
  declared: ReadonlyMap<string, Fact>;
  /** Absent for an anonymous estimate: profile tests are then not evaluated (see evaluate.ts). */
  profile: Profile | undefined;
  /** e.g. "第十四条", for "达到第十四条规定的…". */
  cite: string;
  qualificationName: (code: string) => string;
  industryName: (code: string) => string;
  /**
   * Thresholds each ratio ("numerator/denominator") is compared with anywhere in the programme,
   * for one display precision.
   */
  ratioThresholds?: ReadonlyMap<string, readonly number[]>;
}

/** The thresholds each ratio is compared with in these tests, keyed "numerator/denominator". */
export function ratioThresholdsOf(tests: readonly Test[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const walk = (t: Test): void => {
    if (t.test === "ratio") {
      const key = `${t.numerator}/${t.denominator}`;
      found.set(key, [...(found.get(key) ?? []), t.percent]);
    } else if (t.test === "all") t.of.forEach(walk);
    else if (t.test === "any") for (const b of t.of) walk(b.test);
  };
  tests.forEach(walk);
  return found;
}

const raisesBar = (w: ThresholdWord) => THRESHOLD[w].cmp(1, 0);

export function evaluateTest(t: Test, ctx: TestContext): TestResult {
  switch (t.test) {
    case "compare": {
      const v = ctx.facts[t.fact];
      const fact = ctx.declared.get(t.fact)!;
      if (typeof v !== "number") return missing(t.fact, fact);
      const met = THRESHOLD[t.word].cmp(v, t.value);
      const ok = t.negate ? !met : met;
      // Money in one unit, and never shown as the bar it missed by a fen.
      const unit = moneyUnit(v, t.value);
      return {
        result: ok ? "pass" : "fail",
        reason:
          `${fact.label.zh}为${showFact(fact, v, { unit, near: [t.value] })},${verdict(met, t.word, ctx.cite)}` +
          `“${phrase(t.word, showFact(fact, t.value, { unit }))}”${boundary(v, t.value, t.word)}`,
        missing: [],
      };
    }
    case "between": {
      const v = ctx.facts[t.fact];
      const fact = ctx.declared.get(t.fact)!;
      if (typeof v !== "number") return missing(t.fact, fact);
      const ok = v >= t.from && v <= t.to;
      const edge = v === t.from || v === t.to ? "(“至”含两端的数)" : "";
      const unit = moneyUnit(v, t.from, t.to);
      return {
        result: ok ? "pass" : "fail",
        reason:
          `${fact.label.zh}为${showFact(fact, v, { unit, near: [t.from, t.to] })},${ok ? "在" : "不在"}${ctx.cite}` +
          `规定的“${showFact(fact, t.from, { unit })}至${showFact(fact, t.to, { unit })}”之间${edge}`,
        missing: [],
      };
    }
    case "ratio": {
      const n = ctx.facts[t.numerator];
      const d = ctx.facts[t.denominator];
      const nf = ctx.declared.get(t.numerator)!;
      const df = ctx.declared.get(t.denominator)!;
      const absent = [
        ...(typeof n === "number" ? [] : [t.numerator]),
        ...(typeof d === "number" ? [] : [t.denominator]),
      ];
      if (absent.length)
        return {
          result: "unknown",
          reason: `需提供${[nf, df]
            .filter((f) => absent.includes(f.name))
            .map((f) => f.label.zh)
            .join("和")}`,
          missing: absent,
        };
      const num = n as number;
      const den = d as number;
      if (den === 0)
        return { result: "fail", reason: `${df.label.zh}为 0,无法计算${nf.label.zh}所占比例`, missing: [] };
      // Exact: num/den ≥ p% ⇔ num × 10000 ≥ den × p×100, in BigInt.
      const left = BigInt(num) * 10000n;
      const right = BigInt(den) * hundredths(t.percent);
      const ok = THRESHOLD[t.word].cmp(Number(left > right) - Number(left < right), 0);
      const exact = left === right ? boundary(0, 0, t.word) : "";
      const thresholds = ctx.ratioThresholds?.get(`${t.numerator}/${t.denominator}`) ?? t.percent;
      return {
        result: ok ? "pass" : "fail",
        reason:
          `${nf.label.zh}占${df.label.zh}${formatRatio(num, den, thresholds)},` +
          `${verdict(ok, t.word, ctx.cite)}“${phrase(t.word, formatPercent(t.percent))}”${exact}`,
        missing: [],
      };
    }
    case "equals": {
      const v = ctx.facts[t.fact];
      const fact = ctx.declared.get(t.fact)!;
      if (v === undefined) return missing(t.fact, fact);
      const ok = v === t.value;
      return {
        result: ok ? "pass" : "fail",
        reason: `${fact.label.zh}:${showFact(fact, v)}${ok ? "" : `(${ctx.cite}要求${showFact(fact, t.value)})`}`,
        missing: [],
      };
    }
    case "oneOf": {
      const v = ctx.facts[t.fact];
      const fact = ctx.declared.get(t.fact)!;
      if (v === undefined) return missing(t.fact, fact);
      const ok = typeof v === "string" && t.values.includes(v);
      return {
        result: ok ? "pass" : "fail",
        reason:
          `${fact.label.zh}:${showFact(fact, v)}` +
          `${ok ? "" : `(${ctx.cite}限于${t.values.map((x) => showFact(fact, x)).join("、")})`}`,
        missing: [],
      };
    }
    case "qualification": {
      const name = ctx.qualificationName(t.code);
      if (!ctx.profile) return { result: "unknown", reason: `需确认是否为${name}`, missing: [] };
      const ok = ctx.profile.qualifications.includes(t.code);
      return {
        result: ok ? "pass" : "fail",
        reason: ok ? `持有经核验、在有效期内的${name}资格` : `没有经核验、在有效期内的${name}资格`,
        missing: [],
      };
    }
    case "industry": {
      const names = t.codes.map(ctx.industryName).join("、");
      if (!ctx.profile) return { result: "unknown", reason: `需确认所属行业是否为${names}`, missing: [] };
      const ind = ctx.profile.industry;
      if (!ind) return { result: "unknown", reason: `企业资料未填所属行业(须为${names})`, missing: [] };
      const ok = t.codes.includes(ind);
      return {
        result: ok ? "pass" : "fail",
        reason: `所属行业为${ctx.industryName(ind)}${ok ? "" : `,不属于${names}`}`,
        missing: [],
      };
    }
    case "all": {
      const parts = t.of.map((s) => evaluateTest(s, ctx));
      const result: Outcome = parts.some((p) => p.result === "fail")
        ? "fail"
        : parts.some((p) => p.result === "unknown")
          ? "unknown"
          : "pass";
      // A failing part is the reason; the others would only add noise.
      const shown = result === "pass" ? parts : parts.filter((p) => p.result === result);
      return { result, reason: shown.map((p) => p.reason).join(";"), missing: parts.flatMap((p) => p.missing) };
    }
    case "any": {
      const parts = t.of.map((b) => ({ label: b.label, ...evaluateTest(b.test, ctx) }));
      const passed = parts.filter((p) => p.result === "pass");
      if (passed.length === 1)
        return { result: "pass", reason: `按“${passed[0]!.label}”认定:${passed[0]!.reason}`, missing: [] };
      if (passed.length > 1) {
        // At a boundary (2亿元 is both "2亿元以上" and "5000万元至2亿元") the enterprise gets the tier
        // it qualifies for; all that fit are named.
        return {
          result: "pass",
          reason:
            `同时符合“${passed.map((p) => p.label).join("”和“")}”(数值恰在两档交界,均适用),` +
            `按“${passed[0]!.label}”认定:${passed[0]!.reason}`,
          missing: [],
        };
      }
      const unknown = parts.filter((p) => p.result === "unknown");
      if (unknown.length)
        return {
          result: "unknown",
          reason: unknown.map((p) => `${p.label}:${p.reason}`).join(";"),
          missing: [...new Set(unknown.flatMap((p) => p.missing))],
        };
      return {
        result: "fail",
        reason: `不符合任何一档:${parts.map((p) => `${p.label}——${p.reason}`).join(";")}`,
        missing: [],
      };
    }
  }
}

/** 以上 / 以下 / 以内 follow the number ("3%以上"); the others lead it ("低于20%", "不超过10件"). */
function phrase(word: ThresholdWord, value: string): string {
  return word === "以上" || word === "以下" || word === "以内" ? `${value}${word}` : `${word}${value}`;
}

function missing(name: string, fact: Fact): TestResult {
  return { result: "unknown", reason: `需提供${fact.label.zh}`, missing: [name] };
}

function verdict(ok: boolean, word: ThresholdWord, cite: string): string {
  return raisesBar(word) ? `${ok ? "达到" : "未达到"}${cite}规定的` : `${ok ? "符合" : "不符合"}${cite}规定的`;
}

/** At the threshold itself, say which way the word cuts: 以上 includes it, 超过 does not. */
function boundary(v: number, threshold: number, word: ThresholdWord): string {
  if (v !== threshold) return "";
  return THRESHOLD[word].inclusive ? `(“${word}”含本数)` : `(“${word}”不含本数)`;
}
