/**
 * "50 approvals racing against one cap never exceed it", through the real
 * Worker and the shared local libSQL server: 50 applications of one
 * enterprise for 技术合同交易扶持 (at most 30万 per enterprise per year), each
 * worth 5万 and already at 拨付, approved by the zone admin all at once. The
 * cap is 6 awards; the other 44 are refused with 409 naming the limit, and
 * leave nothing behind. (The annual budget race is in
 * worker/features/subsidies/races.node.test.ts: no published Zibo programme
 * has an annual budget.)
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import zone from "../../tenants/zibo/zone";
import { auditLog, enterprises, outbox, subsidyApplications, subsidyEvents, users } from "../../worker/db/schema";
import { shanghaiDate } from "../../worker/lib/calendar";
import { loadCurrentPolicy } from "../../worker/features/policies/current-policy";
import { newId } from "../../worker/lib/ids";
import { dbFor, login, postJson, sessionCookie } from "./auth-support";

const slug = "zibo";
const host = `${slug}.localhost`;
const WAN = 1_000_000;
const CAP_MESSAGE = (year: number) =>
  `超出限额,不能批准:单家企业每年最高不超过30万元——${year}年度已获30万元,已达第二十四条规定的最高30万元`;

/** An enterprise of this test's own (no other suite's awards count against its cap), with one member to notify. */
async function freshEnterprise() {
  const db = dbFor(slug);
  const id = newId();
  const memberId = newId();
  const now = Date.now();
  await db.insert(enterprises).values({ id, name: `并发拨付测试${id.slice(0, 6)}有限公司`, createdAt: now });
  const email = `race-${memberId.slice(0, 10).toLowerCase()}@${slug}.test`;
  // Never signs in, so no password to hash.
  await db.insert(users).values({
    id: memberId,
    email,
    name: "经办人",
    role: "enterprise",
    enterpriseId: id,
    passwordHash: "unused",
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  return { id, memberId, email };
}

/** Applications already past 初审, 复审 and 公示 (passed by someone other than the admin), waiting at 拨付. */
async function atPayment(enterpriseId: string, createdBy: string, n: number, amountFen: number) {
  const db = dbFor(slug);
  const now = new Date();
  const policy = await loadCurrentPolicy({ db, zone }, shanghaiDate(now));
  const rows = Array.from({ length: n }, () => ({
    id: newId(),
    programmeId: "zibo-tech-contract",
    enterpriseId,
    createdBy,
    status: "in_review" as const,
    stage: "payment",
    facts: JSON.stringify({ contractAmountFen: 500 * WAN }),
    policyVersion: policy!.version.id,
    requestedFen: 15 * WAN,
    amountFen,
    awardYear: Number(shanghaiDate(now).slice(0, 4)),
    lastPassedBy: null,
    revision: 4,
    createdAt: now.getTime(),
    updatedAt: now.getTime(),
    submittedAt: now.getTime(),
    stageEnteredAt: now.getTime(),
  }));
  await db.insert(subsidyApplications).values(rows);
  return { ids: rows.map((r) => r.id), year: rows[0]!.awardYear };
}

async function adminCookie() {
  const res = await login(slug, "admin@zibo.demo", "Demo-zibo-2026");
  expect(res.status).toBe(200);
  return sessionCookie(res);
}

const approve = (id: string, cookie: string) =>
  postJson(host, `/api/v1/subsidies/applications/${id}/review`, { action: "pass" }, { cookie });

describe("approvals racing against an enterprise's annual cap", () => {
  it(
    "50 awards of 5万 at once under a 30万 cap: exactly 6 approved, " +
      "44 refused with 409 naming the limit, nothing else changed",
    async () => {
      const cookie = await adminCookie();
      const e = await freshEnterprise();
      const { ids, year } = await atPayment(e.id, e.memberId, 50, 5 * WAN);

      const responses = await Promise.all(ids.map((id) => approve(id, cookie)));
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as {
        status?: string;
        amountFen?: number;
        error?: { code: string; message: string };
      }[];
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.filter((s) => s === 409)).toHaveLength(44);
      expect(new Set(bodies.filter((_, i) => statuses[i] === 409).map((b) => b.error?.message))).toEqual(
        new Set([CAP_MESSAGE(year)]),
      );

      const db = dbFor(slug);
      const after = await db.select().from(subsidyApplications).where(inArray(subsidyApplications.id, ids));
      const awarded = after.filter((r) => r.status === "awarded");
      expect(awarded.map((r) => r.amountFen)).toEqual(Array(6).fill(5 * WAN));
      const all = await db
        .select()
        .from(subsidyApplications)
        .where(
          and(
            eq(subsidyApplications.enterpriseId, e.id),
            eq(subsidyApplications.awardYear, year),
            inArray(subsidyApplications.status, ["awarded", "paid"]),
          ),
        );
      expect(all.reduce((s, r) => s + r.amountFen!, 0)).toBe(30 * WAN);
      // The refused ones are exactly as they were; only the winners left an event, an audit row and a notice.
      expect(
        after
          .filter((r) => r.status !== "awarded")
          .every(
            (r) =>
              r.status === "in_review" &&
              r.stage === "payment" &&
              r.revision === 4 &&
              r.amountFen === 5 * WAN &&
              r.lastPassedBy === null,
          ),
      ).toBe(true);
      expect(
        (await db.select().from(subsidyEvents).where(inArray(subsidyEvents.applicationId, ids))).map((x) => x.action),
      ).toEqual(Array(6).fill("awarded"));
      expect(
        await db
          .select()
          .from(auditLog)
          .where(and(inArray(auditLog.target, ids), eq(auditLog.action, "subsidy.awarded"))),
      ).toHaveLength(6);
      expect((await db.select().from(outbox).where(eq(outbox.recipient, e.email))).map((m) => m.kind)).toEqual(
        Array(6).fill("subsidy_awarded"),
      );
    },
  );

  it("a double-clicked approval of one application awards it once", async () => {
    const cookie = await adminCookie();
    const e = await freshEnterprise();
    const {
      ids: [id],
    } = await atPayment(e.id, e.memberId, 1, 5 * WAN);
    const statuses = (await Promise.all([approve(id!, cookie), approve(id!, cookie)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const db = dbFor(slug);
    expect(
      (await db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, id!))).map((x) => x.action),
    ).toEqual(["awarded"]);
    expect(await db.select().from(outbox).where(eq(outbox.recipient, e.email))).toHaveLength(1);
  });
});
