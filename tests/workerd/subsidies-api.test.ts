/**
 * The subsidy (政策兑现) JSON API through the real Worker: an application from
 * draft to payment (idempotent create, autosave, uploads, submit, two reviewers,
 * 公示, the cron moving it on, approval, payments), the correction loop,
 * rejection, objections holding 公示 and the amount rules (who may do what:
 * ./subsidies-api-access.test.ts).
 * Each test applies as an enterprise of its own; the database is shared with
 * other suites, so nothing here counts rows it did not make.
 */
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox, subsidyApplications } from "../../worker/db/schema";
import { dbFor } from "./auth-support";
import {
  api,
  APPS,
  applicationRow,
  atPublicity,
  demo,
  endPublicity,
  enterpriseWithMember,
  PROGRAMME,
  review,
  runScheduled,
  slug,
  staffUser,
  submitted,
  upload,
  voucher,
  WAN,
  yesterday,
  type Json,
} from "./subsidies-support";

let reviewer: string; // reviewer@zibo.demo
let reviewer2: { id: string; cookie: string };
let admin: string; // admin@zibo.demo

beforeAll(async () => {
  reviewer = await demo("reviewer");
  admin = await demo("admin");
  reviewer2 = await staffUser("reviewer");
});

describe("an application from draft to payment", () => {
  it(
    "is created once per Idempotency-Key, autosaved, uploaded, submitted once, " +
      "passed by two people, published, moved on by the cron, approved and paid",
    async () => {
      const ent = await enterpriseWithMember();
      const cookie = ent.member.cookie;

      // The programme says which materials it needs.
      const programme = await api("GET", `/api/v1/policy/programmes/${PROGRAMME}`);
      expect(programme.status).toBe(200);
      const required = (programme.body.materials as { id: string; required: boolean }[])
        .filter((m) => m.required)
        .map((m) => m.id);
      expect(required).toEqual(["contract-registration", "technology-contract"]);

      // Create twice with one key (a double click, a retry): one application.
      const key = crypto.randomUUID();
      const first = await api("POST", APPS, {
        cookie,
        data: { programme: PROGRAMME },
        headers: { "Idempotency-Key": key },
      });
      expect(first.status).toBe(201);
      const id = first.body.application.id as string;
      expect(first.body.application).toMatchObject({
        programmeId: PROGRAMME,
        programme: "技术合同交易扶持",
        enterpriseId: ent.id,
        status: "draft",
        statusZh: "草稿",
        stage: null,
        facts: {},
        evaluation: null,
        revision: 0,
      });
      expect(first.body.application.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const again = await api("POST", APPS, {
        cookie,
        data: { programme: PROGRAMME },
        headers: { "Idempotency-Key": key },
      });
      expect(again.status).toBe(200);
      expect(again.body.application.id).toBe(id);
      expect(
        await dbFor(slug)
          .select()
          .from(subsidyApplications)
          .where(and(eq(subsidyApplications.enterpriseId, ent.id), eq(subsidyApplications.idempotencyKey, key))),
      ).toHaveLength(1);

      // Autosave: valid facts are stored, invalid ones reported; a save without facts keeps them.
      const saved = await api("PUT", `${APPS}/${id}/draft`, {
        cookie,
        data: {
          facts: { contractAmountFen: 100 * WAN, bogus: 1 },
          formValues: { contractAmountFen: "1000000" },
          revision: 0,
        },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.errors).toHaveProperty("bogus");
      expect(saved.body.application).toMatchObject({
        facts: { contractAmountFen: 100 * WAN },
        formValues: { contractAmountFen: "1000000" },
        revision: 1,
      });
      const stale = await api("PUT", `${APPS}/${id}/draft`, { cookie, data: { formValues: {}, revision: 0 } });
      expect(stale.status).toBe(409);
      const codeOnly = await api("PUT", `${APPS}/${id}/draft`, { cookie, data: { projectCode: "JS-2026-001" } });
      expect(codeOnly.body.application).toMatchObject({
        facts: { contractAmountFen: 100 * WAN },
        projectCode: "JS-2026-001",
      });

      // Submitting without the materials names them; uploads are checked by their bytes and kind.
      const early = await api("POST", `${APPS}/${id}/submit`, { cookie });
      expect(early.status).toBe(422);
      expect(early.body.error.message).toContain("请上传");
      expect(early.body.error.fields).toHaveProperty("material:contract-registration");
      const notPdf = await upload(
        cookie,
        id,
        "technology-contract",
        new File(["plain text, not a PDF"], "合同.pdf", { type: "application/pdf" }),
      );
      expect(notPdf.status).toBe(422);
      const foreign = await upload(cookie, id, "business-licence");
      expect(foreign.status).toBe(422);
      for (const kind of required) {
        const up = await upload(cookie, id, kind);
        expect(up.status).toBe(201);
        expect(up.body.material).toMatchObject({
          materialId: kind,
          filename: `${kind}.pdf`,
          url: `/materials/${up.body.material.id}`,
        });
      }

      const sub = await api("POST", `${APPS}/${id}/submit`, { cookie });
      expect(sub.status).toBe(200);
      expect(sub.body.alreadySubmitted).toBe(false);
      expect(sub.body.application).toMatchObject({
        status: "in_review",
        stage: "first-review",
        requestedFen: 3 * WAN,
        amountFen: 3 * WAN,
        policyVersion: expect.any(Number),
      });
      expect(sub.body.application.evaluation).toMatchObject({
        eligible: true,
        amountFen: 3 * WAN,
        policyVersion: sub.body.application.policyVersion,
      });
      expect(sub.body.application.submittedAt).toMatch(/Z$/);
      const twice = await api("POST", `${APPS}/${id}/submit`, { cookie });
      expect(twice.status).toBe(200);
      expect(twice.body).toMatchObject({
        alreadySubmitted: true,
        application: { id, revision: sub.body.application.revision },
      });
      expect(
        (await api("PUT", `${APPS}/${id}/draft`, { cookie, data: { facts: { contractAmountFen: 1 } } })).status,
      ).toBe(409);

      // 初审 lowers the amount with a reason; the same person may not pass 复审 too.
      const r1 = await review(reviewer, id, {
        action: "pass",
        amountFen: 25_000_00,
        reason: "部分合同登记额不计入",
        revision: sub.body.application.revision,
      });
      expect(r1.status).toBe(200);
      expect(r1.body.application).toMatchObject({ stage: "second-review", amountFen: 25_000_00 });
      const same = await review(reviewer, id, { action: "pass" });
      expect(same.status).toBe(403);
      expect(same.body.error.message).toContain("另一位工作人员");
      const r2 = await review(reviewer2.cookie, id, { action: "pass" });
      expect(r2.status).toBe(200);
      expect(r2.body.application).toMatchObject({
        stage: "publicity",
        publicityFrom: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        publicityTo: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      });

      // 公示 (public): enterprise, programme, amount and period — nothing personal.
      const notice = await api("GET", "/api/v1/subsidies/publicity");
      expect(notice.status).toBe(200);
      const item = (notice.body.items as Json[]).find((p) => p.id === id);
      expect(item).toEqual({
        id,
        number: first.body.application.number,
        enterprise: ent.name,
        programmeId: PROGRAMME,
        programme: "技术合同交易扶持",
        amountFen: 25_000_00,
        from: r2.body.application.publicityFrom,
        to: r2.body.application.publicityTo,
      });
      expect(JSON.stringify(notice.body)).not.toContain(ent.member.email);

      // Within the period the cron leaves it; once it has ended the cron moves it to 拨付.
      await runScheduled();
      expect((await applicationRow(id)).stage).toBe("publicity");
      await endPublicity(id);
      await runScheduled();
      expect(await applicationRow(id)).toMatchObject({ status: "in_review", stage: "payment" });

      // 拨付 is the admin's: a reviewer cannot approve, the admin can.
      expect((await review(reviewer2.cookie, id, { action: "pass" })).status).toBe(403);
      const approved = await review(admin, id, { action: "pass" });
      expect(approved.status).toBe(200);
      expect(approved.body.application).toMatchObject({ status: "awarded", amountFen: 25_000_00 });

      // Payments: a reviewer may not record them; never more than the award; a voucher once.
      const pay = (who: string, amountFen: number, voucherNo: string) =>
        api("POST", `${APPS}/${id}/payments`, { cookie: who, data: { amountFen, paidOn: yesterday(), voucherNo } });
      expect((await pay(reviewer, 1 * WAN, voucher())).status).toBe(403);
      const v1 = voucher();
      const part = await pay(admin, 1 * WAN, v1);
      expect(part.status).toBe(201);
      expect(part.body).toMatchObject({ paidFen: 1 * WAN, application: { status: "awarded" } });
      expect((await pay(admin, 2 * WAN, voucher())).status).toBe(422); // 1万 + 2万 > 2.5万
      expect((await pay(admin, 1 * WAN, v1)).status).toBe(409);
      const rest = await pay(admin, 15_000_00, voucher());
      expect(rest.status).toBe(201);
      expect(rest.body).toMatchObject({ paidFen: 25_000_00, application: { status: "paid" } });

      // The enterprise sees it paid, with the whole timeline.
      const mine = await api("GET", `${APPS}/${id}`, { cookie });
      expect(mine.status).toBe(200);
      expect(mine.body.application).toMatchObject({ status: "paid", statusZh: "已拨付", amountFen: 25_000_00 });
      expect(mine.body.standing).toMatchObject({ label: "已拨付" });
      expect(mine.body.enterprise).toEqual({ id: ent.id, name: ent.name });
      expect(mine.body.events.map((e: Json) => e.action)).toEqual([
        "created",
        "submitted",
        "passed",
        "passed",
        "advanced",
        "awarded",
        "paid",
        "paid",
      ]);
      expect(mine.body.events[2]).toMatchObject({
        actor: "reviewer@zibo.demo",
        stage: "first-review",
        toStage: "second-review",
        amountFen: 25_000_00,
      });
      expect(mine.body.events[4]).toMatchObject({ actor: "system", stage: "publicity", toStage: "payment" });
      expect(mine.body.payments.map((p: Json) => p.amountFen)).toEqual([1 * WAN, 15_000_00]);
      expect(mine.body.paidFen).toBe(25_000_00);
      expect(mine.body.materials.map((m: Json) => m.materialId).sort()).toEqual([...required].sort());

      // Every transition told the enterprise through the outbox.
      const notices = await dbFor(slug)
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, ent.member.email), like(outbox.kind, "subsidy_%")));
      expect(notices.map((n) => n.kind).sort()).toEqual([
        "subsidy_advanced",
        "subsidy_awarded",
        "subsidy_paid",
        "subsidy_paid",
        "subsidy_passed",
        "subsidy_passed",
        "subsidy_submitted",
      ]);
    },
  );

  it("validates the Idempotency-Key and allows leaving it out", async () => {
    const { member } = await enterpriseWithMember();
    for (const bad of ["has space", "x".repeat(101), "tab\there", ""]) {
      const res = await api("POST", APPS, {
        cookie: member.cookie,
        data: { programme: PROGRAMME },
        headers: { "Idempotency-Key": bad },
      });
      expect(res.status, bad).toBe(422);
      expect(res.body.error.fields).toHaveProperty("idempotency-key");
    }
    const a = await api("POST", APPS, { cookie: member.cookie, data: { programme: PROGRAMME } });
    const b = await api("POST", APPS, { cookie: member.cookie, data: { programme: PROGRAMME } });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.application.id).not.toBe(b.body.application.id);
    const unknown = await api("POST", APPS, { cookie: member.cookie, data: { programme: "zibo-no-such-programme" } });
    expect(unknown.status).toBe(404);
    const extra = await api("POST", APPS, { cookie: member.cookie, data: { programme: PROGRAMME, surprise: true } });
    expect(extra.status).toBe(422);
  });
});

describe("review decisions", () => {
  it("returns for correction; the enterprise edits and resubmits; the history is kept", async () => {
    const { member } = await enterpriseWithMember();
    const id = await submitted(member.cookie, 100);
    const noReason = await review(reviewer, id, { action: "return" });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields).toHaveProperty("reason");
    const returned = await review(reviewer, id, {
      action: "return",
      reason: "技术合同登记证明与合同金额不一致,请核对。",
    });
    expect(returned.status).toBe(200);
    expect(returned.body.application).toMatchObject({
      status: "returned",
      stage: "first-review",
      dueOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    });

    const standing = await api("GET", `${APPS}/${id}`, { cookie: member.cookie });
    expect(standing.body.standing).toMatchObject({
      expected: "按退回意见修改后重新提交",
      by: returned.body.application.dueOn,
    });
    const edited = await api("PUT", `${APPS}/${id}/draft`, {
      cookie: member.cookie,
      data: { facts: { contractAmountFen: 200 * WAN } },
    });
    expect(edited.status).toBe(200);
    expect((await upload(member.cookie, id, "contract-registration")).status).toBe(201); // a corrected certificate
    const resubmitted = await api("POST", `${APPS}/${id}/submit`, { cookie: member.cookie });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.application).toMatchObject({
      status: "in_review",
      stage: "first-review",
      amountFen: 6 * WAN,
    });

    const detail = await api("GET", `${APPS}/${id}`, { cookie: reviewer });
    expect(detail.body.events.map((e: Json) => e.action)).toEqual(["created", "submitted", "returned", "resubmitted"]);
    expect(detail.body.events[2].note).toBe("技术合同登记证明与合同金额不一致,请核对。");
    expect(detail.body.events[1].amountFen).toBe(3 * WAN);
    expect(detail.body.materials).toHaveLength(3);
  });

  it("holds the amount rules and rejects only with a reason", async () => {
    const { member } = await enterpriseWithMember();
    const id = await submitted(member.cookie, 100); // 3万
    const raised = await review(reviewer, id, { action: "pass", amountFen: 4 * WAN, reason: "多给" });
    expect(raised.status).toBe(422);
    expect(raised.body.error.fields).toHaveProperty("amountFen");
    const unexplained = await review(reviewer, id, { action: "pass", amountFen: 2 * WAN });
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.error.fields).toHaveProperty("reason");
    const badAction = await review(reviewer, id, { action: "approve" });
    expect(badAction.status).toBe(422);
    expect(await applicationRow(id)).toMatchObject({ stage: "first-review", amountFen: 3 * WAN });

    const noReason = await review(reviewer, id, { action: "reject", reason: "  " });
    expect(noReason.status).toBe(422);
    const rejected = await review(reviewer, id, { action: "reject", reason: "合同未经山东省技术市场管理办公室登记。" });
    expect(rejected.status).toBe(200);
    expect(rejected.body.application).toMatchObject({ status: "rejected", statusZh: "未通过" });
    expect((await review(reviewer2.cookie, id, { action: "pass" })).status).toBe(409);
    const mine = await api("GET", `${APPS}/${id}`, { cookie: member.cookie });
    expect(mine.body.standing.label).toBe("未通过");
    expect(mine.body.events.at(-1)).toMatchObject({
      action: "rejected",
      note: "合同未经山东省技术市场管理办公室登记。",
    });
  });
});

describe("objections during 公示", () => {
  it("hold the application past its period until the admin dismisses them; then the cron moves it on", async () => {
    const { member } = await enterpriseWithMember();
    const id = await atPublicity(member.cookie, 100, reviewer, reviewer2.cookie);
    const lodge = (data: Json) => api("POST", `/api/v1/subsidies/publicity/${id}/objections`, { data });
    const short = await lodge({ name: "王某", contact: "13900000000", content: "有问题" });
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toHaveProperty("content");
    const lodged = await lodge({
      name: "王某",
      contact: "13900000000",
      content: "该企业的技术合同并未实际履行,请核实。",
    });
    expect(lodged.status).toBe(201);
    const objectionId = lodged.body.id as string;

    await endPublicity(id);
    await runScheduled();
    expect((await applicationRow(id)).stage).toBe("publicity");

    // Staff see who objected; the enterprise sees only that an objection is open.
    const staffView = await api("GET", `${APPS}/${id}`, { cookie: admin });
    expect(staffView.body.objections).toEqual([
      expect.objectContaining({ id: objectionId, name: "王某", contact: "13900000000", status: "open" }),
    ]);
    const memberView = await api("GET", `${APPS}/${id}`, { cookie: member.cookie });
    expect(memberView.body).toMatchObject({ objections: [], openObjections: 1 });
    expect(JSON.stringify(memberView.body)).not.toContain("13900000000");

    const resolve = (cookie: string, data: Json) =>
      api("POST", `/api/v1/admin/subsidies/objections/${objectionId}/resolve`, { cookie, data });
    expect((await resolve(reviewer, { decision: "dismiss", resolution: "经核实合同已履行" })).status).toBe(403);
    expect((await resolve(admin, { decision: "dismiss" })).status).toBe(422);
    const dismissed = await resolve(admin, { decision: "dismiss", resolution: "经核实,合同已履行,异议不成立。" });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.application).toMatchObject({ status: "in_review", stage: "publicity" });
    expect((await resolve(admin, { decision: "uphold", resolution: "再次处理" })).status).toBe(409);

    await runScheduled();
    expect(await applicationRow(id)).toMatchObject({ status: "in_review", stage: "payment" });
    const events = (await api("GET", `${APPS}/${id}`, { cookie: member.cookie })).body.events.map(
      (e: Json) => e.action,
    );
    expect(events.slice(-3)).toEqual(["objection", "objection_dismissed", "advanced"]);
  });

  it("reject the application when the admin upholds one", async () => {
    const { member } = await enterpriseWithMember();
    const id = await atPublicity(member.cookie, 50, reviewer, reviewer2.cookie);
    const lodged = await api("POST", `/api/v1/subsidies/publicity/${id}/objections`, {
      data: { name: "某公司", contact: "report@example.cn", content: "同一合同已在其他区县申报过补助。" },
    });
    expect(lodged.status).toBe(201);
    const upheld = await api("POST", `/api/v1/admin/subsidies/objections/${lodged.body.id}/resolve`, {
      cookie: admin,
      data: { decision: "uphold", resolution: "经核实,同一合同已获其他区县补助。" },
    });
    expect(upheld.status).toBe(200);
    expect(upheld.body.application).toMatchObject({ status: "rejected" });
    const notice = await api("GET", "/api/v1/subsidies/publicity");
    expect((notice.body.items as Json[]).some((p) => p.id === id)).toBe(false);
    // Off the notice, it cannot be objected to any more (as if it never was on it).
    expect(
      (
        await api("POST", `/api/v1/subsidies/publicity/${id}/objections`, {
          data: { name: "某人", contact: "13900000001", content: "再补充一条异议内容用于测试。" },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api("POST", "/api/v1/admin/subsidies/objections/aaaaaaaaaaaaaaaaaaaaaaaaaa/resolve", {
          cookie: admin,
          data: { decision: "dismiss", resolution: "无" },
        })
      ).status,
    ).toBe(404);
  });
});
