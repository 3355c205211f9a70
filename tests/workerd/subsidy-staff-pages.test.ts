/**
 * 政策兑现's staff pages and the public 公示 page through the real Worker: the
 * queue with counts and filters, an application's facts, explanation and
 * timeline, review actions (a raised amount refused with nothing changed, a
 * return, one person never passing two stages), 批准拨付 and the payment ledger
 * for the zone admin only, 公示 without personal data, an objection that holds
 * the application until the admin decides, the dashboard and the CSV.
 *
 * The zone databases are shared by every workerd file, so each test makes its
 * own enterprise and applications straight in the database (at the stage it
 * needs) and its own staff accounts; assertions look only at those.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { materials, subsidyEvents, subsidyObjections, subsidyPayments } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import {
  db,
  dayOffset,
  get,
  makeApplication,
  makeEnterprise,
  post,
  PROGRAMME,
  row,
  signIn,
  today,
  WAN,
} from "./subsidy-pages-support";

describe("who may open 政策兑现", () => {
  it(
    "sends anonymous visitors to 登录, " + "refuses enterprise and bank accounts, and keeps staff pages private",
    async () => {
      const anon = await get("/admin/subsidies");
      expect(anon.status).toBe(303);
      expect(anon.headers.get("location")).toBe("/login");
      for (const role of ["enterprise", "bank"] as const) {
        const res = await get("/admin/subsidies", (await signIn(role)).cookie);
        expect(res.status).toBe(403);
        expect(await res.text()).toContain("没有权限");
      }
      const reviewer = await signIn("reviewer");
      const res = await get("/admin/subsidies", reviewer.cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(await res.text()).toContain('href="/admin/subsidies">政策兑现</a>');
    },
  );
});

describe("the queue and an application", () => {
  it(
    "shows counts per stage and the row with programme, " + "amount and an overdue mark; a bad filter is a 422",
    async () => {
      const e = await makeEnterprise();
      const { id } = await makeApplication(e.id, "first-review", { dueOn: dayOffset(-2) });
      const { cookie } = await signIn("reviewer");
      const all = await (await get("/admin/subsidies", cookie)).text();
      expect(Number(/待初审<span class="n">(\d+)<\/span>/.exec(all)![1])).toBeGreaterThanOrEqual(1);
      const res = await get(
        `/admin/subsidies?status=in_review&stage=first-review&q=${encodeURIComponent(e.name)}`,
        cookie,
      );
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`href="/admin/subsidies/applications/${id}">${e.name}</a>`);
      expect(html).toContain("技术合同交易扶持");
      expect(html).toContain("15万元");
      expect(html).toContain("已逾期");
      expect(html).toContain("共 1 份申报");
      const bad = await get("/admin/subsidies?status=nonsense", cookie);
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain("筛选条件有误(状态)");
    },
  );

  it("shows the facts, materials, the explanation stored at submission and the timeline", async () => {
    const e = await makeEnterprise();
    const { id } = await makeApplication(e.id, "first-review");
    const materialId = newId();
    await db()
      .insert(materials)
      .values({
        id: materialId,
        ownerKind: "subsidy_application",
        ownerId: id,
        kind: "subsidy:contract-registration",
        filename: "登记证明.pdf",
        contentType: "application/pdf",
        size: 2048,
        sha256: "0".repeat(64),
        blobKey: `zibo/${materialId}`,
        uploadedBy: null,
        createdAt: Date.now(),
      });
    const { cookie } = await signIn("reviewer");
    const res = await get(`/admin/subsidies/applications/${id}`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    expect(html).toContain("技术合同认定额");
    expect(html).toContain("500万元");
    expect(html).toContain(`技术合同登记证明:<a href="/materials/${materialId}"`);
    expect(html).toContain('<span class="verdict yes">符合</span>');
    expect(html).toContain("第二十四条");
    expect(html).toContain("提交申报");
    expect(html).toContain("通过初审");
    expect(html).toContain("只能调低");
    expect((await get(`/admin/subsidies/applications/${newId()}`, cookie)).status).toBe(404);
    expect((await get("/admin/subsidies/applications/not-an-id", cookie)).status).toBe(404);
  });
});

describe("review actions", () => {
  it("refuses a raised amount with a 422 and changes nothing", async () => {
    const e = await makeEnterprise();
    const { id } = await makeApplication(e.id, "first-review");
    const before = await row(id);
    const { cookie } = await signIn("reviewer");
    const res = await post(
      `/admin/subsidies/applications/${id}/review`,
      { action: "pass", amount: "200000", reason: "多给一些", revision: String(before.revision) },
      cookie,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("核定金额只能调低(当前15万元)");
    expect(html).toContain('value="200000"');
    const noReason = await post(
      `/admin/subsidies/applications/${id}/review`,
      { action: "pass", amount: "120000", reason: "", revision: String(before.revision) },
      cookie,
    );
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain("调整金额时请写明理由");
    const typo = await post(
      `/admin/subsidies/applications/${id}/review`,
      { action: "pass", amount: "十二万", reason: "x", revision: String(before.revision) },
      cookie,
    );
    expect(typo.status).toBe(422);
    expect(await row(id)).toEqual(before);
  });

  it("returns with a reason (none is a 422), and the enterprise's timeline keeps it", async () => {
    const e = await makeEnterprise();
    const { id } = await makeApplication(e.id, "first-review");
    const { cookie } = await signIn("reviewer");
    const empty = await post(`/admin/subsidies/applications/${id}/review`, { action: "return", reason: " " }, cookie);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("请写明需要补正的内容");
    const res = await post(
      `/admin/subsidies/applications/${id}/review`,
      { action: "return", reason: "请补充技术合同登记证明原件扫描件", revision: String((await row(id)).revision) },
      cookie,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/subsidies/applications/${id}?done=return`);
    expect(await row(id)).toMatchObject({ status: "returned", stage: "first-review" });
    const page = await (await get(res.headers.get("location")!, cookie)).text();
    expect(page).toContain("已退回补正,已通知企业");
    expect(page).toContain("请补充技术合同登记证明原件扫描件");
  });

  it("passes with a lowered amount; the same person may not pass the next stage", async () => {
    const e = await makeEnterprise();
    const { id } = await makeApplication(e.id, "first-review");
    const { cookie } = await signIn("reviewer");
    const res = await post(
      `/admin/subsidies/applications/${id}/review`,
      { action: "pass", amount: "120,000", reason: "部分合同未登记", revision: String((await row(id)).revision) },
      cookie,
    );
    expect(res.status).toBe(303);
    expect(await row(id)).toMatchObject({ stage: "second-review", amountFen: 12 * WAN });
    const page = await (await get(`/admin/subsidies/applications/${id}`, cookie)).text();
    expect(page).toContain("上一环节由你通过");
    expect(page).toContain("核定金额调整为12万元:部分合同未登记");
    const again = await post(`/admin/subsidies/applications/${id}/review`, { action: "pass" }, cookie);
    expect(again.status).toBe(403);
    expect(await row(id)).toMatchObject({ stage: "second-review" });
  });
});

describe("拨付", () => {
  it(
    "is the zone admin's: a reviewer sees no payment actions and is refused; " +
      "the admin approves and records the payment",
    async () => {
      const e = await makeEnterprise();
      const { id } = await makeApplication(e.id, "payment");
      const reviewer = await signIn("reviewer");
      const admin = await signIn("zone_admin");
      const seen = await (await get(`/admin/subsidies/applications/${id}`, reviewer.cookie)).text();
      expect(seen).toContain("拨付环节由园区管理员办理");
      expect(seen).not.toContain(`/admin/subsidies/applications/${id}/review`);
      expect(
        (await post(`/admin/subsidies/applications/${id}/review`, { action: "pass" }, reviewer.cookie)).status,
      ).toBe(403);

      const approve = await post(
        `/admin/subsidies/applications/${id}/review`,
        { action: "pass", revision: String((await row(id)).revision) },
        admin.cookie,
      );
      expect(approve.status).toBe(303);
      expect(approve.headers.get("location")).toContain("done=award");
      expect(await row(id)).toMatchObject({ status: "awarded", amountFen: 15 * WAN });

      const reviewerView = await (await get(`/admin/subsidies/applications/${id}`, reviewer.cookie)).text();
      expect(reviewerView).not.toContain(`/admin/subsidies/applications/${id}/payments`);
      expect(
        (
          await post(
            `/admin/subsidies/applications/${id}/payments`,
            { amount: "150000", paidOn: today(), voucherNo: `V-${id}` },
            reviewer.cookie,
          )
        ).status,
      ).toBe(403);

      const adminView = await (await get(`/admin/subsidies/applications/${id}`, admin.cookie)).text();
      expect(adminView).toContain(`action="/admin/subsidies/applications/${id}/payments"`);
      const over = await post(
        `/admin/subsidies/applications/${id}/payments`,
        { amount: "150000.01", paidOn: today(), voucherNo: `V-${id}` },
        admin.cookie,
      );
      expect(over.status).toBe(422);
      expect(await over.text()).toContain("拨付金额超出核定金额");
      const paid = await post(
        `/admin/subsidies/applications/${id}/payments`,
        { amount: "150000", paidOn: today(), voucherNo: `V-${id}` },
        admin.cookie,
      );
      expect(paid.status).toBe(303);
      expect(await row(id)).toMatchObject({ status: "paid" });
      expect(await db().select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, id))).toHaveLength(1);
      const ledger = await (await get(`/admin/subsidies/applications/${id}`, reviewer.cookie)).text();
      expect(ledger).toContain("拨付记录");
      expect(ledger).toContain(`V-${id}`);
      expect(ledger).toContain(admin.email);
    },
  );
});

describe("公示 and objections", () => {
  it(
    "lists an application in its notice period with nothing personal; " +
      "an objection holds it until the zone admin decides",
    async () => {
      const e = await makeEnterprise();
      const { id } = await makeApplication(e.id, "publicity");
      // Written straight to the database, not through the app: a query of its own, so a page-cache copy
      // another file left within the isolate's 5 s of zone state cannot answer (decision 0019).
      const list = await get("/publicity?case=new-in-publicity");
      expect(list.status).toBe(200);
      let html = await list.text();
      expect(html).toContain(e.name);
      expect(html).toContain("技术合同交易扶持");
      expect(html).toContain(`action="/publicity/${id}/objection"`);
      for (const secret of [e.contactMobile, e.contactName, e.contactEmail]) expect(html).not.toContain(secret);

      const short = await post(`/publicity/${id}/objection`, {
        name: "张先生",
        contact: "13700000000",
        content: "有问题",
      });
      expect(short.status).toBe(422);
      expect(await short.text()).toContain("至少 10 个字");
      const contact = `objector-${id.slice(0, 6)}@example.com`;
      const res = await post(`/publicity/${id}/objection`, {
        name: "张先生",
        contact,
        content: "该企业的技术合同并未在省技术市场登记,请核实。",
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/publicity?received=1");
      expect(await (await get("/publicity?received=1")).text()).toContain("已收到您的异议");
      const [objection] = await db().select().from(subsidyObjections).where(eq(subsidyObjections.applicationId, id));
      expect(objection).toMatchObject({ status: "open", contact });
      expect(
        await db()
          .select()
          .from(subsidyEvents)
          .where(and(eq(subsidyEvents.applicationId, id), eq(subsidyEvents.action, "objection"))),
      ).toHaveLength(1);
      html = await (await get("/publicity")).text();
      expect(html).not.toContain(contact);

      // Staff see the objector's contact; only the zone admin decides.
      const reviewer = await signIn("reviewer");
      const admin = await signIn("zone_admin");
      const staffView = await (await get(`/admin/subsidies/applications/${id}`, reviewer.cookie)).text();
      expect(staffView).toContain(contact);
      expect(staffView).toContain("有 1 条异议待处理");
      expect(staffView).not.toContain(`/admin/subsidies/objections/${objection!.id}/resolve`);
      expect(
        (
          await post(
            `/admin/subsidies/objections/${objection!.id}/resolve`,
            { decision: "dismiss", resolution: "x" },
            reviewer.cookie,
          )
        ).status,
      ).toBe(403);
      const noDecision = await post(
        `/admin/subsidies/objections/${objection!.id}/resolve`,
        { resolution: "已核实" },
        admin.cookie,
      );
      expect(noDecision.status).toBe(422);
      expect(await noDecision.text()).toContain("请选择异议是否成立");
      const done = await post(
        `/admin/subsidies/objections/${objection!.id}/resolve`,
        { decision: "dismiss", resolution: "经核实,合同已于登记系统备案,异议不成立。" },
        admin.cookie,
      );
      expect(done.status).toBe(303);
      expect(done.headers.get("location")).toBe(`/admin/subsidies/applications/${id}?done=dismiss`);
      expect(
        (await db().select().from(subsidyObjections).where(eq(subsidyObjections.id, objection!.id)))[0],
      ).toMatchObject({ status: "dismissed" });
      expect(await row(id)).toMatchObject({ status: "in_review", stage: "publicity" });
    },
  );

  it("answers 404 for an item not on notice", async () => {
    const e = await makeEnterprise();
    const { id } = await makeApplication(e.id, "first-review");
    const fields = { name: "李女士", contact: "13800000000", content: "这是一个不在公示中的项目的异议内容。" };
    expect((await post(`/publicity/${id}/objection`, fields)).status).toBe(404);
    expect((await post(`/publicity/${id}/objection`, { ...fields, content: "" })).status).toBe(404);
    expect((await post(`/publicity/${newId()}/objection`, fields)).status).toBe(404);
  });
});

describe("dashboard and export", () => {
  it("shows stages and programmes with budget use, and exports every application as CSV for Excel", async () => {
    const e = await makeEnterprise();
    const { id, number } = await makeApplication(e.id, "second-review");
    const { cookie } = await signIn("reviewer");
    const dash = await get("/admin/subsidies/dashboard", cookie);
    expect(dash.status).toBe(200);
    const html = await dash.text();
    expect(html).toContain("平均用时");
    expect(html).toContain("技术合同交易扶持");
    expect(html).toContain('href="/admin/subsidies/export"');
    expect((await get("/admin/subsidies/dashboard?year=abc", cookie)).status).toBe(422);

    const csv = await get("/admin/subsidies/export", cookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="subsidies-zibo-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(csv.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toMatch(
      /^申报编号,企业名称,统一社会信用代码,项目编号,项目名称,状态,环节,测算金额.元.,核定金额.元.,申报年度,政策版本,提交时间\(北京时间\)$/,
    );
    // The application number people know, not the internal id; the time in Beijing time like the pages.
    expect(number).toMatch(/^ZB-\d{4}-\d{6}$/);
    expect(text).not.toContain(id);
    const line = text.split("\r\n").find((l) => l.startsWith(`${number},`))!;
    expect(line).toContain(`${number},${e.name},,${PROGRAMME},技术合同交易扶持,审核中,复审,150000.00,150000.00`);
    expect(line).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const submittedAt = (await row(id)).submittedAt!;
    expect(
      line.endsWith(`,${new Date(submittedAt + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ")}`),
    ).toBe(true);
  });
});
