/**
 * A subsidy application's materials are never dropped: a file chosen on the
 * page belongs to the application form, so 提交申报 or 保存草稿 without pressing
 * 上传 stores it (and submits with it); a refused file is named under its
 * material while everything else is kept. And the draft form is prefilled with
 * what the enterprise's records prove: 是否为生产型企业 from the demo enterprise's
 * 制造业 industry class.
 */
import { exports } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { materials, subsidyApplications } from "../../worker/db/schema";
import { dbFor, freshIp } from "./auth-support";
import { demo, host, ORIGIN, pdf, qualifyingMember } from "./subsidies-support";

const FIGURES = { revenue: "300000000", rdExpense: "9600000", rdDeduction: "30000000", prevRdDeduction: "20000000" };

function send(path: string, cookie: string, body: URLSearchParams | FormData) {
  return exports.default.fetch(`http://${host}${path}`, {
    method: "POST",
    headers: { origin: ORIGIN, cookie, "cf-connecting-ip": freshIp() },
    body,
    redirect: "manual",
  });
}
const get = (path: string, cookie: string) =>
  exports.default.fetch(`http://${host}${path}`, { headers: { cookie }, redirect: "manual" });

/** The draft form as a browser sends it: every typed field, and a file input per material. */
function pageForm(fields: Record<string, string>, files: Record<string, File>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files)) form.append(`file-${k}`, f);
  return form;
}

async function draftFor(cookie: string, programme: string) {
  const html = await (await get(`/policies/programmes/${programme}`, cookie)).text();
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
  const res = await send("/subsidies/apply", cookie, new URLSearchParams({ programme, idempotencyKey: key }));
  expect(res.status).toBe(303);
  return /\/subsidies\/applications\/([a-z0-9]+)/.exec(res.headers.get("location")!)![1]!;
}

const filesOf = async (id: string) =>
  (
    await dbFor("zibo")
      .select()
      .from(materials)
      .where(and(eq(materials.ownerKind, "subsidy_application"), eq(materials.ownerId, id)))
  )
    .map((m) => `${m.kind}:${m.filename}`)
    .sort();
const statusOf = async (id: string) =>
  (await dbFor("zibo").select().from(subsidyApplications).where(eq(subsidyApplications.id, id)))[0]!.status;

describe("materials chosen on the application page", () => {
  it("go with 提交申报 without pressing 上传: stored, then submitted", async () => {
    const cookie = await qualifyingMember();
    const id = await draftFor(cookie, "zibo-rd-inclusive");
    const page = await (await get(`/subsidies/applications/${id}`, cookie)).text();
    // The file inputs belong to the application form, which is multipart.
    expect(page).toMatch(/<form id="apply-form"[^>]*enctype="multipart\/form-data"/);
    expect(page).toMatch(/<input id="file-audit-report" name="file-audit-report" form="apply-form"/);

    const res = await send(
      `/subsidies/applications/${id}`,
      cookie,
      pageForm(
        { ...FIGURES, _action: "submit" },
        { "audit-report": pdf("审计报告"), "rd-deduction-filing": pdf("加计扣除申报表") },
      ),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/subsidies/applications/${id}?done=submitted`);
    expect(await filesOf(id)).toEqual([
      "subsidy:audit-report:审计报告.pdf",
      "subsidy:rd-deduction-filing:加计扣除申报表.pdf",
    ]);
    expect(await statusOf(id)).toBe("in_review");
  });

  it("are kept by 保存草稿; a refused one is said under its material and the rest is saved", async () => {
    const cookie = await qualifyingMember();
    const id = await draftFor(cookie, "zibo-rd-inclusive");
    const res = await send(
      `/subsidies/applications/${id}`,
      cookie,
      pageForm(
        { ...FIGURES, rdDeduction: "3500万", _action: "submit" },
        {
          "audit-report": new File(["plain text"], "审计报告.pdf", { type: "application/pdf" }),
          "rd-deduction-filing": pdf("加计扣除申报表"),
        },
      ),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("有文件没有上传成功");
    expect(html).toMatch(/id="file-audit-report-error">[^<]*不是 PDF、JPG 或 PNG 文件/);
    // The good file and the typed value are kept; nothing was submitted.
    expect(await filesOf(id)).toEqual(["subsidy:rd-deduction-filing:加计扣除申报表.pdf"]);
    expect(html).toContain('value="3500万"');
    expect(await statusOf(id)).toBe("draft");

    const saved = await send(
      `/subsidies/applications/${id}`,
      cookie,
      pageForm({ ...FIGURES, _action: "save" }, { "audit-report": pdf("审计报告") }),
    );
    expect(saved.headers.get("location")).toBe(`/subsidies/applications/${id}?done=saved-uploaded`);
    expect(await (await get(`/subsidies/applications/${id}?done=saved-uploaded`, cookie)).text()).toContain(
      "选好的材料已上传",
    );
    expect(await filesOf(id)).toEqual([
      "subsidy:audit-report:审计报告.pdf",
      "subsidy:rd-deduction-filing:加计扣除申报表.pdf",
    ]);
  });

  it("are sent by 上传 without the script; an empty file input is no file", async () => {
    const cookie = await qualifyingMember();
    const id = await draftFor(cookie, "zibo-rd-inclusive");
    const empty = await send(
      `/subsidies/applications/${id}`,
      cookie,
      pageForm(
        { ...FIGURES, _action: "upload" },
        { "audit-report": new File([], "", { type: "application/octet-stream" }) },
      ),
    );
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("请先选择要上传的文件");
    const up = await send(
      `/subsidies/applications/${id}`,
      cookie,
      pageForm({ ...FIGURES, _action: "upload" }, { "audit-report": pdf("审计报告") }),
    );
    expect(up.headers.get("location")).toBe(`/subsidies/applications/${id}?done=uploaded#materials`);
    expect(await filesOf(id)).toEqual(["subsidy:audit-report:审计报告.pdf"]);
  });
});

describe("the draft form prefilled from the enterprise's records", () => {
  it("answers 是否为生产型企业 for the README's demo enterprise from its 制造业 industry class", async () => {
    const cookie = await demo("enterprise");
    const id = await draftFor(cookie, "zibo-invention-patent");
    const html = await (await get(`/subsidies/applications/${id}`, cookie)).text();
    const select = /<select[^>]*id="f-productionEnterprise"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1];
    expect(select).toBeTruthy();
    expect(select).toMatch(/<option value="yes" selected="">是<\/option>/);
  });
});
