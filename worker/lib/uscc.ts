/**
 * 统一社会信用代码 (USCC) validation per GB 32100-2015: 18 characters from a
 * 31-character set (no I, O, Z, S, V), a registration-authority code, an
 * organisation-category code, a six-digit administrative division, a nine-
 * character organisation code, and a check character (weighted sum mod 31).
 * Errors say which part is wrong, in words a company clerk can act on.
 */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authorities (第 1 位) and the categories (第 2 位) each may use. */
const CATEGORIES: Record<string, string> = {
  "1": "129",
  "5": "1239",
  "9": "123",
  Y: "1",
  A: "19",
  N: "1239",
  "3": "12345",
  "6": "12",
  "7": "129",
  "8": "12",
};

export type UsccResult = { ok: true; value: string } | { ok: false; message: string };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export function validateUscc(raw: string): UsccResult {
  // People paste codes with spaces or in lower case; both are harmless to fix.
  const code = raw.replace(/\s+/g, "").toUpperCase();
  if (code.length !== 18) return { ok: false, message: `统一社会信用代码应为 18 位,现在是 ${code.length} 位。` };
  for (let i = 0; i < 18; i++) {
    if (!CHARSET.includes(code[i]!)) {
      return {
        ok: false,
        message: `第 ${i + 1} 位「${code[i]}」不是有效字符:统一社会信用代码只用数字和除 I、O、Z、S、V 以外的大写字母。`,
      };
    }
  }
  const categories = CATEGORIES[code[0]!];
  if (!categories) return { ok: false, message: `第 1 位登记管理部门代码「${code[0]}」不存在(应为 1、5、9、Y 等)。` };
  if (!categories.includes(code[1]!))
    return { ok: false, message: `第 2 位机构类别代码「${code[1]}」与第 1 位登记管理部门「${code[0]}」不匹配。` };
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return { ok: false, message: "第 3–8 位应为 6 位数字的登记管理机关行政区划码。" };
  const expected = checkCharacter(code.slice(0, 17));
  if (code[17] !== expected)
    return {
      ok: false,
      message: `第 18 位校验码不对:按前 17 位计算应为「${expected}」,请核对营业执照上的代码是否抄错。`,
    };
  return { ok: true, value: code };
}

/** Mainland mobile numbers: 11 digits starting 13–19 (an optional +86 / 86 prefix is dropped). */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "").replace(/^(\+?86)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}
