import { describe, expect, it } from "vitest";
import zibo from "../../../../tenants/zibo/policy/index";
import { programmeSchema, type Programme } from "../../../engines/policy/format/programme";
import { applyProgrammeForm, formValuesOf, type FormInput } from "./apply-form";
import { LAST_PART } from "./form-component-rows";
import { allFields, programmeForm, type FormContext } from "./form-model";

const WAN = 1_000_000;
const ctx: FormContext = {
  documents: zibo.documents,
  isNew: false,
  programmes: zibo.programmes.map((p) => ({ id: p.id, title: p.title.zh })),
};
const withCases: FormContext = { ...ctx, cases: zibo.cases };
const programme = (id: string) => zibo.programmes.find((p) => p.id === id)!;
const post = (p: Programme, changes: FormInput, c: FormContext = ctx) =>
  applyProgrammeForm(p, { ...formValuesOf(p, c), ...changes }, c);
function ok(out: ReturnType<typeof applyProgrammeForm>): Programme {
  if (!out.ok) throw new Error(`${JSON.stringify(out.errors)} ${out.message}`);
  expect(programmeSchema.safeParse(out.programme).success).toBe(true);
  return out.programme;
}
const errorsOf = (out: ReturnType<typeof applyProgrammeForm>) => (out.ok ? {} : out.errors);

describe("tiers and levels as rows", () => {
  const award = programme("zibo-zone-science-award");
  const list = "amount.0.amounts";

  it("draws each option of the fact with its amount in 万元, and not again under the facts", () => {
    const v = formValuesOf(award, ctx);
    expect(v[`${list}.0.zh`]).toBe("科学技术特殊贡献奖");
    expect(v[`${list}.0.value`]).toBe("100");
    expect(v[`${list}.4.zh`]).toBe("");
    expect(Object.keys(v).some((k) => k.startsWith("facts.0.options."))).toBe(false);
  });

  it("adds an option to the fact and its amount from a new row", () => {
    const out = ok(post(award, { [`${list}.4.zh`]: "青年科技奖", [`${list}.4.value`]: "8万" }));
    expect(out.facts[0]!.options!.at(-1)).toEqual({ value: "tier-5", zh: "青年科技奖", en: "青年科技奖" });
    expect(out.amount[0]).toMatchObject({
      amounts: { ...(award.amount[0] as { amounts: object }).amounts, "tier-5": 8 * WAN },
    });
  });

  it("renames an option and changes its amount in place", () => {
    const out = ok(post(award, { [`${list}.1.zh`]: "一等奖", [`${list}.1.value`]: "40" }));
    expect(out.facts[0]!.options![1]).toEqual({ value: "first", zh: "一等奖", en: award.facts[0]!.options![1]!.en });
    expect(out.amount[0]).toMatchObject({ amounts: { first: 40 * WAN } });
  });

  it("drops a removed option from the fact and from the amounts", () => {
    const out = ok(post(award, { [`remove.${list}.3`]: "1" }));
    expect(out.facts[0]!.options!.map((o) => o.value)).toEqual(["special", "first", "second"]);
    expect(Object.keys((out.amount[0] as { amounts: object }).amounts)).not.toContain("third");
  });

  it("refuses to remove an option a test case still uses, saying so by the row", () => {
    const out = post(award, { [`remove.${list}.3`]: "1" }, withCases);
    expect(errorsOf(out)[`${list}.3.zh`]).toMatch(/^「科学技术奖三等奖」不能删除:测试用例「.+」仍用到它。/);
  });

  it("refuses to remove an option a condition or an upgrade order names", () => {
    const platform = programme("zibo-platform-award");
    const rows = "amount.0.amounts";
    const out = post(platform, { [`remove.${rows}.0`]: "1" });
    const cond = platform.conditions.findIndex((c) => c.test.test === "oneOf");
    expect(errorsOf(out)[`${rows}.0.zh`]).toContain(`条件 ${cond + 1}「${platform.conditions[cond]!.label}」`);
    expect(errorsOf(out)[`${rows}.0.zh`]).toContain("限制 1「每个平台每次新获批奖励一次」的升级顺序");
  });

  it("keeps an option without an amount (该档无补助) as it is", () => {
    const platform = programme("zibo-platform-award");
    expect(formValuesOf(platform, ctx)["amount.0.amounts.2.value"]).toBe("");
    expect(ok(post(platform, {}))).toEqual(platform);
  });

  it("asks for a new row's amount, refuses a name used twice and keeps two options at least", () => {
    const missing = post(award, { [`${list}.4.zh`]: "青年科技奖" });
    expect(errorsOf(missing)[`${list}.4.value`]).toContain("请填写金额");
    const twice = post(award, { [`${list}.4.zh`]: "科学技术奖二等奖", [`${list}.4.value`]: "1" });
    expect(errorsOf(twice)[`${list}.4.zh`]).toBe("与第 3 项同名,请改用不同的名称。");
    const ip = programme("zibo-ip-standard");
    const last = post(ip, { "remove.amount.0.amounts.1": "1" });
    expect(errorsOf(last)["amount.0.amounts.1.zh"]).toBe(`「${ip.facts[0]!.label.zh}」至少要有两项,不能再删除。`);
  });

  it("draws a ratio by level as rows of percentages", () => {
    const matching = programme("zibo-project-matching");
    const rows = "amount.0.percent.byChoice";
    const out = ok(post(matching, { [`${rows}.2.zh`]: "市级", [`${rows}.2.value`]: "10" }));
    expect(out.facts.find((f) => f.name === "level")!.options!.map((o) => o.zh)).toEqual(["国家级", "省级", "市级"]);
    expect(out.amount[0]).toMatchObject({ percent: { fact: "level", byChoice: { "tier-3": 10 } } });
  });

  it("draws a level two parts pay by as one row with both amounts, adding and removing it in both", () => {
    const incubator = programme("zibo-incubator-recognition");
    const rows = "amount.0.then.0.amounts";
    const v = formValuesOf(incubator, ctx);
    expect(v[`${rows}.0.zh`]).toBe("国家级");
    expect(v[`${rows}.0.value`]).toBe("30");
    expect(v[`${rows}.0.value2`]).toBe("50");
    expect(Object.keys(v).some((k) => k.startsWith("amount.0.otherwise.0.amounts."))).toBe(false);
    const labels = allFields(programmeForm(incubator, ctx)).map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(["金额项 1 · 符合时 1的金额", "金额项 1 · 否则 1的金额"]));
    const added = ok(
      post(incubator, { [`${rows}.2.zh`]: "市级", [`${rows}.2.value`]: "5", [`${rows}.2.value2`]: "10" }),
    );
    const branches = (p: Programme) => p.amount[0] as { then: { amounts: object }[]; otherwise: { amounts: object }[] };
    expect(branches(added).then[0]!.amounts).toMatchObject({ "tier-3": 5 * WAN });
    expect(branches(added).otherwise[0]!.amounts).toMatchObject({ "tier-3": 10 * WAN });
    const half = post(incubator, { [`${rows}.2.zh`]: "市级", [`${rows}.2.value`]: "5" });
    expect(errorsOf(half)[`${rows}.2.value2`]).toContain("请填写金额");
    // Its upgrade order names 省级: without it the level may go.
    const refused = post(incubator, { [`remove.${rows}.1`]: "1" });
    expect(errorsOf(refused)[`${rows}.1.zh`]).toContain("限制 1「每次新认定扶持一次」的升级顺序");
    const removed = ok(
      post(
        { ...incubator, limits: [] },
        { [`remove.${rows}.1`]: "1", [`${rows}.2.zh`]: "市级", [`${rows}.2.value`]: "5", [`${rows}.2.value2`]: "10" },
      ),
    );
    expect(removed.facts.find((f) => f.name === "level")!.options!.map((o) => o.zh)).toEqual(["国家级", "市级"]);
    expect(branches(removed).then[0]!.amounts).toEqual({ national: 30 * WAN, "tier-3": 5 * WAN });
    expect(branches(removed).otherwise[0]!.amounts).toEqual({ national: 50 * WAN, "tier-3": 10 * WAN });
    expect(Object.keys(branches(removed).then[0]!.amounts)).toEqual(["national", "tier-3"]);
  });
});

describe("limits as rows", () => {
  const contract = programme("zibo-tech-contract");
  const n = contract.limits.length;

  it("removes a limit and adds 每家每年上限 with a sentence for its 说明", () => {
    const out = ok(
      post(contract, {
        "remove.limits.0": "1",
        [`limits.${n}.kind`]: "perEnterprisePerYear",
        [`limits.${n}.fen`]: "50",
      }),
    );
    expect(out.limits).toEqual([
      { kind: "perEnterprisePerYear", label: "单家企业每年最高不超过50万元", fen: 50 * WAN },
    ]);
  });

  it("adds each kind with the fields it needs", () => {
    const matching = programme("zibo-project-matching");
    const m = matching.limits.length;
    const out = ok(
      post(matching, {
        [`limits.${m}.kind`]: "perProject",
        [`limits.${m}.fen`]: "100",
        [`limits.${m}.projectFact`]: "projectCode",
        [`limits.${m + 1}.kind`]: "exclusive",
        [`limits.${m + 1}.programmes`]: "zibo-science-award-matching",
        [`limits.${m + 1}.per`]: "ever",
        [`limits.${m + 1}.label`]: "不与科技奖励配套重复享受",
      }),
    );
    expect(out.limits.slice(m)).toEqual([
      { kind: "perProject", label: "单个项目最高不超过100万元", fen: 100 * WAN, projectFact: "projectCode" },
      {
        kind: "exclusive",
        label: "不与科技奖励配套重复享受",
        programmes: ["zibo-science-award-matching"],
        per: "ever",
      },
    ]);
    const once = ok(post(contract, { [`limits.${n}.kind`]: "once", [`limits.${n}.validYears`]: "3" }));
    expect(once.limits.at(-1)).toEqual({ kind: "once", label: "每家企业每3年只享受一次", validYears: 3 });
    const deals = programme("zibo-tech-transfer-deals");
    const shared = ok(
      post(contract, {
        [`limits.${n}.kind`]: "exclusive",
        [`limits.${n}.programmes`]: deals.id,
        [`limits.${n}.per`]: "year",
      }),
    );
    expect(shared.limits.at(-1)).toMatchObject({ label: `与“${deals.title.zh}”同一年度内就高不就低,不重复享受` });
    const years = ok(post(contract, { [`limits.${n}.kind`]: "maxYears", [`limits.${n}.years`]: "3" }));
    expect(years.limits.at(-1)).toEqual({ kind: "maxYears", label: "对一家企业最多支持3年", years: 3 });
  });

  it("offers 单个项目上限 only with a fact naming the project, and 就高不重复 only with another programme", () => {
    const bad = post(contract, { [`limits.${n}.kind`]: "perProject", [`limits.${n}.fen`]: "1" });
    expect(errorsOf(bad)[`limits.${n}.kind`]).toBe("请从列表中选择。");
    const alone = post(contract, { [`limits.${n}.kind`]: "exclusive" }, { ...ctx, programmes: [] });
    expect(errorsOf(alone)[`limits.${n}.kind`]).toBe("请从列表中选择。");
  });

  it("asks for what the kind needs, by the field, and refuses zero years", () => {
    const noYears = post(contract, { [`limits.${n}.kind`]: "maxYears" });
    expect(errorsOf(noYears)[`limits.${n}.years`]).toBe("请填写这一项。");
    const noFen = post(contract, { [`limits.${n}.kind`]: "perEnterprisePerYear" });
    expect(errorsOf(noFen)[`limits.${n}.fen`]).toContain("请填写金额");
    const noOther = post(contract, { [`limits.${n}.kind`]: "exclusive" });
    expect(errorsOf(noOther)[`limits.${n}.programmes`]).toBe("请从列表中选择。");
    const zero = post(contract, {
      "remove.limits.0": "1",
      [`limits.${n}.kind`]: "maxYears",
      [`limits.${n}.years`]: "0",
    });
    expect(errorsOf(zero)[`limits.${n}.years`]).toBe("不能小于 1。");
  });

  it("ignores what a new row's kind does not use and leaves a row without a kind out", () => {
    const out = ok(
      post(contract, { [`limits.${n}.years`]: "abc", [`limits.${n + 1}.kind`]: "once", [`limits.${n + 1}.fen`]: "x" }),
    );
    expect(out.limits).toEqual([...contract.limits, { kind: "once", label: "每家企业只享受一次" }]);
  });
});

describe("conditions as rows", () => {
  const deals = programme("zibo-tech-transfer-deals");
  const n = deals.conditions.length;

  it("removes a condition and adds 「事项」 用词 数值 with its value in 万元 and a sentence for its 说明", () => {
    const out = ok(
      post(deals, {
        "remove.conditions.0": "1",
        [`conditions.${n}.fact`]: "dealsFen",
        [`conditions.${n}.word`]: "超过",
        [`conditions.${n}.value`]: "200万",
      }),
    );
    const label = deals.facts.find((f) => f.name === "dealsFen")!.label.zh;
    expect(out.conditions).toEqual([
      {
        id: `condition-${n + 1}`,
        label: `${label}超过200万元`,
        test: { test: "compare", fact: "dealsFen", word: "超过", value: 200 * WAN },
      },
    ]);
    const suffixed = ok(
      post(deals, {
        [`conditions.${n}.fact`]: "dealsFen",
        [`conditions.${n}.word`]: "以上",
        [`conditions.${n}.value`]: "50",
        [`conditions.${n}.label`]: "年度技术交易额50万元以上",
      }),
    );
    expect(suffixed.conditions.at(-1)).toMatchObject({ label: "年度技术交易额50万元以上", test: { value: 50 * WAN } });
  });

  it("edits a nested threshold in place and keeps the rest of the condition", () => {
    const rd = programme("zibo-rd-inclusive");
    const v = formValuesOf(rd, ctx);
    const word = Object.keys(v).find((k) => k.startsWith("conditions.0.test.") && k.endsWith(".word"))!;
    const out = ok(post(rd, { [word]: "超过" }));
    expect(JSON.stringify(out.conditions[0])).toContain('"word":"超过"');
    expect({ ...out, conditions: rd.conditions }).toEqual(rd);
  });

  it("asks for a value it can read, and offers no new row without a numeric fact", () => {
    const empty = post(deals, { [`conditions.${n}.fact`]: "dealsFen", [`conditions.${n}.word`]: "以上" });
    expect(errorsOf(empty)[`conditions.${n}.value`]).toBe("请填写数值。");
    const junk = post(deals, {
      [`conditions.${n}.fact`]: "dealsFen",
      [`conditions.${n}.word`]: "以上",
      [`conditions.${n}.value`]: "很多",
    });
    expect(errorsOf(junk)[`conditions.${n}.value`]).toContain("请填写金额");
    const badWord = post(deals, { [`conditions.${n}.fact`]: "dealsFen", [`conditions.${n}.word`]: ">=" });
    expect(errorsOf(badWord)[`conditions.${n}.word`]).toBe("请从列表中选择。");
    const hitech = programme("zibo-hitech-cert");
    expect(Object.keys(formValuesOf(hitech, ctx)).some((k) => k.startsWith("conditions."))).toBe(false);
  });
});

describe("amount parts as rows", () => {
  it("removes a part, and never the last one, saying why", () => {
    const centre = programme("zibo-tech-transfer-centre");
    const out = ok(post(centre, { "remove.amount.1": "1" }));
    expect(out.amount).toEqual([centre.amount[0]]);
    const contract = programme("zibo-tech-contract");
    const parts = programmeForm(contract, ctx)
      .flatMap((s) => s.items)
      .find((it) => it.type === "rows" && it.kind === "components");
    expect(parts?.type === "rows" && parts.rows[0]!.keep).toBe(LAST_PART);
    expect(ok(post(contract, { "remove.amount.0": "1" }))).toEqual(contract);
  });

  it("adds 定额, 评审确定区间, 一事一议 and 非资金支持 parts beside a tier changed in the same form", () => {
    const rd = programme("zibo-rd-institution");
    const out = ok(
      post(rd, {
        "amount.0.amounts.3.zh": "区级",
        "amount.0.amounts.3.value": "5",
        "amount.1.kind": "fixed",
        "amount.1.label": "认定奖励",
        "amount.1.fen": "10万",
        "amount.1.upTo": "true",
        "amount.2.kind": "review",
        "amount.2.label": "绩效评审",
        "amount.2.minFen": "10",
        "amount.2.maxFen": "30",
      }),
    );
    expect(out.amount.slice(1)).toEqual([
      { kind: "fixed", label: "认定奖励", fen: 10 * WAN, upTo: true },
      { kind: "review", label: "绩效评审", minFen: 10 * WAN, maxFen: 30 * WAN },
    ]);
    expect(out.amount[0]).toMatchObject({ amounts: { "tier-4": 5 * WAN } });
    const inKind = ok(post(rd, { "amount.1.kind": "inKind", "amount.1.label": "办公场地支持" }));
    expect(inKind.amount.at(-1)).toEqual({ kind: "inKind", label: "办公场地支持" });
    const caseByCase = ok(post(rd, { "amount.1.kind": "caseByCase", "amount.1.label": "一事一议" }));
    expect(caseByCase.amount.at(-1)).toEqual({ kind: "caseByCase", label: "一事一议" });
  });

  it("asks for a new part's name and amount, and a range that is one", () => {
    const rd = programme("zibo-rd-institution");
    const bare = post(rd, { "amount.1.kind": "fixed" });
    expect(errorsOf(bare)["amount.1.label"]).toBe("请填写这一项。");
    expect(errorsOf(bare)["amount.1.fen"]).toContain("请填写金额");
    const backwards = post(rd, {
      "amount.1.kind": "review",
      "amount.1.label": "评审",
      "amount.1.minFen": "30",
      "amount.1.maxFen": "10",
    });
    expect(errorsOf(backwards)["amount.1.maxFen"]).toBe("最高金额不能低于最低金额。");
    const odd = post(rd, { "amount.1.kind": "when", "amount.1.label": "x" });
    expect(errorsOf(odd)["amount.1.kind"]).toBe("请从列表中选择。");
  });

  it("does not read the tiers of a removed part", () => {
    const award = programme("zibo-zone-science-award");
    const withTwo = {
      ...award,
      amount: [...award.amount, { kind: "inKind" as const, label: "颁奖典礼" }],
    };
    const out = ok(post(withTwo, { "remove.amount.0": "1", "amount.0.amounts.4.zh": "新档" }));
    expect(out.amount).toEqual([{ kind: "inKind", label: "颁奖典礼" }]);
    expect(out.facts[0]!.options).toEqual(award.facts[0]!.options);
  });
});
