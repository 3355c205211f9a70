import { describe, expect, it } from "vitest";
import { compilePolicySet } from "./compile";
import type { ProgrammeInput } from "./format/programme";
import { proposeProgrammeCases } from "./propose-cases";
import { compileSet, fact, NAMES, programmeInput } from "./test-support";

function proposed(over: Partial<ProgrammeInput>) {
  const p = programmeInput(over);
  const bare = compilePolicySet({ ...compileSet([p]).set, cases: [] }, NAMES);
  return proposeProgrammeCases(bare, p.id).cases;
}
const said = (xs: ReturnType<typeof proposed>, tag: string) =>
  xs.filter((x) => x.case.name.includes(`·${tag}:`)).map((x) => [x.why.split(":")[0], x.result]);
const WAN = 1_000_000;

describe("proposals for options and yes/no answers", () => {
  it("one case per level of a by-level amount, the first level being the first case", () => {
    const out = proposed({
      facts: [fact("level", "choice")],
      amount: [
        { kind: "byChoice", label: "按级别", fact: "level", amounts: { a: 50 * WAN, b: 30 * WAN, c: 10 * WAN } },
      ],
    });
    expect(out[0]!.case.facts).toEqual({ level: "a" });
    expect(out[0]!.result).toBe("符合条件,补助50万元");
    expect(said(out, "选项")).toEqual([
      ["按level项“乙档”", "符合条件,补助30万元"],
      ["按level项“丙档”", "符合条件,补助10万元"],
    ]);
  });

  it("one case per level of a ratio chosen by level", () => {
    const out = proposed({
      facts: [fact("level", "choice"), fact("fundingFen", "money")],
      amount: [
        {
          kind: "percent",
          label: "配套",
          base: { fact: "fundingFen" },
          percent: { fact: "level", byChoice: { a: 50, b: 30, c: 10 } },
        },
      ],
    });
    expect(said(out, "选项")).toEqual([
      ["按level项“乙档”", "符合条件,补助30万元"],
      ["按level项“丙档”", "符合条件,补助10万元"],
    ]);
  });

  it("both answers of a yes/no question the amount or a condition reads", () => {
    const out = proposed({
      facts: [fact("productive", "boolean"), fact("certified", "boolean")],
      conditions: [{ id: "cert", label: "已认定", test: { test: "equals", fact: "certified", value: true } }],
      amount: [
        {
          kind: "when",
          fact: "productive",
          equals: true,
          then: [{ kind: "fixed", label: "生产型", fen: 20 * WAN }],
          otherwise: [{ kind: "fixed", label: "非生产型", fen: 10 * WAN }],
        },
      ],
    });
    expect(out[0]!.case.facts).toEqual({ productive: true, certified: true });
    expect(said(out, "是否")).toEqual([
      ["productive项为“否”", "符合条件,补助10万元"],
      ["certified项为“否”", "不符合条件"],
    ]);
  });

  it("the profile without each qualification the applicants must hold", () => {
    const out = proposed({
      applicants: { zh: "高新技术企业", kinds: ["enterprise"], qualifications: ["hnte"] },
      conditions: [{ id: "sme", label: "科技型中小企业", test: { test: "qualification", code: "tech-sme" } }],
    });
    expect(said(out, "资格")).toEqual([
      ["没有高新技术企业资格", "不符合条件"],
      ["没有科技型中小企业资格", "不符合条件"],
    ]);
    expect(out.find((x) => x.why.startsWith("没有高新技术企业资格"))!.case.profile?.qualifications).toEqual([
      "tech-sme",
    ]);
  });
});
