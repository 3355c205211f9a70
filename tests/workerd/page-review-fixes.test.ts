/**
 * Wording and markup found in a browser review of issue 13's pages: each reads
 * right to the person in front of it. An expired programme does not say
 * "政策有效期内均可申报" under its 已到期 warning; a locked account is listed as
 * 已锁定, not 正常 beside a lock note; the calculator's past-award select puts the
 * programme being calculated first, and its date field keeps the keyboard that
 * has "-".
 */
import { describe, expect, it } from "vitest";
import { call, login, makeUser, sessionCookie } from "./auth-support";

const page = async (host: string, path: string, cookie?: string) => {
  const res = await call(host, "GET", path, { cookie });
  expect(res.status).toBe(200);
  return res.text();
};

/** The 申报时间 entry of a programme page's summary, tags stripped. */
const applyWhen = (html: string) =>
  html.match(/<dt>申报时间<\/dt>\s*<dd>([\s\S]*?)<\/dd>/)?.[1]?.replace(/<[^>]+>/g, "") ?? "";

describe("a programme page's 申报时间", () => {
  it("says 已到期 for an expired document's programme, and 均可申报 only where the document is in force", async () => {
    const expired = applyWhen(await page("changzhi.localhost", "/policies/programmes/changzhi-rd-post-subsidy"));
    expect(expired).toContain("已到期,不再受理新的申报");
    expect(expired).not.toContain("均可申报");
    const open = applyWhen(await page("zibo.localhost", "/policies/programmes/zibo-rd-inclusive"));
    expect(open).toContain("政策有效期内均可申报");
  });
});

describe("the calculator's past awards", () => {
  it("lists the programme being calculated first, under 本项目, and leaves the date field the full keyboard", async () => {
    const html = await page("zibo.localhost", "/policies/programmes/zibo-tech-contract");
    const select = html.match(/<select[^>]*id="f-_award1_programme"[^>]*>([\s\S]*?)<\/select>/)?.[1] ?? "";
    expect(select).toMatch(
      new RegExp(
        '^<option value="">未填</option><optgroup label="本项目">' +
          '<option value="zibo-tech-contract">技术合同交易扶持</option></optgroup><optgroup label="其他项目">',
      ),
    );
    // Listed once: moved to the top, not repeated.
    expect(select.match(/value="zibo-tech-contract"/g)).toHaveLength(1);
    const date = html.match(/<input[^>]*id="f-_award1_date"[^>]*>/)?.[0] ?? "";
    expect(date).not.toBe("");
    expect(date).not.toContain("inputmode");
  });
});

describe("用户管理's status column", () => {
  it("reads 已锁定 with when the lock ends for a locked account, and 正常 again after 解除锁定", async () => {
    const admin = await makeUser("zibo", "zone_admin");
    const cookie = sessionCookie(await login("zibo", admin.email, admin.password));
    const locked = await makeUser("zibo");
    for (let i = 0; i < 5; i++) expect((await login("zibo", locked.email, "wrong-password-x")).status).toBe(401);
    const row = (html: string) => html.split("<tr>").find((r) => r.includes(locked.email)) ?? "";
    const status = (html: string) =>
      row(html)
        .match(/<td data-label="状态">([\s\S]*?)<\/td>/)?.[1]
        ?.replace(/<[^>]+>/g, "") ?? "";
    const before = status(await page("zibo.localhost", "/admin/users", cookie));
    expect(before).toMatch(/^已锁定\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 自动解除$/);
    expect(before).not.toContain("正常");
    const res = await call("zibo.localhost", "POST", `/admin/users/${locked.id}/unlock`, {
      cookie,
      origin: "http://zibo.localhost:8787",
      contentType: "application/x-www-form-urlencoded",
      body: "",
    });
    expect(res.status).toBe(303);
    expect(status(await page("zibo.localhost", "/admin/users", cookie))).toBe("正常");
  });
});
