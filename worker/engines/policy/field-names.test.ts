import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { policyDocumentSchema } from "../../../tenants/schema";
import { FIELD_NAMES, locateField, type Kind } from "./field-names";
import { programmeSchema } from "./format/programme";
import zibo from "../../../tenants/zibo/policy/index";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  getter?: () => z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every key of every object the schema can hold, as "kind.key", and the keys FIELD_NAMES lacks. */
function unnamed(schema: z.ZodType, kind: Kind): string[] {
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = (s: z.ZodType, k: Kind): void => {
    const d = defOf(s);
    switch (d.type) {
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "readonly":
        visit(d.innerType!, k);
        return;
      case "lazy":
        visit(d.getter!(), k);
        return;
      case "pipe":
        visit(d.in!, k);
        return;
      case "array":
        visit(d.element!, k);
        return;
      case "record":
        visit(d.valueType!, k);
        return;
      case "union":
        for (const o of d.options!) visit(o, k);
        return;
      case "object": {
        const shape = d.shape!;
        const isAny = k === "test" && defOf(shape.test!).type === "literal" && shape.test!.safeParse("any").success;
        for (const [key, value] of Object.entries(shape)) {
          const id = `${k}.${key}`;
          const node = FIELD_NAMES[k][key];
          if (!node) {
            missing.push(id);
            continue;
          }
          if (!node.name) missing.push(`${id} (empty name)`);
          const child: Kind | undefined = isAny && key === "of" ? "alternative" : node.child;
          const mark = `${id}>${child}`;
          if (child && !seen.has(mark)) {
            seen.add(mark);
            visit(value, child);
          }
        }
        return;
      }
      default:
        return;
    }
  };
  visit(schema, kind);
  return [...new Set(missing)];
}

describe("Chinese names of the rule format's fields", () => {
  it("name every key a programme can have, at any depth", () => {
    expect(unnamed(programmeSchema, "programme")).toEqual([]);
  });

  it("name every key a policy document can have", () => {
    expect(unnamed(policyDocumentSchema, "document")).toEqual([]);
  });

  it("the walk notices a key without a name", () => {
    const saved = FIELD_NAMES.limit.fen!;
    delete FIELD_NAMES.limit.fen;
    try {
      expect(unnamed(programmeSchema, "programme")).toEqual(["limit.fen"]);
    } finally {
      FIELD_NAMES.limit.fen = saved;
    }
  });

  it("names paths by the labels of what they pass through", () => {
    const p = zibo.programmes.find((x) => x.id === "zibo-rd-inclusive")!;
    const at = (path: string) => locateField("programme", path.split("."), p).zh;
    expect(at("limits.0.fen")).toBe("限额「单个企业年度最高补助金额不超过100万元」的限额金额");
    expect(at("title.zh")).toBe("项目名称");
    expect(at("title.en")).toBe("项目名称的英文");
    expect(at("conditions.0.test.of.1.test.of.1.percent")).toBe(
      "申报条件「年销售收入与研发投入比例达到规定档次」的第2档「年销售收入5000万元至2亿元、研发投入占比4%以上」" +
        "的判断规则的第2项条件的比例门槛",
    );
    expect(at("amount.0.base.increase.current")).toBe(
      "金额计算「研发费用加计扣除额新增部分的5%」的计算基数的同比新增的本期信息项",
    );
    expect(at("materials.1.required")).toBe("申报材料「研发费用加计扣除纳税申报表(本年度和上年度)」的是否必交");
    expect(at("applicants.kinds.0")).toBe("申报主体的主体类型");
    expect(at("nonsense.0")).toBeNull();
  });
});
