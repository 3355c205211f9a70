/**
 * 申请入驻 through the real Worker: applying by the page form (multipart with a
 * PDF) and by the JSON API (base64 files), the USCC and file checks, one live
 * application per USCC per zone, review by zone staff (return → resubmit,
 * reject, approve) with every row it must leave behind, and who may do what.
 */
import { exports } from "cloudflare:workers";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { zones } from "../../tenants/index";
import {
  applicationEvents,
  auditLog,
  banks,
  enterpriseHistory,
  enterpriseQualifications,
  enterprises,
  materials,
  onboardingApplications,
  outbox,
  sessions,
  users,
} from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, freshIp, login, makeUser, postJson, sessionCookie } from "./auth-support";
import { applied, applyJson, facts, freshEmail, freshUscc, licence, PASSWORD, PDF } from "./onboarding-support";

const host = "zibo.localhost";
const ORIGIN = "http://zibo.localhost:8787";
const pdf = (name = "licence.pdf") => new File([PDF], name, { type: "application/pdf" });

/** The page form as a browser sends it (multipart, same origin). */
function applyForm(
  fields: Record<string, string | string[]>,
  files: Record<string, File>,
  path = "/apply",
  cookie?: string,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  for (const [k, f] of Object.entries(files)) form.append(k, f);
  const headers = new Headers({ origin: ORIGIN, "cf-connecting-ip": freshIp() });
  if (cookie) headers.set("cookie", cookie);
  return exports.default.fetch(`http://${host}${path}`, { method: "POST", headers, body: form, redirect: "manual" });
}

const formFields = (uscc: string, loginEmail: string) => ({
  companyName: "淄博表单测试有限公司",
  uscc,
  legalRep: "王五",
  registeredOn: "2020-06-01",
  registeredCapital: "1,000,000.50",
  address: "淄博高新区鲁泰大道 9 号",
  industry: "intelligent-equipment",
  industryClass: "c3491",
  employees: "40",
  contactName: "赵六",
  contactMobile: "+86 139-0000-1111",
  contactEmail: "zhao@example.cn",
  loginEmail,
  password: PASSWORD,
  confirmPassword: PASSWORD,
});

const staff: Record<string, string> = {};
async function cookieOf(u: { slug: string; email: string; password: string }) {
  return sessionCookie(await login(u.slug, u.email, u.password));
}
const review = (id: string, action: string, comment: string | undefined, cookie: string) =>
  postJson(host, `/api/v1/onboarding/applications/${id}/${action}`, comment === undefined ? {} : { comment }, {
    cookie,
  });
const getApi = (path: string, cookie?: string) => call(host, "GET", path, cookie ? { cookie } : {});
const appRow = async (id: string) =>
  (await dbFor("zibo").select().from(onboardingApplications).where(eq(onboardingApplications.id, id)))[0]!;

beforeAll(async () => {
  const db = dbFor("zibo");
  const bankId = newId();
  await db.insert(banks).values({ id: bankId, name: "测试银行淄博分行", createdAt: Date.now() });
  const bank = await makeUser("zibo", "bank");
  await db.update(users).set({ bankId }).where(eq(users.id, bank.id));
  const enterpriseId = newId();
  await db.insert(enterprises).values({ id: enterpriseId, name: "已入驻企业", createdAt: Date.now() });
  const member = await makeUser("zibo", "enterprise");
  await db.update(users).set({ enterpriseId }).where(eq(users.id, member.id));
  for (const [name, user] of Object.entries({
    admin: await makeUser("zibo", "zone_admin"),
    reviewer: await makeUser("zibo", "reviewer"),
    bank,
    member,
  })) {
    staff[name] = await cookieOf(user);
  }
});

describe("applying (申请入驻)", () => {
  it(
    "by the page form: creates the applicant, application, event, material, " +
      "message and audit in one go, and signs in",
    async () => {
      const loginEmail = freshEmail();
      const uscc = freshUscc();
      const res = await applyForm(formFields(uscc, loginEmail), { "file-licence": pdf() });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/apply/status?submitted=1");
      const cookie = sessionCookie(res);

      const db = dbFor("zibo");
      const [user] = await db.select().from(users).where(eq(users.email, loginEmail));
      expect(user).toMatchObject({ role: "enterprise", enterpriseId: null, name: "赵六" });
      const [app] = await db.select().from(onboardingApplications).where(eq(onboardingApplications.uscc, uscc));
      expect(app).toMatchObject({
        status: "submitted",
        applicantUserId: user!.id,
        registeredCapitalFen: 100_000_050,
        industryClass: "C3491",
        contactMobile: "13900001111",
        employees: 40,
      });
      const events = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app!.id));
      expect(events.map((e) => e.action)).toEqual(["submitted"]);
      const files = await db
        .select()
        .from(materials)
        .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, app!.id)));
      expect(files.map((f) => [f.kind, f.contentType, f.size])).toEqual([
        ["business_licence", "application/pdf", PDF.length],
      ]);
      expect(
        await db
          .select()
          .from(outbox)
          .where(and(eq(outbox.recipient, loginEmail), eq(outbox.kind, "onboarding_submitted"))),
      ).toHaveLength(1);
      expect(
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "onboarding.submitted"), eq(auditLog.target, app!.id))),
      ).toHaveLength(1);

      const status = await getApi("/apply/status", cookie);
      expect(status.status).toBe(200);
      const html = await status.text();
      expect(html).toContain("淄博表单测试有限公司");
      expect(html).toContain("待审核");
      expect(html).toContain(`/materials/${files[0]!.id}`);
      // The material is served to its applicant.
      expect((await getApi(`/materials/${files[0]!.id}`, cookie)).status).toBe(200);
    },
  );

  it("by the JSON API with base64 files, readable by its applicant", async () => {
    const body = facts({
      qualifications: [
        { code: "hnte", certificateNo: "GR202037000123", issuedOn: "2020-12-08" },
        { code: "production" },
      ],
    });
    const res = await applyJson({
      ...body,
      materials: [licence, { ...licence, kind: "certificate:hnte", filename: "高企证书.pdf" }],
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const mine = await getApi(`/api/v1/onboarding/applications/${id}`, sessionCookie(res));
    expect(mine.status).toBe(200);
    const { application } = (await mine.json()) as {
      application: {
        status: string;
        uscc: string;
        qualifications: { code: string }[];
        materials: { kind: string; url: string }[];
      };
    };
    expect(application.status).toBe("submitted");
    expect(application.uscc).toBe(body.uscc);
    expect(application.qualifications.map((q) => q.code)).toEqual(["hnte", "production"]);
    expect(application.materials.map((m) => m.kind).sort()).toEqual(["business_licence", "certificate:hnte"]);
  });

  it.each([
    ["a wrong check character", (u: string) => u.slice(0, 17) + (u[17] === "0" ? "1" : "0"), /第 18 位校验码不对/],
    ["a wrong length", (u: string) => u.slice(0, 17), /应为 18 位,现在是 17 位/],
    ["a letter the code never uses", (u: string) => `${u.slice(0, 10)}I${u.slice(11)}`, /第 11 位「I」不是有效字符/],
    ["a non-numeric division code", (u: string) => `91A7${u.slice(4)}`, /第 3–8 位/],
  ])("refuses a USCC with %s, saying which part is wrong, and creates nothing", async (_name, spoil, message) => {
    const loginEmail = freshEmail();
    const res = await applyJson({ ...facts({ uscc: spoil(freshUscc()) }), loginEmail });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(error.fields.uscc).toMatch(message);
    expect(await dbFor("zibo").select().from(users).where(eq(users.email, loginEmail))).toHaveLength(0);
  });

  it("re-renders the form with the USCC message, keeping what was typed (not the password)", async () => {
    const res = await applyForm({ ...formFields("91370303MA3C411100", freshEmail()) }, { "file-licence": pdf() });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("第 18 位校验码不对");
    expect(html).toContain('value="淄博表单测试有限公司"');
    expect(html).not.toContain(PASSWORD);
  });

  it("names a missing licence together with the other wrong fields, not only after they are fixed", async () => {
    const res = await applyForm({ ...formFields(freshUscc(), freshEmail()), companyName: "" }, {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("请填写企业名称");
    expect(html).toContain("请上传营业执照(PDF、JPG 或 PNG)");
    const withLicence = await (
      await applyForm({ ...formFields(freshUscc(), freshEmail()), companyName: "" }, { "file-licence": pdf() })
    ).text();
    expect(withLicence).not.toContain("请上传营业执照");
  });

  it(
    "requires the business licence, certificate details and certificate files, " +
      "and refuses a file that is not a PDF/JPG/PNG",
    async () => {
      const noFiles = await applyJson({ ...facts({ qualifications: [{ code: "hnte" }] }), materials: [] });
      expect(noFiles.status).toBe(422);
      const { error } = (await noFiles.json()) as { error: { fields: Record<string, string> } };
      expect(Object.keys(error.fields).sort()).toEqual([
        "certDate-hnte",
        "certNo-hnte",
        "file-cert-hnte",
        "file-licence",
      ]);

      const text = await applyForm(formFields(freshUscc(), freshEmail()), {
        "file-licence": new File([new TextEncoder().encode("hello")], "licence.pdf", { type: "application/pdf" }),
      });
      expect(text.status).toBe(422);
      expect(await text.text()).toMatch(/不是 PDF、JPG 或 PNG 文件/);
    },
  );

  it("refuses a password the zone's policy refuses, naming the field", async () => {
    const res = await applyJson({ ...facts(), password: "short" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.password).toMatch(
      /至少需要 8 个字符/,
    );
  });

  it(
    "answers 409 for a USCC with a live application or an enterprise in this " +
      "zone (a registered login email is not told: onboarding-abuse)",
    async () => {
      const first = await applied();
      const again = await applyJson(facts({ uscc: first.uscc }));
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/已有入驻申请或已入驻/);

      const enterpriseUscc = freshUscc();
      await dbFor("zibo")
        .insert(enterprises)
        .values({ id: newId(), name: "已有企业", uscc: enterpriseUscc, createdAt: Date.now() });
      expect((await applyJson(facts({ uscc: enterpriseUscc }))).status).toBe(409);

      const form = await applyForm(formFields(first.uscc, freshEmail()), { "file-licence": pdf() });
      expect(form.status).toBe(409);
    },
  );

  it("accepts the same company in another zone (its own database)", async () => {
    const { uscc } = await applied();
    const dongying = zones.get("dongying")!;
    const res = await applyJson(
      { ...facts({ uscc, industry: dongying.priorityIndustries[0]!.code }), password: "Apply-Dongying-2026!" },
      "dongying",
    );
    expect(res.status).toBe(201);
  });
});

describe("review by zone staff", () => {
  it("退回补正 needs what to fix; the applicant sees it, corrects, adds a file and resubmits", async () => {
    const { id, loginEmail, cookie } = await applied({ companyName: "待补正有限公司" });
    expect((await review(id, "return", "  ", staff.reviewer!)).status).toBe(422);
    expect((await appRow(id)).status).toBe("submitted");

    expect((await review(id, "return", "注册资本与营业执照不一致,请核对。", staff.reviewer!)).status).toBe(200);
    expect(await appRow(id)).toMatchObject({ status: "returned", reviewNote: "注册资本与营业执照不一致,请核对。" });
    const [message] = await dbFor("zibo")
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, loginEmail), eq(outbox.kind, "onboarding_returned")));
    expect(message!.body).toContain("注册资本与营业执照不一致");

    const page = await (await getApi("/apply/status", cookie)).text();
    expect(page).toContain("注册资本与营业执照不一致");
    expect(page).toContain('action="/apply/status"');

    const row = await appRow(id);
    const fields = { ...formFields(row.uscc, ""), companyName: "待补正有限公司", registeredCapital: "3000000" };
    const res = await applyForm(fields, { "file-licence": pdf("营业执照-新.pdf") }, "/apply/status", cookie);
    expect(res.status).toBe(303);
    expect(await appRow(id)).toMatchObject({
      status: "submitted",
      registeredCapitalFen: 300_000_000,
      reviewNote: null,
    });
    const events = await dbFor("zibo").select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
    expect(events.map((e) => e.action)).toEqual(["submitted", "returned", "resubmitted"]);
    expect(events[1]!.comment).toBe("注册资本与营业执照不一致,请核对。");
    expect(
      await dbFor("zibo")
        .select()
        .from(materials)
        .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, id))),
    ).toHaveLength(2);
    // Only a returned application can be resubmitted.
    expect((await applyForm(fields, {}, "/apply/status", cookie)).status).toBe(409);
  });

  it("驳回 needs a reason, ends the application, and frees the USCC for a new one", async () => {
    const { id, loginEmail, uscc } = await applied();
    const noReason = await review(id, "reject", undefined, staff.admin!);
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { error: { message: string } }).error.message).toMatch(/请写明原因/);
    expect((await review(id, "reject", "不属于本园区注册企业。", staff.admin!)).status).toBe(200);
    expect(await appRow(id)).toMatchObject({ status: "rejected", reviewNote: "不属于本园区注册企业。" });
    expect((await review(id, "approve", "", staff.admin!)).status).toBe(409);
    expect(
      await dbFor("zibo")
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, loginEmail), eq(outbox.kind, "onboarding_rejected"))),
    ).toHaveLength(1);
    expect(
      await dbFor("zibo")
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "onboarding.rejected"), eq(auditLog.target, id))),
    ).toHaveLength(1);
    expect((await applyJson(facts({ uscc }))).status).toBe(201);
  });

  it(
    "通过 creates the enterprise, its verified qualifications and materials, " +
      "makes the applicant a member and ends its sessions",
    async () => {
      const body = facts({
        qualifications: [
          { code: "hnte", certificateNo: "GR202037000999", issuedOn: "2021-11-30" },
          { code: "above-scale" },
        ],
      });
      const loginEmail = freshEmail();
      const res = await applyJson({
        ...body,
        loginEmail,
        materials: [licence, { ...licence, kind: "certificate:hnte" }],
      });
      const { id } = (await res.json()) as { id: string };
      const cookie = sessionCookie(res);
      expect((await getApi("/api/v1/me", cookie)).status).toBe(200);

      expect((await review(id, "approve", "材料齐全。", staff.reviewer!)).status).toBe(200);
      const db = dbFor("zibo");
      const app = await appRow(id);
      expect(app.status).toBe("approved");
      const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, app.enterpriseId!));
      expect(enterprise).toMatchObject({
        name: body.companyName,
        uscc: body.uscc,
        legalRep: "张三",
        registeredCapitalFen: 500_000_000,
        industry: "new-materials",
        industryClass: "C2651",
        employees: 85,
        contactMobile: "13812345678",
        status: "active",
      });
      const [user] = await db.select().from(users).where(eq(users.email, loginEmail));
      expect(user!.enterpriseId).toBe(enterprise!.id);
      const quals = await db
        .select()
        .from(enterpriseQualifications)
        .where(eq(enterpriseQualifications.enterpriseId, enterprise!.id));
      expect(quals.map((q) => [q.code, q.status, q.certificateNo]).sort()).toEqual([
        ["above-scale", "verified", null],
        ["hnte", "verified", "GR202037000999"],
      ]);
      expect(quals.every((q) => q.reviewedBy && q.reviewedAt)).toBe(true);
      const appFiles = await db
        .select()
        .from(materials)
        .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, id)));
      const entFiles = await db
        .select()
        .from(materials)
        .where(and(eq(materials.ownerKind, "enterprise"), eq(materials.ownerId, enterprise!.id)));
      expect(entFiles.map((f) => f.blobKey).sort()).toEqual(appFiles.map((f) => f.blobKey).sort());
      expect(
        await db.select().from(enterpriseHistory).where(eq(enterpriseHistory.enterpriseId, enterprise!.id)),
      ).toHaveLength(1);
      const [approved] = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, loginEmail), eq(outbox.kind, "onboarding_approved")))
        .orderBy(desc(outbox.id));
      expect(approved!.body).toContain("请重新登录");
      expect(
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "onboarding.approved"), eq(auditLog.target, id))),
      ).toHaveLength(1);

      // The applicant's sessions ended; signing in again gives a member session that reaches the enterprise's files.
      expect(await db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(0);
      expect((await getApi("/api/v1/me", cookie)).status).toBe(401);
      const fresh = await cookieOf({ slug: "zibo", email: loginEmail, password: PASSWORD });
      expect((await getApi(`/materials/${entFiles[0]!.id}`, fresh)).status).toBe(200);
      // A second decision finds nothing to decide.
      expect((await review(id, "reject", "再驳回", staff.admin!)).status).toBe(409);
    },
  );

  it("lists the queue for staff with filters and counts per status", async () => {
    const a = await applied({ industry: "new-medicine" });
    const b = await applied({ industry: "new-medicine" });
    await review(b.id, "return", "请补充材料。", staff.admin!);
    const res = await getApi("/api/v1/onboarding/applications?status=returned&industry=new-medicine", staff.reviewer);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { applications: { id: string }[]; counts: Record<string, number> };
    const ids = list.applications.map((x) => x.id);
    expect(ids).toContain(b.id);
    expect(ids).not.toContain(a.id);
    expect(list.counts.returned).toBeGreaterThanOrEqual(1);
    const old = (await (await getApi("/api/v1/onboarding/applications?to=2020-01-01", staff.reviewer)).json()) as {
      applications: unknown[];
    };
    expect(old.applications).toHaveLength(0);
    const page = await getApi("/admin/onboarding?status=returned&industry=new-medicine&from=&to=", staff.admin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`/admin/onboarding/${b.id}`);
  });

  it("decides by the page forms too; a reject without reason re-renders with the message", async () => {
    const { id } = await applied();
    const form = (action: string, comment: string) =>
      call(host, "POST", `/admin/onboarding/${id}/${action}`, {
        cookie: staff.admin!,
        origin: ORIGIN,
        contentType: "application/x-www-form-urlencoded",
        body: `comment=${encodeURIComponent(comment)}`,
      });
    const detail = await getApi(`/admin/onboarding/${id}`, staff.admin);
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain("退回补正");
    const refused = await form("reject", "");
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("驳回时请写明原因");
    const done = await form("return", "请上传清晰的营业执照。");
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/admin/onboarding/${id}?done=return`);
    expect((await appRow(id)).status).toBe("returned");
  });
});

describe("who may do what", () => {
  it("an applicant reads only its own application (404 for another's) and cannot review or list (403)", async () => {
    const mine = await applied();
    const theirs = await applied();
    expect((await getApi(`/api/v1/onboarding/applications/${theirs.id}`, mine.cookie)).status).toBe(404);
    expect((await getApi(`/api/v1/onboarding/applications/${mine.id}`, mine.cookie)).status).toBe(200);
    expect((await getApi("/api/v1/onboarding/applications", mine.cookie)).status).toBe(403);
    expect((await review(mine.id, "approve", "", mine.cookie)).status).toBe(403);
    expect((await getApi(`/admin/onboarding/${theirs.id}`, mine.cookie)).status).toBe(403);
    expect((await appRow(mine.id)).status).toBe("submitted");
  });

  it("an applicant is refused member-only services until approval (requireMember)", async () => {
    const { cookie } = await applied();
    const res = await getApi("/enterprise/profile", cookie);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("入驻申请通过后才能使用");
  });

  it("enterprise members and bank users cannot review (403) or read applications", async () => {
    const { id } = await applied();
    for (const who of ["member", "bank"]) {
      expect((await review(id, "approve", "", staff[who]!)).status).toBe(403);
      expect((await getApi("/api/v1/onboarding/applications", staff[who])).status).toBe(403);
      expect((await getApi("/admin/onboarding", staff[who])).status).toBe(403);
    }
    expect((await getApi(`/api/v1/onboarding/applications/${id}`, staff.bank)).status).toBe(403);
    expect((await getApi(`/api/v1/onboarding/applications/${id}`, staff.member)).status).toBe(404);
    expect((await getApi("/api/v1/onboarding/applications")).status).toBe(401);
    expect((await appRow(id)).status).toBe("submitted");
  });

  it("documents the API in the OpenAPI document", async () => {
    const doc = (await (await getApi("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const p of [
      "/api/v1/onboarding/applications",
      "/api/v1/onboarding/applications/{id}",
      "/api/v1/onboarding/applications/{id}/approve",
      "/api/v1/onboarding/applications/{id}/reject",
      "/api/v1/onboarding/applications/{id}/return",
    ]) {
      expect(doc.paths).toHaveProperty([p]);
    }
  });
});
