import { describe, expect, it } from "vitest";
import changzhi from "../../../../tenants/changzhi/policy/index";
import dongying from "../../../../tenants/dongying/policy/index";
import zibo from "../../../../tenants/zibo/policy/index";
import { programmeSchema } from "../../../engines/policy/format/programme";
import { applyProgrammeForm, formValuesOf, type FormInput } from "./apply-form";
import { parseWan, wanText } from "./form-text";
import { programmeTemplate, SHAPE_IDS } from "./programme-templates";
import { DOC, fact, programmeInput } from "../../../engines/policy/test-support";

const sets = { zibo, dongying, changzhi };
/** The context the pages pass: the set's programmes (就高不重复) and cases (options still in use). */
const ctxOf = (set: typeof zibo) => ({
  documents: set.documents,
  isNew: false,
  programmes: set.programmes.map((p) => ({ id: p.id, title: p.title.zh })),
  cases: set.cases,
});

describe("the programme form gives back the rule it was drawn from", () => {
  for (const [slug, set] of Object.entries(sets))
    it(`for every programme of ${slug}`, () => {
      expect(set.programmes.length).toBeGreaterThan(5);
      for (const p of set.programmes) {
        const ctx = ctxOf(set);
        const out = applyProgrammeForm(p, formValuesOf(p, ctx), ctx);
        if (!out.ok) throw new Error(`${p.id}: ${JSON.stringify(out.errors)} ${out.message}`);
        expect(out.programme, p.id).toEqual(p);
      }
    });
});

const techContract = () => zibo.programmes.find((p) => p.amount.some((c) => c.kind === "percent" && c.capFen))!;

describe("posting the programme form", () => {
  it("reads a cap typed as 120万 or 1.2百万 into fen", () => {
    const p = techContract();
    const ctx = ctxOf(zibo);
    const i = p.amount.findIndex((c) => c.kind === "percent" && c.capFen);
    for (const typed of ["120", "120万", "1.2百万", "１２０万元"]) {
      const out = applyProgrammeForm(p, { ...formValuesOf(p, ctx), [`amount.${i}.capFen`]: typed }, ctx);
      expect(out.ok && out.programme.amount[i]).toMatchObject({ capFen: 120_000_000 });
    }
  });

  it("puts a Chinese message next to an amount that is not one, and keeps nothing", () => {
    const p = techContract();
    const ctx = ctxOf(zibo);
    const i = p.amount.findIndex((c) => c.kind === "percent" && c.capFen);
    const out = applyProgrammeForm(p, { ...formValuesOf(p, ctx), [`amount.${i}.capFen`]: "abc" }, ctx);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[`amount.${i}.capFen`]).toContain("请填写金额");
  });

  it("removes an optional cap left empty and refuses an empty title", () => {
    const p = techContract();
    const ctx = ctxOf(zibo);
    const i = p.amount.findIndex((c) => c.kind === "percent" && c.capFen);
    const cleared = applyProgrammeForm(p, { ...formValuesOf(p, ctx), [`amount.${i}.capFen`]: "" }, ctx);
    expect(cleared.ok && "capFen" in cleared.programme.amount[i]!).toBe(false);
    const untitled = applyProgrammeForm(p, { ...formValuesOf(p, ctx), "title.zh": "  " }, ctx);
    expect(untitled.ok ? null : untitled.errors["title.zh"]).toBe("请填写这一项。");
  });

  it("maps each threshold word to the format's word and refuses one not on the list", () => {
    const p = [...zibo.programmes, ...dongying.programmes, ...changzhi.programmes].find((q) =>
      q.conditions.some((c) => c.test.test === "compare"),
    )!;
    const at = p.conditions.findIndex((c) => c.test.test === "compare");
    const ctx = { documents: [...zibo.documents, ...dongying.documents, ...changzhi.documents], isNew: false };
    const out = applyProgrammeForm(p, { ...formValuesOf(p, ctx), [`conditions.${at}.test.word`]: "超过" }, ctx);
    expect(out.ok && out.programme.conditions[at]!.test).toMatchObject({ word: "超过" });
    const bad = applyProgrammeForm(p, { ...formValuesOf(p, ctx), [`conditions.${at}.test.word`]: ">=" }, ctx);
    expect(bad.ok ? null : bad.errors[`conditions.${at}.test.word`]).toBe("请从列表中选择。");
  });

  it("adds and removes materials and windows as rows", () => {
    const p = techContract();
    const ctx = ctxOf(zibo);
    const n = p.materials.length;
    const input: FormInput = {
      ...formValuesOf(p, ctx),
      "remove.materials.0": "1",
      [`materials.${n}.zh`]: "审计报告",
      [`materials.${n}.required`]: "false",
      [`windows.${p.windows.length}.from`]: "2026-03-01",
      [`windows.${p.windows.length}.to`]: "2026-04-30",
    };
    const out = applyProgrammeForm(p, input, ctx);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.programme.materials.map((m) => m.zh)).toEqual([...p.materials.slice(1).map((m) => m.zh), "审计报告"]);
    expect(out.programme.materials.at(-1)).toMatchObject({ required: false });
    expect(out.programme.windows.at(-1)).toEqual({ from: "2026-03-01", to: "2026-04-30" });
    const backwards = applyProgrammeForm(p, { ...input, [`windows.${p.windows.length}.to`]: "2026-02-01" }, ctx);
    expect(backwards.ok ? null : backwards.errors[`windows.${p.windows.length}.to`]).toBe("截止日期不能早于开始日期。");
  });

  it("turns every template, once the citation is filled in, into a valid programme", () => {
    const ctx = { documents: zibo.documents, isNew: true };
    for (const shape of SHAPE_IDS) {
      const t = programmeTemplate(shape, zibo.documents[0]!.id);
      const empty = applyProgrammeForm(t, formValuesOf(t, ctx), ctx);
      expect(empty.ok ? [] : Object.keys(empty.errors).sort()).toEqual(
        ["applicants.zh", "clause", "excerpt", "id", "title.en", "title.zh"].sort(),
      );
      const filled = {
        ...formValuesOf(t, ctx),
        id: `zibo-new-${shape.toLowerCase()}`,
        "title.zh": "新项目",
        "title.en": "New programme",
        clause: "4.3",
        excerpt: "条款原文",
        "applicants.zh": "企业",
      };
      const out = applyProgrammeForm(t, filled, ctx);
      if (!out.ok) throw new Error(`${shape}: ${JSON.stringify(out.errors)}`);
      expect(programmeSchema.safeParse(out.programme).success).toBe(true);
    }
  });

  it("shows money in 万元 to the fen and reads it back exactly", () => {
    for (const fen of [0, 1, 100, 12_345, 3_000_000, 1_234_567_891, 120_000_000])
      expect(parseWan(wanText(fen))).toEqual({ ok: true, value: fen });
    expect(wanText(120_000_000)).toBe("120");
  });
});

describe("a 贴息 programme in the form", () => {
  const p = programmeSchema.parse(
    programmeInput({
      facts: [
        fact("loanFen", "money", { prefill: { source: "loan", field: "amountFen" } }),
        fact("rate", "percent", { prefill: { source: "loan", field: "rate" } }),
        fact("fromDate", "date", { prefill: { source: "loan", field: "disbursedOn" } }),
        fact("toDate", "date"),
        fact("paidFen", "money"),
      ],
      amount: [
        {
          kind: "interest",
          label: "贷款贴息",
          principal: "loanFen",
          rate: "rate",
          from: "fromDate",
          to: "toDate",
          paid: "paidFen",
          share: 50,
          lpr: { percent: 60, term: "1y" },
          capFen: 50_000_000,
        },
      ],
    }),
  );
  const ctx = { documents: [DOC as { id: string; title: string }], isNew: false };

  it("gives back the rule, date facts and loan prefills kept as written", () => {
    const out = applyProgrammeForm(p, formValuesOf(p, ctx), ctx);
    expect(out.ok && out.programme).toEqual(p);
  });

  it("edits the shares and the cap, and keeps the facts and the LPR term", () => {
    const values = {
      ...formValuesOf(p, ctx),
      "amount.0.share": "40",
      "amount.0.lpr.percent": "80",
      "amount.0.capFen": "",
    };
    const out = applyProgrammeForm(p, values, ctx);
    expect(out.ok && out.programme.amount[0]).toEqual({
      kind: "interest",
      label: "贷款贴息",
      principal: "loanFen",
      rate: "rate",
      from: "fromDate",
      to: "toDate",
      paid: "paidFen",
      share: 40,
      lpr: { percent: 80, term: "1y" },
    });
  });
});
