/**
 * 申报书 (issue 17): the print page of one application, for the zone's staff at
 * /admin/subsidies/applications/:id/print and for the enterprise's own members at
 * /subsidies/applications/:id/print — the number, the enterprise with its 统一社会信用代码, the
 * programme with its clause, the facts as stated, the amounts, the materials and every step,
 * read in one wave after the session; nobody else's, and never across zones.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { enterprises } from "../../worker/db/schema";
import { call, dbFor, freshIp } from "./auth-support";
import { roundTrips } from "./round-trip-support";
import { api, applicationRow, demo, enterpriseWithMember, host, slug, staffUser, submitted } from "./subsidies-support";

const staffPrint = (id: string) => `/admin/subsidies/applications/${id}/print`;
const memberPrint = (id: string) => `/subsidies/applications/${id}/print`;
const get = (path: string, cookie?: string) => call(host, "GET", path, { cookie, ip: freshIp() });

/** "ZB-2026-000123" from the row, as the page prints it. */
const numberOf = (row: { numberYear: number | null; numberSeq: number | null }) =>
  `ZB-${row.numberYear}-${String(row.numberSeq).padStart(6, "0")}`;

describe("申报书: the print page of an application", () => {
  let id: string;
  let number: string;
  let owner: Awaited<ReturnType<typeof enterpriseWithMember>>;
  let uscc: string;
  let reviewer: { email: string; cookie: string };

  beforeAll(async () => {
    owner = await enterpriseWithMember();
    id = await submitted(owner.member.cookie, 200); // 200万元 of contracts: 3% is 6万元
    reviewer = await staffUser("reviewer");
    const note = await api("POST", `/api/v1/subsidies/applications/${id}/comments`, {
      cookie: reviewer.cookie,
      data: { text: "请携带合同原件到服务大厅核验" },
    });
    expect(note.status).toBe(201);
    number = numberOf(await applicationRow(id));
    const [e] = await dbFor(slug).select().from(enterprises).where(eq(enterprises.id, owner.id));
    uscc = e!.uscc!;
  });

  it("prints for a reviewer: number, enterprise, programme, facts, amounts, materials, timeline and seal", async () => {
    const res = await get(staffPrint(id), reviewer.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    expect(number).toMatch(/^ZB-\d{4}-\d{6}$/);
    for (const text of [
      "淄博高新技术产业开发区",
      "政策兑现申报书",
      `申报编号:<strong>${number}</strong>`,
      owner.name,
      uscc,
      "张三",
      "技术合同交易扶持",
      "第二十四条",
      "技术合同认定额",
      "200万元", // the fact as stated, in 万元
      "6万元", // the calculation's amount
      "技术合同登记证明",
      "contract-registration.pdf",
      "technology-contract.pdf",
      "提交申报",
      "园区意见",
      "请携带合同原件到服务大厅核验",
      reviewer.email, // staff read who acted
      "申报单位(盖章)",
      "法定代表人(签字)",
      "打印申报书",
    ])
      expect(html, text).toContain(text);
    // The footer of each printed page carries the number.
    expect(html).toContain(`@bottom-center{content:"申报编号 ${number} · "`);
    expect(html).toContain(`href="/admin/subsidies/applications/${id}"`);
  });

  it("prints for a zone admin, within two round trips (the session, then one wave of reads)", async () => {
    const res = await get(staffPrint(id), await demo("admin"));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(number);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
  });

  it("prints for the enterprise's own member, naming the zone (not the reviewer) on the zone's steps", async () => {
    const res = await get(memberPrint(id), owner.member.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
    const html = await res.text();
    for (const text of [number, owner.name, uscc, "200万元", "6万元", "technology-contract.pdf", "申报单位(盖章)"])
      expect(html, text).toContain(text);
    expect(html).toContain("请携带合同原件到服务大厅核验");
    expect(html).not.toContain(reviewer.email);
    expect(html).toContain(`href="/subsidies/applications/${id}"`);
  });

  it("is a 404 for another enterprise's member, showing nothing of the application", async () => {
    const other = await enterpriseWithMember();
    const res = await get(memberPrint(id), other.member.cookie);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain(owner.name);
    expect(html).not.toContain(number);
    expect(html).not.toContain(uscc);
  });

  it("keeps members off the staff's page, banks off both, and anonymous visitors to 登录", async () => {
    expect((await get(staffPrint(id), owner.member.cookie)).status).toBe(403);
    const bank = await demo("bank");
    expect((await get(staffPrint(id), bank)).status).toBe(403);
    const bankMember = await get(memberPrint(id), bank);
    expect([403, 404]).toContain(bankMember.status);
    expect(await bankMember.text()).not.toContain(owner.name);
    for (const path of [staffPrint(id), memberPrint(id)]) {
      const res = await get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/login/);
    }
  });

  it("is a 404 for an id that is not an application, and for this zone's id asked on another zone", async () => {
    const staff = reviewer.cookie;
    expect((await get(staffPrint("aaaaaaaaaaaaaaaaaaaaaaaaaa"), staff)).status).toBe(404);
    expect((await get(staffPrint("not-an-id"), staff)).status).toBe(404);
    // Another zone's own database has no such row; a session of this zone is not one there.
    const elsewhere = await call("demo-b.localhost", "GET", staffPrint(id), { cookie: staff, ip: freshIp() });
    expect(elsewhere.status).not.toBe(200);
    expect(await elsewhere.text()).not.toContain(owner.name);
  });

  it("offers 打印申报书 on both application pages", async () => {
    const staffPage = await (await get(`/admin/subsidies/applications/${id}`, reviewer.cookie)).text();
    expect(staffPage).toContain(`href="${staffPrint(id)}"`);
    const memberPage = await (await get(`/subsidies/applications/${id}`, owner.member.cookie)).text();
    expect(memberPage).toContain(`href="${memberPrint(id)}"`);
  });

  it("prints a draft marked as not yet submitted, with its number", async () => {
    const draft = await api("POST", "/api/v1/subsidies/applications", {
      cookie: owner.member.cookie,
      data: { programme: "zibo-tech-contract", facts: {} },
    });
    expect(draft.status).toBe(201);
    const draftId = draft.body.application.id as string;
    const res = await get(memberPrint(draftId), owner.member.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("本申报尚未提交");
    expect(html).toContain(numberOf(await applicationRow(draftId)));
  });
});
