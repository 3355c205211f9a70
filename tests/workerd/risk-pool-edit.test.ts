/**
 * The 风险补偿资金池 after setup, through the real Worker: a claim's materials (sent with the claim form
 * or added through the API while it waits; read by the filing bank and zone staff, a 404 for another
 * bank or the enterprise; wrong type or size refused, nothing stored), a zone admin changing a pool's
 * terms against its revision (audited; stale or invalid edits change nothing) and closing it (no new
 * registrations, enrolments or claims; a claim filed before still gets decided).
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, materials, riskClaims, riskPools } from "../../worker/db/schema";
import { exports } from "cloudflare:workers";
import { call, dbFor, freshIp } from "./auth-support";
import {
  api,
  demo,
  financeEnterprise,
  inDays,
  productBody,
  publishedProduct,
  slug,
  WAN,
  type Json,
} from "./finance-support";
import { host, ORIGIN } from "./subsidies-support";
import { BANK_POOL, CLAIMS, disbursedLoan, fileClaim, POOLS, poolBody, poolWithBank } from "./risk-pool-support";

const db = () => dbFor(slug);
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let admin: string;
let reviewer: string;
let firm: Awaited<ReturnType<typeof financeEnterprise>>;
let a: Awaited<ReturnType<typeof poolWithBank>>;
let other: Awaited<ReturnType<typeof poolWithBank>>;

const multipart = (path: string, cookie: string, fields: Record<string, string | File>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return exports.default.fetch(`http://${host}${path}`, {
    method: "POST",
    headers: { origin: ORIGIN, cookie, "cf-connecting-ip": freshIp() },
    body,
    redirect: "manual",
  });
};
const claimMaterials = (claimId: string) =>
  db()
    .select()
    .from(materials)
    .where(and(eq(materials.ownerKind, "risk_claim"), eq(materials.ownerId, claimId)));
const page = async (path: string, cookie: string) => {
  const res = await call(host, "GET", path, { cookie });
  return { status: res.status, html: await res.text() };
};
const poolRow = async (id: string) => (await db().select().from(riskPools).where(eq(riskPools.id, id)))[0]!;

beforeAll(async () => {
  [admin, reviewer, firm] = await Promise.all([demo("admin"), demo("reviewer"), financeEnterprise()]);
  a = await poolWithBank(admin);
  other = await poolWithBank(admin);
});

describe("a claim's materials", () => {
  it("come with the bank's claim form and are read by the bank and zone staff, a 404 for anyone else", async () => {
    const loan = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    const filed = await multipart("/bank/risk-pool/claims", a.bank.cookie, {
      loanId: loan.id,
      outstanding: "60",
      defaultedOn: inDays(-2),
      recoveryEfforts: "已多次上门催收并发出律师函,企业停产。",
      "file-contract": new File([PDF], "借款合同.pdf", { type: "application/pdf" }),
      "file-npl": new File([PNG], "不良认定.png", { type: "image/png" }),
      "file-other": new File([], ""), // an input left empty is no file
    });
    expect(filed.status).toBe(303);
    const [claim] = await db().select().from(riskClaims).where(eq(riskClaims.loanId, loan.id));
    expect(filed.headers.get("location")).toBe(`/bank/risk-pool/claims/${claim!.id}?done=filed`);
    const rows = await claimMaterials(claim!.id);
    expect(rows.map((m) => [m.kind, m.filename, m.contentType]).sort()).toEqual([
      ["risk_claim:contract", "借款合同.pdf", "application/pdf"],
      ["risk_claim:npl", "不良认定.png", "image/png"],
    ]);
    const contract = rows.find((m) => m.kind === "risk_claim:contract")!;
    for (const [cookie, path] of [
      [a.bank.cookie, `/bank/risk-pool/claims/${claim!.id}`],
      [reviewer, `/admin/risk-pool/claims/${claim!.id}`],
    ] as const) {
      const shown = await page(path, cookie);
      expect(shown.status).toBe(200);
      expect(shown.html).toContain("借款合同.pdf");
      expect(shown.html).toContain(`href="/materials/${contract.id}?download=1"`);
    }
    for (const cookie of [a.bank.cookie, reviewer, admin]) {
      const res = await call(host, "GET", `/materials/${contract.id}`, { cookie });
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    }
    for (const cookie of [other.bank.cookie, firm.cookie]) {
      const res = await call(host, "GET", `/materials/${contract.id}`, { cookie });
      expect(res.status).toBe(404);
      await res.body?.cancel();
    }
    // Another bank's claim page and API answer as a missing claim.
    expect((await page(`/bank/risk-pool/claims/${claim!.id}`, other.bank.cookie)).status).toBe(404);
  });

  it("are added through the API while the claim waits; bad type, oversize or another bank refused", async () => {
    const loan = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    const claimId = ((await fileClaim(a.bank.cookie, loan.id)).body.claim as Json).id as string;
    const path = `${BANK_POOL}/claims/${claimId}/materials`;
    const added = await multipart(path, a.bank.cookie, { kind: "collection", file: new File([PDF], "催收记录.pdf") });
    expect(added.status).toBe(201);
    const material = ((await added.json()) as Json).material as Json;
    expect(material).toMatchObject({ kind: "collection", filename: "催收记录.pdf", url: `/materials/${material.id}` });
    const detail = await api("GET", `${CLAIMS}/${claimId}`, { cookie: reviewer });
    expect((detail.body.claim as Json).materials).toEqual([expect.objectContaining({ id: material.id })]);

    const text = await multipart(path, a.bank.cookie, { kind: "other", file: new File(["不是PDF"], "假的.pdf") });
    expect(text.status).toBe(422);
    expect(((await text.json()) as Json).error).toBeTruthy();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const oversize = await multipart(path, a.bank.cookie, { kind: "other", file: new File([big], "大.pdf") });
    expect(oversize.status).toBe(413);
    await oversize.body?.cancel();
    const foreign = await multipart(path, other.bank.cookie, { kind: "other", file: new File([PDF], "x.pdf") });
    expect(foreign.status).toBe(404);
    await foreign.body?.cancel();
    expect((await claimMaterials(claimId)).map((m) => m.id)).toEqual([material.id]);

    // Once withdrawn (or decided) nothing more is added.
    expect((await api("POST", `${BANK_POOL}/claims/${claimId}/withdraw`, { cookie: a.bank.cookie })).status).toBe(200);
    const late = await multipart(path, a.bank.cookie, { kind: "other", file: new File([PDF], "晚.pdf") });
    expect(late.status).toBe(409);
    await late.body?.cancel();
  });

  it("a refused file on the claim form files no claim and stores nothing", async () => {
    const loan = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    const refused = await multipart("/bank/risk-pool/claims", a.bank.cookie, {
      loanId: loan.id,
      outstanding: "60",
      defaultedOn: inDays(-2),
      recoveryEfforts: "已多次上门催收并发出律师函,企业停产。",
      "file-contract": new File([PDF], "借款合同.pdf"),
      "file-collection": new File(["plain text"], "催收.pdf"),
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("催收.pdf");
    expect(await db().select().from(riskClaims).where(eq(riskClaims.loanId, loan.id))).toEqual([]);
  });
});

describe("changing and closing a pool", () => {
  it("changes the terms against the revision read, audited; stale or invalid edits change nothing", async () => {
    const mine = await poolWithBank(admin);
    const view = (await api("GET", POOLS, { cookie: admin })).body.pools as Json[];
    const read = view.find((p) => p.id === mine.pool.id)!;
    const { sizeFen: _, ...terms } = poolBody();
    const edit = {
      ...terms,
      name: `改名资金池${Date.now() % 1e6}`,
      perLoanCapFen: 200 * WAN,
      coverage: { rules: [{ when: { credit: true }, percent: 70, label: "信用贷" }], defaultPercent: 40 },
      revision: read.revision,
    };
    expect(read.coverageRules).toEqual(poolBody().coverage);
    expect((await api("PATCH", `${POOLS}/${mine.pool.id}`, { cookie: reviewer, data: edit })).status).toBe(403);
    const bad = await api("PATCH", `${POOLS}/${mine.pool.id}`, {
      cookie: admin,
      data: { ...edit, perLoanCapFen: 900 * WAN },
    });
    expect(bad.status).toBe(422);
    const withSize = await api("PATCH", `${POOLS}/${mine.pool.id}`, { cookie: admin, data: { ...edit, sizeFen: 1 } });
    expect(withSize.status).toBe(422);
    const done = await api("PATCH", `${POOLS}/${mine.pool.id}`, { cookie: admin, data: edit });
    expect(done.status).toBe(200);
    const row = await poolRow(mine.pool.id);
    expect(row).toMatchObject({ name: edit.name, perLoanCapFen: 200 * WAN, sizeFen: 1000 * WAN });
    expect(JSON.parse(row.coverage)).toEqual(edit.coverage);
    expect(row.revision).toBe((read.revision as number) + 1);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "risk_pool.edited"), eq(auditLog.target, mine.pool.id)));
    expect(JSON.parse(audit!.detail!)).toMatchObject({ perLoanCapFenBefore: 300 * WAN, perLoanCapFenAfter: 200 * WAN });
    // The same form sent again with the old revision: someone changed the pool since.
    const stale = await api("PATCH", `${POOLS}/${mine.pool.id}`, { cookie: admin, data: { ...edit, name: "旧的" } });
    expect(stale.status).toBe(409);
    expect((await poolRow(mine.pool.id)).name).toBe(edit.name);
  });

  it("edits through the admin page's form in 万元", async () => {
    const mine = await poolWithBank(admin);
    const row = await poolRow(mine.pool.id);
    const res = await call(host, "POST", `/admin/risk-pool/pools/${mine.pool.id}/edit`, {
      cookie: admin,
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: new URLSearchParams({
        revision: String(row.revision),
        name: row.name,
        perLoanCap: "250",
        perBankCap: "900",
        defaultPercent: "45",
        fileWithinDays: "25",
        reviewWithinDays: "12",
        basis: row.basis,
      }).toString(),
    });
    expect(res.status).toBe(303);
    expect(await poolRow(mine.pool.id)).toMatchObject({ perLoanCapFen: 250 * WAN, reviewWithinDays: 12 });
  });

  it("a closed pool takes no registrations, enrolments or claims, and still decides a claim filed before", async () => {
    const mine = await poolWithBank(admin);
    const before = await disbursedLoan({ bankId: mine.bank.id, productId: mine.productId, enterpriseId: firm.id });
    const unclaimed = await disbursedLoan({ bankId: mine.bank.id, productId: mine.productId, enterpriseId: firm.id });
    const claimId = ((await fileClaim(mine.bank.cookie, before.id)).body.claim as Json).id as string;
    expect((await api("POST", `${POOLS}/${mine.pool.id}/close`, { cookie: reviewer })).status).toBe(403);
    const closed = await api("POST", `${POOLS}/${mine.pool.id}/close`, { cookie: admin });
    expect(closed.status).toBe(200);
    expect((closed.body.pool as Json).status).toBe("closed");
    expect((await api("POST", `${POOLS}/${mine.pool.id}/close`, { cookie: admin })).status).toBe(409);

    const after = await disbursedLoan({ bankId: mine.bank.id, productId: mine.productId, enterpriseId: firm.id });
    expect(after.registered).toBe(false);
    const refused = await fileClaim(mine.bank.cookie, unclaimed.id);
    expect(refused.status).toBe(409);
    expect(await db().select().from(riskClaims).where(eq(riskClaims.loanId, unclaimed.id))).toEqual([]);
    const product = await publishedProduct(mine.bank.cookie, productBody(`关闭后${Date.now() % 1e6}`));
    const enrol = await api("POST", `${POOLS}/${mine.pool.id}/products`, {
      cookie: admin,
      data: { productId: product.id },
    });
    expect(enrol.status).toBe(409);

    const approved = await api("POST", `${CLAIMS}/${claimId}/approve`, { cookie: admin, data: {} });
    expect(approved.status).toBe(200);
    expect((approved.body.claim as Json).status).toBe("approved");
    expect((await poolRow(mine.pool.id)).balanceFen).toBeLessThan(1000 * WAN);
  });
});
