/**
 * 公示 and objections against a real libSQL database: an open objection holds
 * the application (the clock does not move it on) until a zone admin resolves
 * it — dismissed, publicity goes on; upheld, the application is rejected — and
 * an objection after the period is refused.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outbox, subsidyEvents, subsidyObjections } from "../../db/schema";
import { listPublicity } from "./list-publicity";
import { advancePublicity, lodgeObjection, ObjectionInput, resolveObjection } from "./publicity";
import { reviewApplication } from "./review-application";
import { publishTestProgrammes, rowOf, submitted } from "./test-programmes";
import { subsidyWorld } from "./test-support";

const WAN = 1_000_000;
const day = (d: string) => new Date(`${d}T02:00:00Z`);
const objection = ObjectionInput.parse({
  name: "王先生",
  contact: "13900001111",
  content: "该企业申报的技术合同中有一份为关联企业之间的交易。",
});

/** An application in 公示 from 2026-06-03 to 2026-06-09 (five working days). */
async function inPublicity() {
  const w = await subsidyWorld(day("2026-06-01"));
  const policy = await publishTestProgrammes(w);
  const member = await w.actorOf("applicant1@zibo.demo");
  const admin = await w.actorOf("admin@zibo.demo");
  const title = (id: string) => policy.compiled.programmes.get(id)?.title.zh ?? id;
  const app = await submitted(
    w,
    policy,
    member,
    "zibo-tech-contract",
    { facts: { contractAmountFen: 500 * WAN } },
    day("2026-06-01"),
  );
  await reviewApplication(
    w.ctxAt(day("2026-06-02"), await w.actorOf("reviewer@zibo.demo")),
    app.id,
    { action: "pass" },
    title,
  );
  const atPublicity = await reviewApplication(w.ctxAt(day("2026-06-03"), admin), app.id, { action: "pass" }, title);
  expect(atPublicity).toMatchObject({ publicityFrom: "2026-06-03", publicityTo: "2026-06-09" });
  const events = async () =>
    (await w.db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, app.id))).map((e) => e.action);
  return { w, app, admin, title, events };
}

describe("an objection during 公示", () => {
  it("holds the application past the period until it is dismissed; then the clock moves it on", async () => {
    const { w, app, admin, title, events } = await inPublicity();
    const { id } = await lodgeObjection(w.ctxAt(day("2026-06-05"), admin), app.id, objection);
    expect(await advancePublicity(w.ctxAt(day("2026-06-10"), admin), title)).toBe(0);
    expect(await advancePublicity(w.ctxAt(day("2026-06-20"), admin), title)).toBe(0);
    expect(await rowOf(w.db, app.id)).toMatchObject({ status: "in_review", stage: "publicity" });
    expect((await listPublicity(w)).rows.map((p) => p.id)).toEqual([app.id]);

    const reviewer = await w.actorOf("reviewer@zibo.demo");
    await expect(
      resolveObjection(
        w.ctxAt(day("2026-06-20"), reviewer),
        id,
        { decision: "dismiss", resolution: "经核实不属实" },
        "x",
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await resolveObjection(
      w.ctxAt(day("2026-06-20"), admin),
      id,
      { decision: "dismiss", resolution: "经核实,合同双方无关联关系" },
      "x",
    );
    const [row] = await w.db.select().from(subsidyObjections).where(eq(subsidyObjections.id, id));
    expect(row).toMatchObject({ status: "dismissed", resolvedBy: admin.id, resolution: "经核实,合同双方无关联关系" });
    await expect(
      resolveObjection(w.ctxAt(day("2026-06-20"), admin), id, { decision: "uphold", resolution: "再议" }, "x"),
    ).rejects.toMatchObject({ code: "conflict", message: "这条异议已处理。" });

    expect(await advancePublicity(w.ctxAt(day("2026-06-21"), admin), title)).toBe(1);
    expect(await rowOf(w.db, app.id)).toMatchObject({ status: "in_review", stage: "payment", lastPassedBy: null });
    expect(await events()).toEqual([
      "created",
      "submitted",
      "passed",
      "passed",
      "objection",
      "objection_dismissed",
      "advanced",
    ]);
  });

  it("upheld, rejects the application and tells the enterprise", async () => {
    const { w, app, admin, title, events } = await inPublicity();
    const { id } = await lodgeObjection(w.ctxAt(day("2026-06-04"), admin), app.id, objection);
    const rejected = await resolveObjection(
      w.ctxAt(day("2026-06-08"), admin),
      id,
      { decision: "uphold", resolution: "关联交易属实,不予支持" },
      title("zibo-tech-contract"),
    );
    expect(rejected).toMatchObject({ status: "rejected", stage: "publicity" });
    expect(await advancePublicity(w.ctxAt(day("2026-06-10"), admin), title)).toBe(0);
    expect((await listPublicity(w)).rows).toEqual([]);
    const [notice] = await w.db.select().from(outbox).where(eq(outbox.kind, "subsidy_objection_upheld"));
    expect(notice).toMatchObject({ recipient: "applicant1@zibo.demo" });
    expect(notice!.body).toContain("处理意见:关联交易属实,不予支持");
    // The objector's name and contact are never in what the enterprise is sent.
    expect(notice!.body).not.toContain("13900001111");
    expect(await events()).toEqual(["created", "submitted", "passed", "passed", "objection", "objection_upheld"]);
  });

  it("after the period is refused with 409, and changes nothing", async () => {
    const { w, app, admin } = await inPublicity();
    // On the last day it is still accepted; the day after, not — even before the clock has moved the application on.
    const before = await rowOf(w.db, app.id);
    await expect(lodgeObjection(w.ctxAt(day("2026-06-10"), admin), app.id, objection)).rejects.toMatchObject({
      code: "conflict",
      status: 409,
      message: "公示期已于 2026-06-09 结束。",
    });
    expect(await rowOf(w.db, app.id)).toEqual(before);
    expect(await w.db.select().from(subsidyObjections)).toHaveLength(0);
    await lodgeObjection(w.ctxAt(day("2026-06-09"), admin), app.id, objection);
    expect(await w.db.select().from(subsidyObjections)).toHaveLength(1);
  });

  it("is only for what is on the public page, and must say who and what", async () => {
    const { w, admin } = await inPublicity();
    await expect(
      lodgeObjection(w.ctxAt(day("2026-06-04"), admin), "no-such-application", objection),
    ).rejects.toMatchObject({ code: "not_found", message: "公示中没有这一项。" });
    expect(
      ObjectionInput.safeParse({ name: "", contact: "1", content: "不对" }).error?.issues.map((i) => i.message),
    ).toEqual(["请填写姓名或单位", "请留下电话或邮箱,便于核实", "请具体说明异议内容(至少 10 个字)"]);
  });

  it("shows nothing personal on the public list", async () => {
    const { w, app } = await inPublicity();
    const [entry] = (await listPublicity(w)).rows;
    expect(Object.keys(entry!).sort()).toEqual([
      "amountFen",
      "enterprise",
      "from",
      "id",
      "numberSeq",
      "numberYear",
      "policyVersion",
      "programmeId",
      "to",
    ]);
    expect(entry).toMatchObject({ id: app.id, amountFen: 15 * WAN, from: "2026-06-03", to: "2026-06-09" });
  });
});

describe("objections, limited and settled together", () => {
  it(
    "refuses a sixth objection from one address within an hour, " + "and an upheld objection settles the others",
    async () => {
      const { w, app, admin, title } = await inPublicity();
      const lodge = (n: number) =>
        lodgeObjection(
          { db: w.db, zone: w.zone, now: day("2026-06-04"), ip: "198.51.100.9", origin: "https://zibo.example.cn" },
          app.id,
          { ...objection, name: `市民${n}` },
        );
      for (let n = 1; n <= 5; n++) await lodge(n);
      await expect(lodge(6)).rejects.toMatchObject({ code: "rate_limited" });
      expect(
        await w.db.select().from(subsidyObjections).where(eq(subsidyObjections.applicationId, app.id)),
      ).toHaveLength(5);
      const [first] = await w.db.select().from(subsidyObjections).where(eq(subsidyObjections.applicationId, app.id));
      await resolveObjection(
        w.ctxAt(day("2026-06-05"), admin),
        first!.id,
        { decision: "uphold", resolution: "经核实,合同未登记。" },
        title("zibo-tech-contract"),
      );
      const statuses = (
        await w.db.select().from(subsidyObjections).where(eq(subsidyObjections.applicationId, app.id))
      ).map((o) => o.status);
      expect(statuses).toEqual(["upheld", "upheld", "upheld", "upheld", "upheld"]);
    },
  );
});

describe("what the enterprise is told about an objection", () => {
  it("that its application is held, and later that the objection was dismissed — never who objected", async () => {
    const { w, app, admin, title } = await inPublicity();
    const { id } = await lodgeObjection(w.ctxAt(day("2026-06-05"), admin), app.id, objection);
    await resolveObjection(
      w.ctxAt(day("2026-06-08"), admin),
      id,
      { decision: "dismiss", resolution: "经核实,合同双方无关联关系" },
      title("zibo-tech-contract"),
    );
    const mails = await w.db.select().from(outbox).where(eq(outbox.recipient, "applicant1@zibo.demo"));
    const held = mails.find((m) => m.kind === "subsidy_objection")!;
    expect(held.body).toContain("收到异议,园区正在核实");
    expect(held.body).not.toContain(objection.name);
    expect(held.body).not.toContain(objection.contact);
    expect(mails.find((m) => m.kind === "subsidy_objection_dismissed")!.subject).toContain("异议经核实不成立");
  });
});
