/**
 * The programme page for a member whose enterprise already has an application
 * of that programme open, through the real Worker: one in review (公示
 * included) or returned is named with its number and linked, and 在线申报 —
 * which would end on create-application's 409 — is not offered; a draft is
 * linked beside 在线申报, which stays; another enterprise's member still gets
 * 在线申报. And 政策匹配 in Changzhi says once, above the tiers, that its
 * 2021—2023 plan has expired and how many of its programmes it closes.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subsidyApplications, users, type SubsidyStatus } from "../../worker/db/schema";
import { shanghaiDate } from "../../worker/lib/calendar";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, login, sessionCookie } from "./auth-support";
import { enterpriseWithMember, host, slug, WAN } from "./subsidies-support";

const DEAL = "zibo-tech-contract";
const PAGE = `/policies/programmes/${DEAL}`;
const APPLY_FORM = 'action="/subsidies/apply"';
// Numbers in a year no real application reaches, so they never meet the zone's own.
const YEAR = 2090;
const thisYear = () => Number(shanghaiDate(new Date()).slice(0, 4));

/** An application of DEAL (at most 30万 a year, clause 21): 30万 uses the year's cap up. */
async function open(
  e: { id: string; member: { id: string } },
  status: SubsidyStatus,
  stage: string | null,
  amountFen = 30 * WAN,
) {
  const id = newId();
  const seq = 100_000 + Math.floor(Math.random() * 800_000);
  const now = Date.now();
  await dbFor(slug)
    .insert(subsidyApplications)
    .values({
      id,
      numberYear: YEAR,
      numberSeq: seq,
      programmeId: DEAL,
      enterpriseId: e.id,
      createdBy: e.member.id,
      status,
      stage,
      requestedFen: amountFen,
      amountFen: status === "draft" ? null : amountFen,
      awardYear: status === "draft" ? null : thisYear(),
      createdAt: now,
      updatedAt: now,
      submittedAt: status === "draft" ? null : now,
    });
  return { id, number: `ZB-${YEAR}-${String(seq).padStart(6, "0")}` };
}

async function programmePage(cookie: string) {
  const res = await call(host, "GET", PAGE, { cookie });
  expect(res.status).toBe(200);
  return { html: await res.text(), cache: res.headers.get("cache-control") };
}

describe("在线申报 on a programme the member's enterprise already applied for", () => {
  it(
    "names the application in 公示 with its number and link, " +
      "and offers no 在线申报 when it uses the year's cap up",
    async () => {
      const e = await enterpriseWithMember();
      const a = await open(e, "in_review", "publicity");
      const { html, cache } = await programmePage(e.member.cookie);
      expect(html).toContain(
        `贵企业已有一份该项目的申报在审(<a href="/subsidies/applications/${a.id}">${a.number}</a>,公示中),审结前不能再申报`,
      );
      expect(html).not.toContain(APPLY_FORM);
      expect(html).not.toContain(">在线申报</button>");
      expect(cache).toContain("private");

      // Another enterprise's member is offered 在线申报 as before, and sees nothing of the first one's.
      const other = await enterpriseWithMember();
      const theirs = await programmePage(other.member.cookie);
      expect(theirs.html).toContain(APPLY_FORM);
      expect(theirs.html).toContain(">在线申报</button>");
      expect(theirs.html).not.toContain(a.number);
      expect(theirs.html).not.toContain("贵企业已有一份该项目的申报在审");
    },
  );

  it("names one with room left under the cap, and keeps 在线申报 (a second application may be made)", async () => {
    const e = await enterpriseWithMember();
    const a = await open(e, "in_review", "first-review", 10 * WAN);
    const { html } = await programmePage(e.member.cookie);
    expect(html).toContain(
      `贵企业已有一份该项目的申报在审(<a href="/subsidies/applications/${a.id}">${a.number}</a>,初审中),进度请在申报详情中查看。`,
    );
    expect(html).toContain(APPLY_FORM);
  });

  it("treats an application returned for correction the same way", async () => {
    const e = await enterpriseWithMember();
    const a = await open(e, "returned", "first-review");
    const { html } = await programmePage(e.member.cookie);
    expect(html).toContain(`<a href="/subsidies/applications/${a.id}">${a.number}</a>,退回补正)`);
    expect(html).not.toContain(APPLY_FORM);
  });

  it("links a draft and keeps 在线申报; a finished application does not count", async () => {
    const e = await enterpriseWithMember();
    const draft = await open(e, "draft", null);
    await open(e, "rejected", null);
    const { html } = await programmePage(e.member.cookie);
    expect(html).toContain(`<a href="/subsidies/applications/${draft.id}">继续填写 ${draft.number}</a>`);
    expect(html).toContain(APPLY_FORM);
    expect(html).not.toContain("贵企业已有一份该项目的申报在审");
  });

  it("shows anonymous visitors neither notice nor 在线申报", async () => {
    const res = await call(host, "GET", PAGE);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toContain(APPLY_FORM);
    expect(html).not.toContain("贵企业");
  });
});

describe("政策匹配 under an expired plan", () => {
  it("says at the top that Changzhi's 2021—2023 plan has expired and how many programmes it closes", async () => {
    const cookie = sessionCookie(await login("changzhi", "enterprise@changzhi.demo", "Demo-changzhi-2026"));
    const [u] = await dbFor("changzhi").select().from(users).where(eq(users.email, "enterprise@changzhi.demo"));
    expect(u?.enterpriseId).toBeTruthy();
    const res = await call("changzhi.localhost", "GET", "/policies/match", { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    const line = new RegExp(
      '<p class="alert error" role="status">《关于印发《长治高新区双创高质量发展三年行动计划实施方案\\(2021—2023年\\)》' +
        "的通知》\\(长高发〔2020〕65号\\)有效期至2023年12月31日,已到期,其中的(\\d+)项政策不再受理新的申报。</p>",
    ).exec(html);
    expect(line).not.toBeNull();
    // The count is the programmes marked 已到期 below; the line comes before the tiers.
    const badges = html.split('<span class="badge expired">已到期</span>').length - 1;
    expect(badges).toBeGreaterThan(0);
    expect(Number(line![1])).toBe(badges);
    expect(html.indexOf(line![0])).toBeLessThan(html.indexOf('id="tier-'));
  });

  it("says nothing of the kind in Zibo, whose documents print no period", async () => {
    const e = await enterpriseWithMember();
    const res = await call(host, "GET", "/policies/match", { cookie: e.member.cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("不再受理新的申报");
  });
});
