/**
 * Every form post of 政策兑现 and 公示 within its round trips (issue 16): ACTION = 3 waves — the
 * session's one batch, one wave of the action's checks, one guarded write batch; the page after
 * the 303 is a request of its own. Each row posts once on real data, proves it took (the
 * redirect, and a row in the database) and measures `X-Db-Waves`. The preview and publish forms
 * of policy administration are subsidy-write-round-trips.test.ts's (a zone of its own).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { materials, subsidyObjections, subsidyPayments } from "../../worker/db/schema";
import { dbFor } from "./auth-support";
import { demo, enterpriseWithMember, voucher, WAN } from "./subsidies-support";
import { makeApplication, makeEnterprise, row, today } from "./subsidy-pages-support";
import { ACTION, ANONYMOUS_ACTION, base, event, material, send, writes } from "./subsidy-write-support";

const { write, report } = writes("subsidy form write round trips");
let member = { id: "", cookie: "" };
let reviewer = "";
let admin = "";

beforeAll(async () => {
  const e = await enterpriseWithMember();
  member = { id: e.id, cookie: e.member.cookie };
  [reviewer, admin] = await Promise.all([demo("reviewer"), demo("admin")]);
});
afterAll(report);

describe("the staff's form posts (/admin/subsidies) take at most 3 waves", () => {
  const form = (path: string, cookie: string, fields: Record<string, string>) =>
    send("POST", path, cookie, { form: fields });

  it("通过 (review)", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "first-review");
    await write(
      "form review (pass)",
      ACTION,
      () => form(`/admin/subsidies/applications/${id}/review`, reviewer, { action: "pass", reason: "" }),
      async (s) => {
        expect(s.status).toBe(303);
        expect((await row(id)).stage).toBe("second-review");
      },
    );
  });

  it("批准拨付 (review at 拨付)", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "payment");
    await write(
      "form review (approve at 拨付)",
      ACTION,
      () => form(`/admin/subsidies/applications/${id}/review`, admin, { action: "pass" }),
      async (s) => {
        expect(s.status).toBe(303);
        expect((await row(id)).status).toBe("awarded");
      },
    );
  });

  it("登记拨付 (payments)", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "awarded");
    await write(
      "form payments",
      ACTION,
      () =>
        form(`/admin/subsidies/applications/${id}/payments`, admin, {
          amount: "5万",
          paidOn: today(),
          voucherNo: voucher(),
        }),
      async (s) => {
        expect(s.status).toBe(303);
        const paid = await dbFor("zibo").select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, id));
        expect(paid.map((p) => p.amountFen)).toEqual([5 * WAN]);
      },
    );
  });

  it("意见 (comments)", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "first-review");
    await write(
      "form comments (staff)",
      ACTION,
      () => form(`/admin/subsidies/applications/${id}/comments`, reviewer, { text: "请补充盖章页。" }),
      async (s) => {
        expect(s.status).toBe(303);
        expect((await event(id, "comment")).map((e) => e.note)).toEqual(["请补充盖章页。"]);
      },
    );
  });

  it("异议处理 (resolve an objection)", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "publicity");
    const lodged = await send("POST", `/api/v1/subsidies/publicity/${id}/objections`, undefined, {
      json: { name: "赵女士", contact: "13700000002", content: "该企业的技术合同尚未完成登记,请核实。" },
    });
    expect(lodged.status).toBe(201);
    await write(
      "form resolve objection (uphold)",
      ACTION,
      () =>
        form(`/admin/subsidies/objections/${lodged.body.id}/resolve`, admin, {
          decision: "uphold",
          resolution: "经核实,合同未登记,异议成立。",
        }),
      async (s) => {
        expect(s.status).toBe(303);
        expect((await row(id)).status).toBe("rejected");
      },
    );
  });

  it("移至现有环节 (move-stage)", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "first-review", { stage: "legacy-review" });
    await write(
      "form move-stage",
      ACTION,
      () => form(`/admin/subsidies/applications/${id}/move-stage`, admin, { stage: "first-review" }),
      async (s) => {
        expect(s.status).toBe(303);
        expect((await row(id)).stage).toBe("first-review");
      },
    );
  });
});

describe("the enterprise's and the public's form posts take at most 3 waves", () => {
  let id = "";
  it("在线申报 (apply)", () =>
    write(
      "form /subsidies/apply",
      ACTION,
      () => send("POST", "/subsidies/apply", member.cookie, { form: { programme: "zibo-tech-contract" } }),
      async (s) => {
        expect(s.status).toBe(303);
        id = /\/subsidies\/applications\/([a-z0-9]+)/.exec(s.res.headers.get("location") ?? "")![1]!;
        expect((await row(id)).status).toBe("draft");
      },
    ));

  it("估算 (the draft form's estimate)", () =>
    write(
      "form /subsidies/applications/:id/estimate",
      ACTION - 1,
      () =>
        send("POST", `/subsidies/applications/${id}/estimate`, member.cookie, { form: { contractAmount: "500万" } }),
      (s) => {
        expect(s.status).toBe(200);
        expect(s.body.facts).toEqual({ contractAmountFen: 500 * WAN });
      },
    ));

  it("保存草稿 (save)", () =>
    write(
      "form save draft",
      ACTION,
      () =>
        send("POST", `/subsidies/applications/${id}`, member.cookie, {
          form: { contractAmount: "400万", _action: "save" },
        }),
      async (s) => {
        expect(s.status).toBe(303);
        expect(JSON.parse((await row(id)).facts)).toEqual({ contractAmountFen: 400 * WAN });
      },
    ));

  it("上传 (one material)", () =>
    write(
      "form upload material",
      ACTION,
      () => send("POST", `/subsidies/applications/${id}/materials`, member.cookie, material("contract-registration")),
      async (s) => {
        expect(s.status).toBe(303);
        const rows = await dbFor("zibo").select().from(materials).where(eq(materials.ownerId, id));
        expect(rows).toHaveLength(1);
      },
    ));

  it("提交申报 (submit from the form)", async () => {
    expect(
      (await send("POST", `/subsidies/applications/${id}/materials`, member.cookie, material("technology-contract")))
        .status,
    ).toBe(303);
    await write(
      "form submit",
      ACTION,
      () =>
        send("POST", `/subsidies/applications/${id}`, member.cookie, {
          form: { contractAmount: "400万", _action: "submit" },
        }),
      async (s) => {
        expect(s.status).toBe(303);
        expect((await row(id)).status).toBe("in_review");
      },
    );
  });

  it("留言 (a member's comment)", () =>
    write(
      "form member comment",
      ACTION,
      () =>
        send("POST", `/subsidies/applications/${id}/comments`, member.cookie, { form: { text: "合同原件已补寄。" } }),
      async (s) => {
        expect(s.status).toBe(303);
        expect((await event(id, "member_comment")).map((e) => e.note)).toEqual(["合同原件已补寄。"]);
      },
    ));

  it("异议 (the public's objection form)", async () => {
    const { id: onNotice } = await makeApplication((await makeEnterprise()).id, "publicity");
    await write(
      "form /publicity/:id/objection (anonymous)",
      ANONYMOUS_ACTION + (await base()),
      () =>
        send("POST", `/publicity/${onNotice}/objection`, undefined, {
          form: { name: "钱先生", contact: "13700000003", content: "该企业去年已获同类奖励,请核实是否重复。" },
        }),
      async (s) => {
        expect(s.status).toBe(303);
        const rows = await dbFor("zibo")
          .select()
          .from(subsidyObjections)
          .where(eq(subsidyObjections.applicationId, onNotice));
        expect(rows).toHaveLength(1);
      },
    );
  });
});

// Publishing moves the policy in force: on a zone of this file's own.
