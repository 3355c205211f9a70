/**
 * Application numbers through the real Worker: a subsidy application and a
 * loan application get a number people can read out (ZB-2026-000123,
 * ZB-DK-2026-000045) in the API, on the member's, the staff's and the bank's
 * pages and in the mails, and the staff queue, the bank's list and the
 * members' lists find an application by it. (Races and the migration's
 * backfill: worker/db/application-numbers.node.test.ts.)
 */
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../worker/db/schema";
import { call, dbFor } from "./auth-support";
import { act, applied, bankWithStaff, financeEnterprise, FIN, productBody, publishedProduct } from "./finance-support";
import {
  api,
  APPS,
  demo,
  enterpriseWithMember,
  host,
  review,
  slug,
  submitted,
  today,
  type Json,
} from "./subsidies-support";

const year = () => today().slice(0, 4);
const page = async (path: string, cookie: string) => {
  const res = await call(host, "GET", path, { cookie });
  expect(res.status, path).toBe(200);
  return res.text();
};
const mailsTo = (recipient: string, kind: string) =>
  dbFor(slug)
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), like(outbox.kind, kind)));

let reviewer: string;
beforeAll(async () => {
  reviewer = await demo("reviewer");
});

describe("a subsidy application's number", () => {
  it(
    "is in the API, on every page that shows the application, in the mails, " +
      "and finds it in the staff queue and the member's list",
    async () => {
      const ent = await enterpriseWithMember();
      const cookie = ent.member.cookie;
      const id = await submitted(cookie, 100);
      const detail = await api("GET", `${APPS}/${id}`, { cookie });
      const number = detail.body.application.number as string;
      expect(number).toMatch(new RegExp(`^ZB-${year()}-\\d{6}$`));
      const mine = await api("GET", APPS, { cookie });
      const item = (mine.body.applications as Json[]).find((a) => a.id === id)!;
      expect(item.number).toBe(number);
      expect(item).not.toHaveProperty("numberSeq");

      // Pages: the member's list and status page, the staff's queue and detail.
      expect(await page("/subsidies", cookie)).toContain(`编号 ${number}`);
      expect(await page(`/subsidies/applications/${id}`, cookie)).toContain(`申报编号:<strong>${number}</strong>`);
      expect(await page(`/admin/subsidies/applications/${id}`, reviewer)).toContain(
        `申报编号:<strong>${number}</strong>`,
      );

      // Search: the staff queue (API and page) and the member's list, with or without the zone's letters.
      const seq = number.slice(-6);
      for (const q of [number, number.toLowerCase(), `${year()}-${seq}`]) {
        const found = await api("GET", `${APPS}?q=${encodeURIComponent(q)}`, { cookie: reviewer });
        expect(found.status).toBe(200);
        expect(
          (found.body.applications as Json[]).map((a) => a.id),
          q,
        ).toEqual([id]);
      }
      expect((await api("GET", `${APPS}?q=DY-${year()}-${seq}`, { cookie: reviewer })).body.applications).toEqual([]);
      const queue = await page(`/admin/subsidies?q=${encodeURIComponent(number)}`, reviewer);
      expect(queue).toContain(ent.name);
      expect(queue).toContain(`编号 ${number}`);
      expect(queue).toContain("共 1 份申报");
      const other = await enterpriseWithMember();
      const otherId = await submitted(other.member.cookie, 50);
      const narrowed = await page(`/subsidies?q=${encodeURIComponent(number)}`, cookie);
      expect(narrowed).toContain(`编号 ${number}`);
      expect(narrowed).not.toContain(otherId);

      // Mails about it name it.
      expect((await review(reviewer, id, { action: "pass" })).status).toBe(200);
      const [mail] = await mailsTo(ent.member.email, "subsidy_passed");
      expect(mail!.body.startsWith(`申报编号:${number}\n`)).toBe(true);
    },
  );
});

describe("a loan application's number", () => {
  it(
    "is in the API, on the member's and the bank's pages, in the mails both ways, " +
      "and finds it in the bank's and the member's lists",
    async () => {
      const bank = await bankWithStaff();
      const product = await publishedProduct(bank.cookie, productBody(`编号${crypto.randomUUID().slice(0, 6)}`));
      const ent = await financeEnterprise();
      const loan = await applied(ent.cookie, product.id as string);
      const number = loan.number as string;
      expect(number).toMatch(new RegExp(`^ZB-DK-${year()}-\\d{6}$`));

      // The bank's new-application mail was written in the same batch and names it.
      const [told] = await mailsTo(bank.staff[0]!.email, "loan_submitted");
      expect(told!.body).toContain(`(编号 ${number})`);

      // Lists and search: the bank's (API and page) and the member's.
      const seq = number.slice(-6);
      for (const [cookie, q] of [
        [bank.cookie, number],
        [bank.cookie, `DK-${year()}-${Number(seq)}`],
        [ent.cookie, number],
      ] as const) {
        const found = await api("GET", `${FIN}/loans?q=${encodeURIComponent(q)}`, { cookie });
        expect(found.status).toBe(200);
        expect(
          (found.body.applications as Json[]).map((a) => [a.id, a.number]),
          q,
        ).toEqual([[loan.id, number]]);
      }
      expect(
        (await api("GET", `${FIN}/loans?q=${encodeURIComponent(`ZB-${year()}-${seq}`)}`, { cookie: bank.cookie })).body
          .applications,
      ).toEqual([]);
      const bankList = await page(`/bank/loans?q=${encodeURIComponent(number)}`, bank.cookie);
      expect(bankList).toContain(`编号 ${number}`);
      expect(bankList).toContain(ent.name);
      expect(await page(`/finance/loans?q=${encodeURIComponent(number)}`, ent.cookie)).toContain(`编号 ${number}`);
      expect(await page(`/bank/loans/${loan.id}`, bank.cookie)).toContain(`申请编号:<strong>${number}</strong>`);
      expect(await page(`/finance/loans/${loan.id}`, ent.cookie)).toContain(`申请编号:<strong>${number}</strong>`);

      // The bank's step is mailed to the enterprise with the number first.
      expect((await act(bank.cookie, loan.id as string, { action: "accept", revision: loan.revision })).status).toBe(
        200,
      );
      const [accepted] = await mailsTo(ent.email, "loan_accept");
      expect(accepted!.body.startsWith(`申请编号:${number}\n`)).toBe(true);
    },
  );
});
