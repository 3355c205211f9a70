/**
 * Approving an award re-checks the limits as of the application — its award
 * year is the year it was first submitted — not as of the day of approval: a
 * January approval of a December application counts against December's year,
 * and an application made within its window is still approved after the
 * window has closed. A condition that no longer holds is named, not reported
 * as an amount of 0.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { enterpriseQualifications, subsidyApplications } from "../../db/schema";
import { reviewApplication } from "./review-application";
import { atPayment, publishTestProgrammes } from "./test-programmes";
import { subsidyWorld } from "./test-support";

const WAN = 1_000_000;
const day = (d: string) => new Date(`${d}T02:00:00Z`);

async function world() {
  const w = await subsidyWorld(day("2026-05-01"));
  const policy = await publishTestProgrammes(w);
  const member = await w.actorOf("applicant1@zibo.demo");
  const admin = await w.actorOf("admin@zibo.demo");
  const title = (id: string) => policy.compiled.programmes.get(id)?.title.zh ?? id;
  const arrange = (programme: string, amountFen: number, submitted: string, facts: Record<string, unknown> = {}) =>
    atPayment(w.db, {
      programme,
      enterpriseId: member.enterpriseId!,
      createdBy: member.id,
      amountFen,
      facts,
      policyVersion: policy.version.id,
      awardYear: Number(submitted.slice(0, 4)),
      at: day(submitted).getTime(),
    });
  return { w, admin, title, arrange };
}

describe("approving across the turn of the year", () => {
  it("counts a December application approved in January against its own year's cap", async () => {
    const { w, admin, title, arrange } = await world();
    const first = await arrange("zibo-tech-contract", 20 * WAN, "2026-12-01", { contractAmountFen: 1000 * WAN });
    const second = await arrange("zibo-tech-contract", 20 * WAN, "2026-12-20", { contractAmountFen: 1000 * WAN });
    expect(await reviewApplication(w.ctxAt(day("2026-12-28"), admin), first, { action: "pass" }, title)).toMatchObject({
      status: "awarded",
      amountFen: 20 * WAN,
    });
    // 2026's cap of 30万 has 10万 left, whatever day the second is approved on.
    expect(await reviewApplication(w.ctxAt(day("2027-01-05"), admin), second, { action: "pass" }, title)).toMatchObject(
      { status: "awarded", amountFen: 10 * WAN },
    );
    const of2026 = await w.db.select().from(subsidyApplications).where(eq(subsidyApplications.awardYear, 2026));
    expect(of2026.filter((r) => r.status === "awarded").reduce((s, r) => s + r.amountFen!, 0)).toBe(30 * WAN);
  });
});

describe("approving after the application window", () => {
  it("approves an application submitted within the window once the window has closed", async () => {
    const { w, admin, title, arrange } = await world();
    const id = await arrange("test-window", 10 * WAN, "2026-05-15");
    expect(await reviewApplication(w.ctxAt(day("2026-06-20"), admin), id, { action: "pass" }, title)).toMatchObject({
      status: "awarded",
      amountFen: 10 * WAN,
    });
  });
});

describe("approving when a condition no longer holds", () => {
  it('refuses naming the condition (not "金额为0"), and changes nothing', async () => {
    const { w, admin, title, arrange } = await world();
    const id = await arrange("zibo-hitech-cert", 20 * WAN, "2026-05-01");
    const member = await w.actorOf("applicant1@zibo.demo");
    await w.db
      .update(enterpriseQualifications)
      .set({ status: "rejected" })
      .where(
        and(eq(enterpriseQualifications.enterpriseId, member.enterpriseId!), eq(enterpriseQualifications.code, "hnte")),
      );
    const [before] = await w.db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id));
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-20"), admin), id, { action: "pass" }, title),
    ).rejects.toMatchObject({
      code: "conflict",
      message:
        "申报条件已不满足,不能批准:申报主体为高新技术企业——没有经核验、在有效期内的高新技术企业资格。请退回补正或驳回。",
    });
    expect((await w.db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id)))[0]).toEqual(before);
  });
});
