import { describe, expect, it } from "vitest";
import { checkCharacter, normaliseMobile, validateUscc } from "./uscc";

// Published codes of real, well-known companies (their business licences are public).
const VALID = ["91350100M000100Y43", "91110108551385082Q", "91440300708461136T"];

describe("validateUscc (GB 32100-2015)", () => {
  it.each(VALID)("accepts %s", (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it("normalises spaces and lower case", () => {
    expect(validateUscc(" 91110108 551385082q ")).toEqual({ ok: true, value: "91110108551385082Q" });
  });

  it.each([
    ["9111010855138508", /应为 18 位,现在是 16 位/],
    ["91110108551385082QQ", /现在是 19 位/],
    ["91110108551385O82Q", /第 15 位「O」不是有效字符/],
    ["Z1110108551385082Q", /第 1 位「Z」不是有效字符/],
    ["B1110108551385082Q", /第 1 位登记管理部门代码「B」不存在/],
    ["9A110108551385082Q", /第 2 位机构类别代码「A」与第 1 位/],
    ["911A0108551385082Q", /第 3–8 位应为 6 位数字/],
    ["91110108551385082A", /第 18 位校验码不对:按前 17 位计算应为「Q」/],
  ])("refuses %s saying which part is wrong", (code, message) => {
    const r = validateUscc(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("computes the check character as 31 − (weighted sum mod 31), 31 → 0", () => {
    for (const code of VALID) expect(checkCharacter(code.slice(0, 17))).toBe(code[17]);
  });
});

describe("normaliseMobile", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["+86 138-0013-8000", "13800138000"],
    ["8619912345678", "19912345678"],
  ])("accepts %s", (raw, out) => {
    expect(normaliseMobile(raw)).toBe(out);
  });
  it.each(["12800138000", "1380013800", "138001380001", "0533-3580000"])("refuses %s", (raw) => {
    expect(normaliseMobile(raw)).toBeNull();
  });
});
