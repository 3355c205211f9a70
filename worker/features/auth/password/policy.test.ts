import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./blocklist";
import { checkNewPassword, isPasswordExpired, PASSWORD_ROTATION_DAYS } from "./policy";

const off = { complexity: false };
const on = { complexity: true };

describe("checkNewPassword: length", () => {
  it.each([
    [7, ["密码至少需要 8 个字符,当前只有 7 个。"]],
    [8, []],
    [128, []],
    [129, ["密码不能超过 128 个字符,当前有 129 个。"]],
  ])("a %i-character password gives %j", (n, expected) => {
    expect(checkNewPassword("kV9#".repeat(40).slice(0, n), off)).toEqual(expected);
  });

  it("counts code points, so eight Chinese characters or emoji are eight characters", () => {
    expect(checkNewPassword("我的猫叫小黑白花", off)).toEqual([]);
    expect(checkNewPassword("🐱🐶🐭🐹🐰🦊🐻🐼", off)).toEqual([]);
    expect(checkNewPassword("🐱🐶🐭🐹🐰🦊🐻", off)).toEqual(["密码至少需要 8 个字符,当前只有 7 个。"]);
  });
});

describe("checkNewPassword: common passwords", () => {
  const common = "这个密码太常见,很容易被猜到,请换一个不常见的密码。";

  it.each([
    "password",
    "PASSWORD",
    "PassWord",
    "woaini1314",
    "52013145201314",
    "qq123456",
    "1q2w3e4r",
    "Ｐａｓｓｗｏｒｄ",
  ])("rejects %s", (pw) => {
    expect(checkNewPassword(pw, off)).toContain(common);
  });

  it.each(["password2026", "Password1!", "Abc123456!", "Qwerty123!!", "iloveyou520"])(
    "rejects %s, a listed password with a year, digits or symbols appended",
    (pw) => {
      expect(checkNewPassword(pw, off)).toContain(common);
    },
  );

  it.each(["ragged-ostrich-41", "湖边的柳树很绿啊", "x7#Lq2!pWz"])("accepts %s", (pw) => {
    expect(checkNewPassword(pw, off)).toEqual([]);
  });

  it("holds hundreds of lower-case entries", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });
});

describe("checkNewPassword: e-mail", () => {
  const email = "Zhang.San@example.cn";
  const problem = "密码不能是或包含您的邮箱地址或邮箱用户名,请换一个。";

  it.each(["zhang.san@example.cn", "ZHANG.SAN", "zhang.san2026!", "my-zhang.san-pw"])("rejects %s", (pw) => {
    expect(checkNewPassword(pw, { email, complexity: false })).toContain(problem);
  });

  it("accepts a password unrelated to the e-mail", () => {
    expect(checkNewPassword("ragged-ostrich-41", { email, complexity: false })).toEqual([]);
  });

  it("does not forbid every password containing a very short local part", () => {
    expect(checkNewPassword("lighthouse-keeper", { email: "li@example.cn", complexity: false })).toEqual([]);
  });
});

describe("checkNewPassword: 等保 complexity switch", () => {
  it.each([
    ["raggedostrich41", "大写字母、符号"],
    ["raggedostrich", "大写字母、数字、符号"],
    ["RAGGED-OSTRICH", "小写字母、数字"],
    ["19491001-20260101", "大写字母、小写字母"],
  ])("when on, rejects %s and names what is missing (%s)", (pw, missing) => {
    expect(checkNewPassword(pw, on)).toEqual([
      `密码需要包含大写字母、小写字母、数字、符号中的至少三类,目前缺少:${missing}。`,
    ]);
  });

  it.each(["Ragged-ostrich", "ragged-ostrich-41", "RaggedOstrich41", "湖边柳树Green7"])(
    "when on, accepts %s with three or four classes",
    (pw) => {
      expect(checkNewPassword(pw, on)).toEqual([]);
    },
  );

  it("when off, imposes no composition rule", () => {
    expect(checkNewPassword("raggedostrich", off)).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(checkNewPassword("abc", on)).toHaveLength(2);
  });
});

describe("isPasswordExpired", () => {
  const changed = new Date("2026-01-01T00:00:00+08:00");
  const at = (ms: number) => new Date(changed.getTime() + ms);
  const days = PASSWORD_ROTATION_DAYS * 86_400_000;

  it("uses a 90-day period", () => {
    expect(PASSWORD_ROTATION_DAYS).toBe(90);
  });

  it.each([
    ["one millisecond before 90 days", days - 1, false],
    ["exactly 90 days", days, true],
    ["a year", 365 * 86_400_000, true],
    ["a changedAt in the future (clock skew)", -60_000, false],
  ])("with the switch on, after %s is %s", (_, age, expected) => {
    expect(isPasswordExpired(changed, at(age), true)).toBe(expected);
  });

  it("never expires a password with the switch off", () => {
    expect(isPasswordExpired(changed, at(10 * days), false)).toBe(false);
  });

  it("treats an unreadable date as expired", () => {
    expect(isPasswordExpired(new Date("not a date"), changed, true)).toBe(true);
  });
});
