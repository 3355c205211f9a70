/**
 * A "%" or "_" typed into a search means itself. The searches escaped them with
 * a backslash but their LIKE had no ESCAPE clause, so the backslash was an
 * ordinary character and a search for "%" or "_" found nothing.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { enterprises } from "../../worker/db/schema";
import { dbFor } from "./auth-support";
import { applied, bankWithStaff, financeEnterprise, publishedProduct, productBody } from "./finance-support";
import { api, demo, enterpriseWithMember, slug, submitted } from "./subsidies-support";

const rename = (id: string, name: string) =>
  dbFor(slug).update(enterprises).set({ name }).where(eq(enterprises.id, id));
const tag = () => crypto.randomUUID().slice(0, 6);

describe("the subsidy queue's search", () => {
  let percent: { id: string; name: string };
  let underscore: { id: string; name: string };
  let reviewer: string;

  beforeAll(async () => {
    reviewer = await demo("reviewer");
    const [a, b] = await Promise.all([enterpriseWithMember(), enterpriseWithMember()]);
    percent = { id: await submitted(a.member.cookie, 100), name: `百分之百%科技${tag()}有限公司` };
    underscore = { id: await submitted(b.member.cookie, 100), name: `下划线_材料${tag()}有限公司` };
    await Promise.all([rename(a.id, percent.name), rename(b.id, underscore.name)]);
  });

  const search = async (q: string) => {
    const res = await api("GET", `/api/v1/subsidies/applications?q=${encodeURIComponent(q)}`, { cookie: reviewer });
    expect(res.status).toBe(200);
    return res.body.applications as { id: string; enterprise: string }[];
  };

  it("finds an enterprise named with a % by searching %, and only names holding one", async () => {
    const found = await search("%");
    expect(found.map((a) => a.id)).toContain(percent.id);
    expect(found.map((a) => a.id)).not.toContain(underscore.id);
    for (const a of found) expect(a.enterprise).toContain("%");
  });

  it("finds an enterprise named with an _ by searching _, and only names holding one", async () => {
    const found = await search("_");
    expect(found.map((a) => a.id)).toContain(underscore.id);
    expect(found.map((a) => a.id)).not.toContain(percent.id);
    for (const a of found) expect(a.enterprise).toContain("_");
  });

  it("finds by a part of a name that holds the wildcard", async () => {
    expect((await search(percent.name.slice(2, 10))).map((a) => a.id)).toEqual([percent.id]);
  });
});

describe("the loan list's search", () => {
  it("finds a % or _ in an enterprise's name as itself", async () => {
    const bank = await bankWithStaff();
    const product = await publishedProduct(bank.cookie, productBody(tag()));
    const [a, b] = await Promise.all([financeEnterprise(), financeEnterprise()]);
    const [loanA, loanB] = [await applied(a.cookie, product.id), await applied(b.cookie, product.id)];
    await Promise.all([rename(a.id, `百分之百%贷款${tag()}公司`), rename(b.id, `下划线_贷款${tag()}公司`)]);
    const ids = async (q: string) => {
      const res = await api("GET", `/api/v1/finance/loans?q=${encodeURIComponent(q)}`, { cookie: bank.cookie });
      expect(res.status).toBe(200);
      return (res.body.applications as { id: string }[]).map((l) => l.id);
    };
    expect(await ids("%")).toEqual([loanA.id]);
    expect(await ids("_")).toEqual([loanB.id]);
  });
});
