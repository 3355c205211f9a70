/**
 * Enterprise profiles through the real Worker: members edit their own profile,
 * figures and qualifications (with history), staff verify claims and read the
 * directory and its CSV, members invite and remove colleagues, and nobody
 * reaches another enterprise's data.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import {
  auditLog,
  enterpriseHistory,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  enterprises,
  invitations,
  outbox,
  users,
} from "../../worker/db/schema";
import { hashPassword } from "../../worker/features/auth/password";
import { newId } from "../../worker/lib/ids";
import { checkCharacter } from "../../worker/lib/uscc";
import { call, dbFor, login, makeUser, postJson, sessionCookie } from "./auth-support";

const slug = "zibo";
const host = `${slug}.localhost`;
const ORIGIN = `http://${host}:8787`;
const PASSWORD = "Correct-Horse-42";
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid, unique 统一社会信用代码 (the check character computed, as the onboarding form demands). */
function freshUscc(): string {
  const body = Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => USCC_CHARS[b % 31]).join("");
  const first17 = `91370303${body}`;
  return first17 + checkCharacter(first17);
}

async function makeEnterprise(over: Partial<typeof enterprises.$inferInsert> = {}) {
  const id = newId();
  const row = {
    id,
    name: `测试企业${id.slice(0, 6)}有限公司`,
    createdAt: Date.now(),
    uscc: freshUscc(),
    legalRep: "张三",
    registeredOn: "2015-03-01",
    registeredCapitalFen: 500_000_000,
    address: "山东省淄博市高新区柳泉路 1 号",
    industry: "new-materials",
    industryClass: "C2651",
    employees: 80,
    contactName: "李四",
    contactMobile: "13800138000",
    contactEmail: `contact-${id.slice(0, 8)}@${slug}.test`,
    ...over,
  };
  await dbFor(slug).insert(enterprises).values(row);
  return { ...row, uscc: row.uscc!, contactEmail: row.contactEmail! };
}

/** A member: an `enterprise` user with enterprise_id set, signed in. */
async function makeMember(enterpriseId: string | null, role: "enterprise" | "bank" = "enterprise") {
  const id = newId();
  const email = `member-${id.slice(0, 8)}@${slug}.test`;
  const now = Date.now();
  await dbFor(slug)
    .insert(users)
    .values({
      id,
      email,
      name: `成员${id.slice(0, 4)}`,
      role,
      enterpriseId,
      passwordHash: await hashPassword(PASSWORD),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  const cookie = sessionCookie(await login(slug, email, PASSWORD));
  return { id, email, cookie };
}

async function staff(role: "zone_admin" | "reviewer") {
  const u = await makeUser(slug, role);
  return { ...u, cookie: sessionCookie(await login(slug, u.email, u.password)) };
}

const form = (path: string, cookie: string, data: Record<string, string>) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(data).toString(),
  });
const get = (path: string, cookie?: string) => call(host, "GET", path, { cookie });
const put = (path: string, cookie: string, data: unknown) =>
  call(host, "PUT", path, { cookie, body: JSON.stringify(data) });

const PROFILE = {
  address: "山东省淄博市高新区柳泉路 1 号",
  contactName: "李四",
  contactMobile: "13800138000",
  employees: "80",
  industry: "new-materials",
  industryClass: "C2651",
};

describe("the member's profile", () => {
  it(
    "saves contact details and keeps only the changed fields, " + "before and after, in the history and the audit log",
    async () => {
      const ent = await makeEnterprise();
      const m = await makeMember(ent.id);
      const page = await (await get("/enterprise", m.cookie)).text();
      expect(page).toContain(ent.name);
      expect(page).toContain("由园区核实,不能在这里修改");
      const res = await form("/enterprise/profile", m.cookie, {
        ...PROFILE,
        contactEmail: ent.contactEmail,
        address: "淄博市高新区新址 9 号",
        employees: "95",
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/enterprise?done=profile");
      const db = dbFor(slug);
      const [row] = await db.select().from(enterprises).where(eq(enterprises.id, ent.id));
      expect(row).toMatchObject({ address: "淄博市高新区新址 9 号", employees: 95, name: ent.name, uscc: ent.uscc });
      const history = await db.select().from(enterpriseHistory).where(eq(enterpriseHistory.enterpriseId, ent.id));
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ subject: "profile", actorId: m.id, actor: m.email });
      expect(JSON.parse(history[0]!.before!)).toEqual({ address: ent.address, employees: 80 });
      expect(JSON.parse(history[0]!.after!)).toEqual({ address: "淄博市高新区新址 9 号", employees: 95 });
      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.target, ent.id), eq(auditLog.action, "enterprise.profile_updated")));
      expect(audit).toHaveLength(1);
    },
  );

  it(
    "refuses a bad mobile with 422, " + "keeps what was typed and changes nothing; zone-verified fields are ignored",
    async () => {
      const ent = await makeEnterprise();
      const m = await makeMember(ent.id);
      const res = await form("/enterprise/profile", m.cookie, {
        ...PROFILE,
        contactEmail: ent.contactEmail,
        contactMobile: "12345",
        address: "新地址 7 号",
        name: "改名公司",
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain("11 位大陆手机号码");
      expect(html).toContain('value="新地址 7 号"');
      const ok = await form("/enterprise/profile", m.cookie, {
        ...PROFILE,
        contactEmail: ent.contactEmail,
        name: "改名公司",
        uscc: freshUscc(),
      });
      expect(ok.headers.get("location")).toBe("/enterprise?done=unchanged");
      const [row] = await dbFor(slug).select().from(enterprises).where(eq(enterprises.id, ent.id));
      expect(row).toMatchObject({ name: ent.name, uscc: ent.uscc, address: ent.address });
      expect(
        await dbFor(slug).select().from(enterpriseHistory).where(eq(enterpriseHistory.enterpriseId, ent.id)),
      ).toHaveLength(0);
    },
  );
});

describe("yearly figures", () => {
  const figures = (over: Record<string, string> = {}) => ({
    year: "2024",
    revenue: "12345.67",
    rdExpense: "1000",
    rdSuperDeduction: "0.5",
    taxPaid: "1,000.01",
    employees: "50",
    rdStaff: "10",
    ...over,
  });

  it("stores 元 as integer fen (12345.67 元 → 1234567) and keeps the previous values in the history", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    expect((await form("/enterprise/figures", m.cookie, figures())).status).toBe(303);
    const db = dbFor(slug);
    const [row] = await db
      .select()
      .from(enterpriseYearlyFigures)
      .where(eq(enterpriseYearlyFigures.enterpriseId, ent.id));
    expect(row).toMatchObject({
      year: 2024,
      revenueFen: 1234567,
      rdExpenseFen: 100000,
      rdSuperDeductionFen: 50,
      taxPaidFen: 100001,
      employees: 50,
      rdStaff: 10,
    });
    await form("/enterprise/figures", m.cookie, figures({ revenue: "20000" }));
    const history = await db
      .select()
      .from(enterpriseHistory)
      .where(eq(enterpriseHistory.enterpriseId, ent.id))
      .orderBy(desc(enterpriseHistory.id));
    expect(history.map((h) => h.subject)).toEqual(["figures:2024", "figures:2024"]);
    expect(JSON.parse(history[0]!.before!)).toEqual({ revenueFen: 1234567 });
    expect(JSON.parse(history[0]!.after!)).toEqual({ revenueFen: 2000000 });
    // The figures table keeps one unit, 万元: 20,000元 reads 2万元.
    expect(await (await get("/enterprise", m.cookie)).text()).toMatch(/<td class="num"[^>]*>2万元<\/td>/);
  });

  it.each([
    ["a negative amount", { revenue: "-5" }, "不能为负数"],
    ["more R&D staff than employees", { employees: "5", rdStaff: "6" }, "不能多于员工人数"],
    ["a year before 2000", { year: "1999" }, "2000"],
    ["a year after this one", { year: String(new Date().getFullYear() + 2) }, "2000"],
    ["three decimals", { taxPaid: "1.234" }, "最多两位小数"],
  ])("refuses %s with 422 and stores nothing", async (_name, over, message) => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    const res = await form("/enterprise/figures", m.cookie, figures(over));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(message);
    expect(
      await dbFor(slug).select().from(enterpriseYearlyFigures).where(eq(enterpriseYearlyFigures.enterpriseId, ent.id)),
    ).toHaveLength(0);
  });

  it("saves R&D expense above revenue with a warning, not an error", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    const res = await form("/enterprise/figures", m.cookie, figures({ revenue: "100", rdExpense: "200" }));
    expect(res.headers.get("location")).toBe("/enterprise?done=figures&warn=rd");
    expect(await (await get("/enterprise?done=figures&warn=rd", m.cookie)).text()).toContain("研发费用高于营业收入");
  });

  it("takes fen through PUT /api/v1/enterprise/figures/{year} with the same rules", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    const ok = await put("/api/v1/enterprise/figures/2023", m.cookie, {
      revenueFen: 1234567,
      employees: 10,
      rdStaff: 3,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      figures: { year: 2023, revenueFen: 1234567, rdStaff: 3, taxPaidFen: null },
      warnings: [],
    });
    expect((await put("/api/v1/enterprise/figures/2023", m.cookie, { revenueFen: -1 })).status).toBe(422);
    expect((await put("/api/v1/enterprise/figures/2023", m.cookie, { employees: 2, rdStaff: 3 })).status).toBe(422);
    expect((await put("/api/v1/enterprise/figures/1999", m.cookie, {})).status).toBe(422);
    const doc = (await (await get("/api/v1/enterprise", m.cookie)).json()) as {
      enterprise: { id: string };
      figures: { year: number; revenueFen: number }[];
    };
    expect(doc.enterprise.id).toBe(ent.id);
    expect(doc.figures).toEqual([expect.objectContaining({ year: 2023, revenueFen: 1234567 })]);
  });
});

describe("qualifications", () => {
  const hnte = (certificateNo: string, validUntil: string) => ({
    code: "hnte",
    certificateNo,
    issuedOn: "2024-01-10",
    validUntil,
  });
  // Certificates run a few years: a validity beyond ten years from today is refused as implausible.
  const inYears = (n: number, monthDay: string) => `${new Date().getUTCFullYear() + n}-${monthDay}`;
  /** A claim with its certificate, multipart as the browser sends the form. */
  const claimWithCertificate = (cookie: string, fields: Record<string, string>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append("certificate", new File(["%PDF-1.4 证书"], "证书.pdf", { type: "application/pdf" }));
    return exports.default.fetch(`http://${host}/enterprise/qualifications`, {
      method: "POST",
      headers: { origin: ORIGIN, cookie },
      body,
      redirect: "manual",
    });
  };

  it(
    "go to review; staff verify; " + "a renewal keeps the verified one until it is verified, then withdraws it",
    async () => {
      const ent = await makeEnterprise();
      const m = await makeMember(ent.id);
      const reviewer = await staff("reviewer");
      const db = dbFor(slug);
      const rows = () =>
        db
          .select()
          .from(enterpriseQualifications)
          .where(eq(enterpriseQualifications.enterpriseId, ent.id))
          .orderBy(enterpriseQualifications.createdAt);

      const missing = await form("/enterprise/qualifications", m.cookie, {
        code: "hnte",
        certificateNo: "",
        issuedOn: "",
        validUntil: "",
      });
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain("须填写证书编号");

      expect((await claimWithCertificate(m.cookie, hnte("GR202437000001", inYears(3, "01-09")))).status).toBe(303);
      const [first] = await rows();
      expect(first!.status).toBe("pending_review");
      expect(await (await get("/admin/qualifications", reviewer.cookie)).text()).toContain(ent.name);
      expect((await form(`/admin/qualifications/${first!.id}/verify`, reviewer.cookie, { note: "" })).status).toBe(303);
      expect((await rows())[0]!.status).toBe("verified");
      const notice = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, ent.contactEmail), eq(outbox.kind, "qualification_verified")));
      expect(notice).toHaveLength(1);

      expect((await claimWithCertificate(m.cookie, hnte("GR202437000999", inYears(3, "12-31")))).status).toBe(303);
      let all = await rows();
      expect(all.map((q) => q.status)).toEqual(["verified", "pending_review"]);
      expect(
        (await form(`/admin/qualifications/${all[1]!.id}/verify`, reviewer.cookie, { note: "证书已核对" })).status,
      ).toBe(303);
      all = await rows();
      expect(all.map((q) => [q.certificateNo, q.status])).toEqual([
        ["GR202437000001", "withdrawn"],
        ["GR202437000999", "verified"],
      ]);
      // A decided claim cannot be decided again.
      expect((await form(`/admin/qualifications/${all[1]!.id}/reject`, reviewer.cookie, { note: "重复" })).status).toBe(
        409,
      );
      const actions = (await db.select().from(auditLog).where(eq(auditLog.target, ent.id))).map((a) => a.action);
      expect(actions.filter((a) => a === "enterprise.qualification_verified")).toHaveLength(2);
    },
  );

  it("needs a reason to reject, and tells the enterprise", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    const admin = await staff("zone_admin");
    await form("/enterprise/qualifications", m.cookie, {
      code: "above-scale",
      certificateNo: "",
      issuedOn: "",
      validUntil: "",
    });
    const [q] = await dbFor(slug)
      .select()
      .from(enterpriseQualifications)
      .where(eq(enterpriseQualifications.enterpriseId, ent.id));
    expect((await form(`/admin/qualifications/${q!.id}/reject`, admin.cookie, { note: "" })).status).toBe(422);
    expect(
      (await form(`/admin/qualifications/${q!.id}/reject`, admin.cookie, { note: "统计局名录中未找到" })).status,
    ).toBe(303);
    const [after] = await dbFor(slug)
      .select()
      .from(enterpriseQualifications)
      .where(eq(enterpriseQualifications.id, q!.id));
    expect(after).toMatchObject({ status: "rejected", reviewNote: "统计局名录中未找到", reviewedBy: admin.id });
    const [mail] = await dbFor(slug)
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, ent.contactEmail), eq(outbox.kind, "qualification_rejected")));
    expect(mail!.body).toContain("统计局名录中未找到");
  });

  it("are not for members to review", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    expect((await get("/admin/qualifications", m.cookie)).status).toBe(403);
  });
});

describe("who may see an enterprise", () => {
  it("a member of A sees only A and cannot act on B's members (404)", async () => {
    const a = await makeEnterprise();
    const b = await makeEnterprise();
    const ma = await makeMember(a.id);
    const mb = await makeMember(b.id);
    await makeMember(b.id);
    const page = await (await get("/enterprise", ma.cookie)).text();
    expect(page).toContain(a.name);
    expect(page).not.toContain(b.name);
    expect((await form(`/enterprise/members/${mb.id}/remove`, ma.cookie, {})).status).toBe(404);
    const [still] = await dbFor(slug).select().from(users).where(eq(users.id, mb.id));
    expect(still!.status).toBe("active");
    expect((await get(`/admin/enterprises/${b.id}`, ma.cookie)).status).toBe(403);
    expect((await get("/api/v1/admin/enterprises", ma.cookie)).status).toBe(403);
  });

  it("refuses applicants (no enterprise yet) and bank users with 403, and sends anonymous visitors to 登录", async () => {
    const applicant = await makeMember(null);
    const banker = await makeMember(null, "bank");
    for (const who of [applicant, banker]) {
      expect((await get("/enterprise", who.cookie)).status).toBe(403);
      expect((await get("/api/v1/enterprise", who.cookie)).status).toBe(403);
      expect((await put("/api/v1/enterprise/figures/2024", who.cookie, {})).status).toBe(403);
    }
    const anon = await get("/enterprise");
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe("/login");
    expect((await get("/api/v1/enterprise")).status).toBe(401);
  });

  it("staff see any enterprise read-only with its history; an unknown id is 404", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    await form("/enterprise/profile", m.cookie, { ...PROFILE, contactEmail: ent.contactEmail, contactName: "王五" });
    const reviewer = await staff("reviewer");
    const html = await (await get(`/admin/enterprises/${ent.id}`, reviewer.cookie)).text();
    expect(html).toContain(ent.name);
    expect(html).toContain("李四 → 王五");
    expect(html).not.toContain('action="/enterprise/profile"');
    expect(html).not.toContain("/suspend");
    expect((await get(`/admin/enterprises/${newId()}`, reviewer.cookie)).status).toBe(404);
  });

  it(
    "names every changed field in Chinese, with money, " +
      "dates and statuses as people read them, and no internal key",
    async () => {
      const ent = await makeEnterprise();
      const t = Date.now();
      // As onboarding approval, a figures update and a qualification review write them.
      await dbFor(slug)
        .insert(enterpriseHistory)
        .values([
          {
            enterpriseId: ent.id,
            at: t - 3000,
            actor: "admin@zibo.demo",
            subject: "profile",
            before: null,
            after: JSON.stringify({
              name: ent.name,
              registeredOn: "2015-03-01",
              registeredCapitalFen: 500_000_000,
              industry: "new-materials",
              createdFromApplication: "k2v7m4q9x3a5b6c7d8e2f3g4h5",
            }),
          },
          {
            enterpriseId: ent.id,
            at: t - 2000,
            actor: "member@zibo.test",
            subject: "figures:2024",
            before: JSON.stringify({ revenueFen: 1_234_567 }),
            after: JSON.stringify({ revenueFen: 2_000_000_000 }),
          },
          {
            enterpriseId: ent.id,
            at: t - 1000,
            actor: "reviewer@zibo.demo",
            subject: "qualification:q1",
            before: JSON.stringify({ status: "pending_review" }),
            after: JSON.stringify({
              status: "verified",
              reviewNote: null,
              withdrawn: "q0",
              certificateMaterialId: "m1",
            }),
          },
        ]);
      const reviewer = await staff("reviewer");
      const html = await (await get(`/admin/enterprises/${ent.id}`, reviewer.cookie)).text();
      const history = html.slice(html.indexOf('id="s-history"'));
      for (const text of [
        "入驻申请通过,建立企业档案",
        "注册资本 500万元",
        "注册日期 2015年3月1日",
        "重点产业 新材料",
        "营业收入 1.23万元 → 2,000万元",
        "状态 待园区审核 → 已核实",
      ])
        expect(history).toContain(text);
      for (const key of [
        "registeredCapitalFen",
        "registeredOn",
        "createdFromApplication",
        "k2v7m4q9x3a5b6c7d8e2f3g4h5",
        "revenueFen",
        "pending_review",
        "certificateMaterialId",
        "withdrawn",
      ])
        expect(history).not.toContain(key);
    },
  );
});

describe("the directory", () => {
  it("searches by name and USCC, filters by industry, verified qualification and status", async () => {
    const tag = newId().slice(0, 6);
    const one = await makeEnterprise({ name: `${tag}甲材料有限公司`, industry: "new-materials" });
    const two = await makeEnterprise({
      name: `${tag}乙装备有限公司`,
      industry: "intelligent-equipment",
      status: "suspended",
    });
    await dbFor(slug)
      .insert(enterpriseQualifications)
      .values([
        { id: newId(), enterpriseId: one.id, code: "specialised", status: "verified", createdAt: Date.now() },
        { id: newId(), enterpriseId: two.id, code: "specialised", status: "pending_review", createdAt: Date.now() },
      ]);
    const admin = await staff("zone_admin");
    const names = async (query: string) => {
      const res = await get(`/api/v1/admin/enterprises?${query}`, admin.cookie);
      expect(res.status).toBe(200);
      return ((await res.json()) as { enterprises: { name: string }[] }).enterprises.map((e) => e.name).sort();
    };
    expect(await names(`q=${tag}`)).toEqual([one.name, two.name].sort());
    expect(await names(`q=${two.uscc.slice(4, 16).toLowerCase()}`)).toEqual([two.name]);
    expect(await names(`q=${tag}&industry=new-materials`)).toEqual([one.name]);
    expect(await names(`q=${tag}&qualification=specialised`)).toEqual([one.name]);
    expect(await names(`q=${tag}&status=suspended`)).toEqual([two.name]);
    expect((await get("/api/v1/admin/enterprises?status=closed", admin.cookie)).status).toBe(422);
    const reviewer = await staff("reviewer");
    const page = await (
      await get(`/admin/enterprises?q=${tag}&industry=intelligent-equipment`, reviewer.cookie)
    ).text();
    expect(page).toContain(two.name);
    expect(page).not.toContain(one.name);
  });

  it("exports CSV for Excel: BOM, CRLF, Chinese header, RFC 4180 quoting, formula cells defused, plain 元", async () => {
    const tag = newId().slice(0, 6);
    const comma = await makeEnterprise({
      name: `${tag}科技,集团有限公司`,
      contactName: '=HYPERLINK("http://evil")',
      registeredCapitalFen: 1234567,
    });
    await dbFor(slug)
      .insert(enterpriseYearlyFigures)
      .values([
        { enterpriseId: comma.id, year: 2023, revenueFen: 100, updatedAt: Date.now() },
        { enterpriseId: comma.id, year: 2024, revenueFen: 1234567, updatedAt: Date.now() },
      ]);
    const reviewer = await staff("reviewer");
    const res = await get(`/admin/enterprises.csv?q=${tag}`, reviewer.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="enterprises-zibo-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''.+\.csv$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "企业名称,统一社会信用代码,法定代表人,注册日期,注册资本(元),重点产业,行业代码,员工人数,资质,联系人,联系电话,最近年度营业收入(元),状态",
    );
    expect(lines).toHaveLength(3); // header, one row, and the final CRLF
    expect(lines[2]).toBe("");
    expect(lines[1]).toBe(
      `"${tag}科技,集团有限公司",${comma.uscc},张三,2015-03-01,12345.67,新材料,C2651,80,,` +
        `"'=HYPERLINK(""http://evil"")",13800138000,12345.67,正常`,
    );
    const [audit] = await dbFor(slug)
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, reviewer.email), eq(auditLog.action, "enterprise.directory_exported")));
    expect(audit).toBeDefined();
  });

  it("is for staff only", async () => {
    const banker = await makeMember(null, "bank");
    expect((await get("/admin/enterprises", banker.cookie)).status).toBe(403);
    expect((await get("/admin/enterprises.csv", banker.cookie)).status).toBe(403);
  });
});

describe("members", () => {
  it("invite a colleague by one-time link; the colleague joins the same enterprise", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    const email = `colleague-${newId().slice(0, 8)}@${slug}.test`;
    const res = await form("/enterprise/invitations", m.cookie, { email });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const url = /<code class="secret-link" id="invite-link">([^<]+)<\/code>/.exec(await res.text())![1]!;
    const token = new URL(url.replaceAll("&amp;", "&")).searchParams.get("token")!;
    const [inv] = await dbFor(slug).select().from(invitations).where(eq(invitations.email, email));
    expect(inv).toMatchObject({ role: "enterprise", enterpriseId: ent.id, invitedBy: m.id });
    expect(
      await dbFor(slug)
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, email), eq(outbox.kind, "invitation"))),
    ).toHaveLength(1);

    const accepted = await postJson(host, "/api/v1/invitations/accept", {
      token,
      name: "新同事",
      password: "Another-Horse-77",
    });
    expect(accepted.status).toBe(201);
    const doc = (await (await get("/api/v1/enterprise", sessionCookie(accepted))).json()) as {
      enterprise: { id: string };
    };
    expect(doc.enterprise.id).toBe(ent.id);
    expect(await (await get("/enterprise", m.cookie)).text()).toContain(email);
  });

  it("remove a colleague (account disabled, signed out, audited), but never the last member", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    const other = await makeMember(ent.id);
    const res = await form(`/enterprise/members/${other.id}/remove`, m.cookie, {});
    expect(res.headers.get("location")).toBe("/enterprise?done=removed");
    expect((await get("/api/v1/me", other.cookie)).status).toBe(401);
    const [row] = await dbFor(slug).select().from(users).where(eq(users.id, other.id));
    expect(row!.status).toBe("disabled");
    expect(
      await dbFor(slug)
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.target, other.email), eq(auditLog.action, "enterprise.member_removed"))),
    ).toHaveLength(1);
    const last = await form(`/enterprise/members/${m.id}/remove`, m.cookie, {});
    expect(last.status).toBe(409);
    expect(await last.text()).toContain("最后一位成员");
  });
});

describe("suspension", () => {
  it("is the zone admin's: it signs the members out and closes the profile until reactivated", async () => {
    const ent = await makeEnterprise();
    const m = await makeMember(ent.id);
    const reviewer = await staff("reviewer");
    expect((await form(`/admin/enterprises/${ent.id}/suspend`, reviewer.cookie, {})).status).toBe(403);
    const admin = await staff("zone_admin");
    expect((await form(`/admin/enterprises/${ent.id}/suspend`, admin.cookie, {})).status).toBe(303);
    expect((await get("/api/v1/me", m.cookie)).status).toBe(401);
    const again = sessionCookie(await login(slug, m.email, PASSWORD));
    expect((await get("/enterprise", again)).status).toBe(403);
    expect((await form(`/admin/enterprises/${ent.id}/reactivate`, admin.cookie, {})).status).toBe(303);
    expect((await get("/enterprise", again)).status).toBe(200);
    const subjects = (
      await dbFor(slug).select().from(enterpriseHistory).where(eq(enterpriseHistory.enterpriseId, ent.id))
    ).map((h) => h.subject);
    expect(subjects).toEqual(["status", "status"]);
  });
});

describe("the API document", () => {
  it("lists the enterprise endpoints", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/enterprise", "/api/v1/enterprise/figures/{year}", "/api/v1/admin/enterprises"]),
    );
  });
});
