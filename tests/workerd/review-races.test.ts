/**
 * Two staff decide the same thing at the same moment (a double click, two
 * reviewers): exactly one decision wins (200/303), the other gets 409, and only
 * the winner leaves an event, an audit row and a message behind.
 */
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  applicationEvents,
  auditLog,
  enterpriseHistory,
  enterpriseQualifications,
  enterprises,
  outbox,
  users,
} from "../../worker/db/schema";
import { hashPassword } from "../../worker/features/auth/password";
import { newId } from "../../worker/lib/ids";
import { checkCharacter } from "../../worker/lib/uscc";
import { call, dbFor, freshIp, login, makeUser, postJson, sessionCookie } from "./auth-support";

const slug = "zibo";
const host = `${slug}.localhost`;
const ORIGIN = `http://${host}:8787`;
const PDF_B64 = btoa("%PDF-1.4 test");
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

function freshUscc(): string {
  const org = Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => CHARSET[b % 31]).join("");
  return `91370303${org}${checkCharacter(`91370303${org}`)}`;
}

async function staffCookie(role: "zone_admin" | "reviewer") {
  const u = await makeUser(slug, role);
  return sessionCookie(await login(slug, u.email, u.password));
}

async function apply() {
  const loginEmail = `race-${newId().slice(0, 10)}@example.cn`;
  const res = await postJson(
    host,
    "/api/v1/onboarding/applications",
    {
      companyName: `淄博并发测试有限公司${newId().slice(0, 4)}`,
      uscc: freshUscc(),
      legalRep: "张三",
      registeredOn: "2019-03-15",
      registeredCapitalFen: 500_000_000,
      address: "山东省淄博市高新区柳泉路 1 号",
      industry: "new-materials",
      industryClass: "C2651",
      employees: 85,
      contactName: "李四",
      contactMobile: "13812345678",
      contactEmail: "contact@example.cn",
      qualifications: [],
      loginEmail,
      password: "Apply-Zibo-2026!",
      materials: [
        { kind: "business_licence", filename: "营业执照.pdf", contentType: "application/pdf", base64: PDF_B64 },
      ],
    },
    { ip: freshIp() },
  );
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, loginEmail };
}

const decide = (id: string, action: string, cookie: string) =>
  postJson(
    host,
    `/api/v1/onboarding/applications/${id}/${action}`,
    { comment: "材料不全,请补充营业执照副本。" },
    { cookie },
  );

describe("concurrent decisions on an application", () => {
  for (const [first, second] of [
    ["reject", "reject"],
    ["return", "reject"],
    ["reject", "return"],
    ["return", "return"],
    ["approve", "reject"],
  ] as const) {
    it(`${first} and ${second} at once: one 200, one 409, one event, one audit row, one message`, async () => {
      const [a, b] = await Promise.all([staffCookie("reviewer"), staffCookie("zone_admin")]);
      const { id, loginEmail } = await apply();
      const statuses = (await Promise.all([decide(id, first, a), decide(id, second, b)])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const db = dbFor(slug);
      const events = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
      expect(events.map((e) => e.action).filter((x) => x !== "submitted")).toHaveLength(1);
      const audits = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.target, id), like(auditLog.action, "onboarding.%")));
      expect(audits.map((x) => x.action).filter((x) => x !== "onboarding.submitted")).toHaveLength(1);
      const mails = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, loginEmail), like(outbox.kind, "onboarding_%")));
      expect(mails.map((m) => m.kind).filter((k) => k !== "onboarding_submitted")).toHaveLength(1);
      // The one event, audit row and message are those of the decision that stuck.
      const decided = events.find((e) => e.action !== "submitted")!.action;
      expect(audits.some((x) => x.action === `onboarding.${decided}`)).toBe(true);
      expect(mails.some((m) => m.kind === `onboarding_${decided}`)).toBe(true);
      if (decided !== "approved") {
        const [applicant] = await db.select().from(users).where(eq(users.email, loginEmail));
        expect(applicant!.enterpriseId).toBeNull();
      }
    });
  }
});

async function pendingClaim() {
  const db = dbFor(slug);
  const enterpriseId = newId();
  const contactEmail = `race-${enterpriseId.slice(0, 8)}@${slug}.test`;
  await db
    .insert(enterprises)
    .values({ id: enterpriseId, name: `并发企业${enterpriseId.slice(0, 4)}`, contactEmail, createdAt: Date.now() });
  const userId = newId();
  await db.insert(users).values({
    id: userId,
    email: `m-${userId.slice(0, 8)}@${slug}.test`,
    name: "成员",
    role: "enterprise",
    enterpriseId,
    passwordHash: await hashPassword("Correct-Horse-42"),
    passwordChangedAt: Date.now(),
    createdAt: Date.now(),
    updatedAt: Date.now(),
  });
  const id = newId();
  await db
    .insert(enterpriseQualifications)
    .values({ id, enterpriseId, code: "above-scale", status: "pending_review", createdAt: Date.now() });
  return { id, enterpriseId, contactEmail };
}

const review = (id: string, decision: string, cookie: string) =>
  call(host, "POST", `/admin/qualifications/${id}/${decision}`, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({ note: "统计局名录核对" }).toString(),
  });

describe("concurrent decisions on a qualification claim", () => {
  for (const [first, second] of [
    ["verify", "verify"],
    ["verify", "reject"],
    ["reject", "reject"],
  ] as const) {
    it(`${first} and ${second} at once: one 303, one 409, one history row, one audit row, one message`, async () => {
      const [a, b] = await Promise.all([staffCookie("reviewer"), staffCookie("zone_admin")]);
      const { id, enterpriseId, contactEmail } = await pendingClaim();
      const statuses = (await Promise.all([review(id, first, a), review(id, second, b)])).map((r) => r.status).sort();
      expect(statuses).toEqual([303, 409]);
      const db = dbFor(slug);
      const [claim] = await db.select().from(enterpriseQualifications).where(eq(enterpriseQualifications.id, id));
      expect(
        await db
          .select()
          .from(enterpriseHistory)
          .where(eq(enterpriseHistory.subject, `qualification:${id}`)),
      ).toHaveLength(1);
      const audits = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.target, enterpriseId), like(auditLog.action, "enterprise.qualification_%")));
      expect(audits.map((x) => x.action)).toEqual([
        claim!.status === "verified" ? "enterprise.qualification_verified" : "enterprise.qualification_rejected",
      ]);
      const mails = await db.select().from(outbox).where(eq(outbox.recipient, contactEmail));
      expect(mails.map((m) => m.kind)).toEqual([`qualification_${claim!.status}`]);
    });
  }
});
