/**
 * The enterprise's 政策兑现 pages through the real Worker, without JavaScript:
 * 在线申报 from a programme page makes one draft per click (idempotency key),
 * prefilled from the enterprise's figures; 保存草稿 keeps what was typed, valid
 * or not; materials upload and are listed; a submission missing a material is a
 * 422 naming it and changes nothing; a good one shows 初审 and its due date;
 * a returned one shows the reason first. Another enterprise gets the 404 a
 * missing id gets, anonymous visitors 登录.
 *
 * The database is shared with every workerd suite, so each test makes an
 * enterprise of its own (./subsidies-support) with figures that qualify for
 * the R&D subsidy (3亿 revenue, 3.2% R&D, deduction up 1000万 → 50万).
 */
import { exports } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subsidyApplications, subsidyEvents } from "../../worker/db/schema";
import { NOT_FOUND } from "../../worker/features/subsidies/context";
import { formatDateZh } from "../../web/format";
import { dbFor, freshIp } from "./auth-support";
import { api, demo, host, ORIGIN, pdf, qualifyingMember, WAN } from "./subsidies-support";

const PROGRAMME = "/policies/programmes/zibo-rd-inclusive";
const YI = 10_000 * WAN;

function send(method: string, path: string, cookie: string | undefined, body?: URLSearchParams | FormData) {
  const headers = new Headers({ origin: ORIGIN, "cf-connecting-ip": freshIp() });
  if (cookie) headers.set("cookie", cookie);
  return exports.default.fetch(`http://${host}${path}`, { method, headers, body, redirect: "manual" });
}
const get = (path: string, cookie?: string) => send("GET", path, cookie);
const post = (path: string, cookie: string | undefined, fields: Record<string, string>) =>
  send("POST", path, cookie, new URLSearchParams(fields));
function upload(cookie: string, id: string, kind: string, file: File) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", file);
  return send("POST", `/subsidies/applications/${id}/materials`, cookie, form);
}

/** 在线申报 as the programme page's form sends it; returns the application id. */
async function apply(cookie: string) {
  const html = await (await get(PROGRAMME, cookie)).text();
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1];
  expect(key).toBeTruthy();
  const res = await post("/subsidies/apply", cookie, { programme: "zibo-rd-inclusive", idempotencyKey: key! });
  expect(res.status).toBe(303);
  const id = /\/subsidies\/applications\/([a-z0-9]+)/.exec(res.headers.get("location") ?? "")?.[1];
  expect(id).toBeTruthy();
  return { id: id!, key: key! };
}

const FIGURES = { revenue: "300000000", rdExpense: "9600000", rdDeduction: "30000000", prevRdDeduction: "20000000" };
const row = async (id: string) =>
  (await dbFor("zibo").select().from(subsidyApplications).where(eq(subsidyApplications.id, id)))[0]!;

describe("applying for a subsidy on the enterprise's pages", () => {
  it("goes from the programme page to a prefilled draft, saves typed values, uploads, refuses, submits", async () => {
    const cookie = await qualifyingMember();
    const empty = await (await get("/subsidies", cookie)).text();
    expect(empty).toContain("还没有申报");
    expect(empty).toContain('href="/policies/match"');

    const { id, key } = await apply(cookie);
    // The same key again (a double click) is the same application.
    const again = await post("/subsidies/apply", cookie, { programme: "zibo-rd-inclusive", idempotencyKey: key });
    expect(again.headers.get("location")).toBe(`/subsidies/applications/${id}`);

    const draft = await get(`/subsidies/applications/${id}?done=created`, cookie);
    expect(draft.status).toBe(200);
    expect(draft.headers.get("cache-control")).toBe("private, no-store");
    const html = await draft.text();
    expect(html).toContain("申报草稿已创建");
    expect(html).toMatch(/id="f-revenue"[^>]*value="300000000"|value="300000000"[^>]*id="f-revenue"/);
    expect(html).toContain('value="20000000"'); // the previous year's deduction, from the year before
    expect(html).toContain('<span class="verdict yes">符合</span>');
    expect(html).toContain("<strong>50万元</strong>");
    expect(html).toContain("上年度财务审计报告");
    expect(html).toContain('aria-live="polite"');
    expect(html).toMatch(/<script nonce="[^"]+">/);

    // 保存草稿 without JavaScript: an invalid value is kept as typed, with a message.
    const saved = await post(`/subsidies/applications/${id}`, cookie, { ...FIGURES, revenue: "三亿", _action: "save" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/subsidies/applications/${id}?done=saved`);
    const savedHtml = await (await get(`/subsidies/applications/${id}?done=saved`, cookie)).text();
    expect(savedHtml).toContain("草稿已保存");
    expect(savedHtml).toContain('value="三亿"');
    expect(savedHtml).toContain("有 1 项填写有误,已按原样保存在草稿中");
    expect(savedHtml).toMatch(/id="f-revenue"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-revenue"/);
    expect(savedHtml).toContain("需补充信息");
    const stored = await row(id);
    expect(JSON.parse(stored.formValues)).toMatchObject({ revenue: "三亿", rdExpense: "9600000" });
    expect(JSON.parse(stored.facts)).toEqual({
      rdExpenseFen: 960 * WAN,
      rdDeductionFen: 3000 * WAN,
      prevRdDeductionFen: 2000 * WAN,
    });

    // Submitting with that field still wrong: 422, nothing submitted.
    const badSubmit = await post(`/subsidies/applications/${id}`, cookie, {
      ...FIGURES,
      revenue: "三亿",
      _action: "submit",
    });
    expect(badSubmit.status).toBe(422);
    expect(await badSubmit.text()).toContain("请按提示修改后再提交");

    // One material up; it is listed with a link to the file.
    const up = await upload(cookie, id, "audit-report", pdf("审计报告2025"));
    expect(up.status).toBe(303);
    expect(up.headers.get("location")).toBe(`/subsidies/applications/${id}?done=uploaded#materials`);
    const listed = await (await get(`/subsidies/applications/${id}`, cookie)).text();
    expect(listed).toMatch(/<a href="\/materials\/[a-z2-7]{26}">审计报告2025\.pdf<\/a>/);
    const notPdf = await upload(
      cookie,
      id,
      "rd-deduction-filing",
      new File(["just text"], "x.pdf", { type: "application/pdf" }),
    );
    expect(notPdf.status).toBe(422);
    const none = await send(
      "POST",
      `/subsidies/applications/${id}/materials`,
      cookie,
      (() => {
        const f = new FormData();
        f.append("kind", "rd-deduction-filing");
        return f;
      })(),
    );
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("请先选择要上传的文件");

    // The other required material is missing: 422 naming it; still a draft.
    const missing = await post(`/subsidies/applications/${id}`, cookie, { ...FIGURES, _action: "submit" });
    expect(missing.status).toBe(422);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain("请上传:研发费用加计扣除纳税申报表(本年度和上年度)");
    expect(missingHtml).not.toContain("请上传:上年度财务审计报告");
    expect((await row(id)).status).toBe("draft");

    expect((await upload(cookie, id, "rd-deduction-filing", pdf("加计扣除申报表"))).status).toBe(303);
    const ok = await post(`/subsidies/applications/${id}`, cookie, { ...FIGURES, _action: "submit" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/subsidies/applications/${id}?done=submitted`);
    // A second click finds it submitted and changes nothing.
    expect((await post(`/subsidies/applications/${id}`, cookie, { ...FIGURES, _action: "submit" })).status).toBe(303);
    const submittedRow = await row(id);
    expect(submittedRow).toMatchObject({ status: "in_review", stage: "first-review", amountFen: 50 * WAN });
    const events = await dbFor("zibo")
      .select()
      .from(subsidyEvents)
      .where(and(eq(subsidyEvents.applicationId, id), eq(subsidyEvents.action, "submitted")));
    expect(events).toHaveLength(1);

    const status = await get(`/subsidies/applications/${id}?done=submitted`, cookie);
    expect(status.status).toBe(200);
    expect(status.headers.get("cache-control")).toBe("private, no-store");
    const statusHtml = await status.text();
    expect(statusHtml).toContain("申报已提交");
    expect(statusHtml).toContain("初审中");
    expect(statusHtml).toContain(
      `<time datetime="${submittedRow.dueOn}">${formatDateZh(submittedRow.dueOn!)}</time>前`,
    );
    expect(statusHtml).toContain("30,000万元"); // the facts as submitted
    expect(statusHtml).toMatch(/提交时按第\d+版政策/);
    expect(statusHtml).toContain("审计报告2025.pdf");
    expect(statusHtml).toContain("提交申报");
    expect(statusHtml).not.toContain('id="apply-form"');

    const list = await (await get("/subsidies", cookie)).text();
    expect(list).toContain("科技型企业研发投入普惠制补贴");
    expect(list).toContain("初审中");
    expect(list).toContain("50万元");
  });

  it("shows a returned application's reason first, and the form to correct it", async () => {
    const cookie = await qualifyingMember();
    const { id } = await apply(cookie);
    for (const kind of ["audit-report", "rd-deduction-filing"])
      expect((await upload(cookie, id, kind, pdf(kind))).status).toBe(303);
    expect((await post(`/subsidies/applications/${id}`, cookie, { ...FIGURES, _action: "submit" })).status).toBe(303);
    const returned = await api("POST", `/api/v1/subsidies/applications/${id}/review`, {
      cookie: await demo("reviewer"),
      data: { action: "return", reason: "审计报告缺少签章页,请补充。" },
    });
    expect(returned.status).toBe(200);
    const html = await (await get(`/subsidies/applications/${id}`, cookie)).text();
    expect(html).toContain("园区退回补正");
    expect(html).toContain("审计报告缺少签章页,请补充。");
    expect(html).toContain('id="apply-form"');
    expect(html).toContain("重新提交");
    expect(html).not.toContain("reviewer@zibo.demo"); // the enterprise sees 园区, not which reviewer

    // Corrected and sent again: back in the stage that returned it, the history kept.
    expect(
      (await post(`/subsidies/applications/${id}`, cookie, { ...FIGURES, rdDeduction: "3500万", _action: "submit" }))
        .status,
    ).toBe(303);
    expect(await row(id)).toMatchObject({ status: "in_review", stage: "first-review", amountFen: 75 * WAN });
    const history = await (await get(`/subsidies/applications/${id}`, cookie)).text();
    for (const step of ["提交申报", "退回补正", "补正后重新提交", "审计报告缺少签章页"])
      expect(history).toContain(step);
  });

  it("estimates on the enterprise's records for the form's script", async () => {
    const cookie = await qualifyingMember();
    const { id } = await apply(cookie);
    const res = await post(`/subsidies/applications/${id}/estimate`, cookie, { ...FIGURES, rdDeduction: "4000万" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      values: Record<string, string>;
      facts: Record<string, number>;
      errors: Record<string, string>;
      html: string;
    };
    expect(body.facts).toEqual({
      revenueFen: 3 * YI,
      rdExpenseFen: 960 * WAN,
      rdDeductionFen: 4000 * WAN,
      prevRdDeductionFen: 2000 * WAN,
    });
    expect(body.values.rdDeduction).toBe("4000万");
    expect(body.html).toContain("<strong>100万元</strong>");
    const bad = (await (
      await post(`/subsidies/applications/${id}/estimate`, cookie, { ...FIGURES, revenue: "-1" })
    ).json()) as { errors: Record<string, string> };
    expect(bad.errors.revenue).toContain("负数");
  });

  it("answers another enterprise's member with the 404 of a missing id, and sends visitors to 登录", async () => {
    const cookie = await qualifyingMember();
    const { id } = await apply(cookie);
    const other = await qualifyingMember();
    const before = await row(id);
    const missing = await get("/subsidies/applications/abcdefghijklmnopqrstuvwxyz", other);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(NOT_FOUND);
    for (const res of [
      await get(`/subsidies/applications/${id}`, other),
      await post(`/subsidies/applications/${id}`, other, { ...FIGURES, _action: "save" }),
      await post(`/subsidies/applications/${id}/estimate`, other, FIGURES),
      await upload(other, id, "audit-report", pdf("x")),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.text()).toContain(NOT_FOUND);
    }
    expect((await row(id)).revision).toBe(before.revision);
    expect(await (await get("/subsidies", other)).text()).not.toContain(id);

    for (const res of [
      await get("/subsidies"),
      await get(`/subsidies/applications/${id}`),
      await post("/subsidies/apply", undefined, { programme: "zibo-rd-inclusive" }),
    ]) {
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/login");
    }
    // Zone staff have their own pages; these are the enterprise's.
    expect((await get("/subsidies", await demo("reviewer"))).status).toBe(403);
  });
});
