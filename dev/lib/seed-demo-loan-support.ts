/**
 * Demo 贴息 and 风险补偿资金池 for `npm start` and the tests — never production (issue 19). In
 * Changzhi: a pool for 科技助保贷 whose figures are 演示 (they follow 珠海's 科技信贷风险补偿金, named
 * in its basis and in the demo document tenants/changzhi/documents/changzhi-loan-support-demo.ts), the
 * product enrolled, two loans taken through the 金融超市 as people take them (申请 → 受理 → 授信 → 放款,
 * each registered to the pool by the 放款 itself), a 贴息 application from the first (the README's
 * enterprise@changzhi.demo), computed by the engine from the loan's record and waiting in 初审 for the
 * bank to confirm the interest, and a compensation claim the bank filed for the second, which fell due
 * unpaid. The services a zone admin, an enterprise and a bank use write it, at the days the timeline
 * gives them, so it is valid by the app's own rules. Idempotent: by the pool's name, the product's
 * enrolment, the loans' idempotency keys, the application's key and the loan's claim.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { ZoneConfig } from "../../tenants/schema";
import { numberValues, takeNumber } from "../../worker/db/application-numbers";
import type { TenantDb } from "../../worker/db/open";
import {
  loanProducts,
  riskClaims,
  riskPoolProducts,
  riskPools,
  subsidyApplications,
  subsidyEvents,
  users,
} from "../../worker/db/schema";
import { evaluate } from "../../worker/engines/policy/evaluate";
import { prefillFromLoan } from "../../worker/engines/policy/loan-facts";
import { actOnLoan, type BankAction } from "../../worker/features/finance/act-on-loan";
import { applyForLoan } from "../../worker/features/finance/loan-applications";
import { loadCurrentPolicy } from "../../worker/features/policies/current-policy";
import { createPool } from "../../worker/features/risk-pool/create-pool";
import { enrolProduct } from "../../worker/features/risk-pool/enrol-product";
import { fileClaim } from "../../worker/features/risk-pool/file-claim";
import { loanRecordOf, loanSourceQuery } from "../../worker/features/subsidies/application-loan";
import { dueOnFor } from "../../worker/features/subsidies/context";
import { shanghaiDate } from "../../worker/lib/calendar";
import { newId } from "../../worker/lib/ids";
import { lprSeries } from "../../worker/lib/lpr";
import type { Actor } from "../../worker/middleware/request-ctx";
import { zoneOrigin } from "../../worker/env";
import { publicUrlTemplate } from "./local-ports";
import { demoBankId, demoEnterpriseId } from "./seed-demo-ids";

const WAN = 1_000_000; // fen in 1 万元
const DAY = 86_400_000;
const PRODUCT = "科技助保贷";
export const DEMO_POOL_NAME = "科技助保贷风险补偿资金池(演示)";
export const DEMO_SUBSIDY_KEY = "demo-loan-interest-subsidy";
const PROGRAMME = "changzhi-loan-interest-subsidy";

/** The pool as 园区设置 would take it; the figures follow 珠海 (演示), the basis says so and where. */
const POOL = {
  name: DEMO_POOL_NAME,
  sizeFen: 4000 * WAN,
  perLoanCapFen: 300 * WAN,
  perBankCapFen: 1000 * WAN,
  coverage: {
    rules: [
      { when: { firstLoan: true }, percent: 90, label: "首贷" },
      { when: { credit: true }, percent: 70, label: "信用贷" },
    ],
    defaultPercent: 50,
  },
  fileWithinDays: 60,
  reviewWithinDays: 20,
  basis:
    "演示数据,不是长治高新区的正式政策。依据:长治高新区科技型企业贷款贴息和风险补偿资金池办法(演示)第六条至第九条。" +
    "规模4000万元、首贷90%/信用贷70%/其他50%、单笔最高300万元参照珠海市科技信贷风险补偿金" +
    "(https://kjjr.zhsti.net/technology.html);单家银行上限、申请和审核时限为演示设定。",
};

/** The two demo loans: who takes them, on what terms, and how many days before `now` each step happened. */
const LOANS = [
  {
    key: "demo-loan-support-interest",
    member: "enterprise",
    amountFen: 500 * WAN,
    rateBp: 385,
    termMonths: 24,
    note: "采购研发检测设备,扩大炭基新材料中试线",
    appliedDaysAgo: 128,
    disbursedDaysAgo: 120,
  },
  {
    key: "demo-loan-support-claim",
    member: "applicant2",
    amountFen: 300 * WAN,
    rateBp: 420,
    termMonths: 6,
    note: "补充流动资金,支付原材料货款",
    appliedDaysAgo: 208,
    disbursedDaysAgo: 200,
  },
] as const;

const CLAIM = {
  outstandingFen: 240 * WAN,
  defaultedDaysAgo: 15,
  filedDaysAgo: 3,
  recoveryEfforts:
    "贷款到期未能归还。已向借款企业送达催收通知书两次,与合作担保机构协商代偿,担保机构代偿能力不足;" +
    "已委托律师向法院申请诉前财产保全,正在追偿。",
};

type Demo = { db: TenantDb; zone: ZoneConfig; origin: string; ip: string };

export async function seedDemoLoanSupport(db: TenantDb, zone: ZoneConfig, now = new Date()): Promise<number> {
  if (zone.slug !== "changzhi") return 0;
  const demo: Demo = {
    db,
    zone,
    origin: zoneOrigin({ PUBLIC_URL_TEMPLATE: publicUrlTemplate() }, zone.slug),
    ip: "127.0.0.1",
  };
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const [admin, bank] = await Promise.all([
    actorOf(db, `admin@${zone.slug}.demo`),
    actorOf(db, `bank@${zone.slug}.demo`),
  ]);
  const [product] = await db
    .select()
    .from(loanProducts)
    .where(and(eq(loanProducts.bankId, demoBankId(zone.slug)), eq(loanProducts.name, PRODUCT)));
  if (!admin || !bank || !product) return 0;
  let created = 0;

  // The pool is set up, and the product enrolled, before either loan: 放款 registers only enrolled products.
  let [pool] = await db.select().from(riskPools).where(eq(riskPools.name, POOL.name));
  if (!pool) {
    pool = await createPool({ ...demo, now: at(400), actor: admin }, POOL);
    created++;
  }
  const [enrolled] = await db
    .select({ id: riskPoolProducts.id })
    .from(riskPoolProducts)
    .where(and(eq(riskPoolProducts.productId, product.id), isNull(riskPoolProducts.unenrolledAt)));
  if (!enrolled) {
    await enrolProduct({ ...demo, now: at(399), actor: admin }, pool.id, product.id);
    created++;
  }

  const loanIds: string[] = [];
  for (const l of LOANS) {
    const member = await actorOf(db, `${l.member}@${zone.slug}.demo`);
    if (!member?.enterpriseId) return created;
    const step = (daysAgo: number, actor: Actor) => ({ ...demo, now: at(daysAgo), actor });
    const { application, created: isNew } = await applyForLoan(
      step(l.appliedDaysAgo, member),
      { productId: product.id, amountFen: l.amountFen, termMonths: l.termMonths, note: l.note, consent: true },
      l.key,
    );
    if (isNew) created++;
    // Each bank step from where the loan stands, so a seed interrupted half way finishes the rest.
    let { status, revision } = application;
    const act = async (daysAgo: number, input: BankAction) => {
      const row = await actOnLoan(step(daysAgo, bank), application.id, { ...input, revision });
      ({ status, revision } = row.application);
    };
    if (status === "submitted") await act(l.appliedDaysAgo - 1, { action: "accept" });
    if (status === "accepted")
      await act(l.appliedDaysAgo - 3, {
        action: "approve",
        amountFen: l.amountFen,
        rateBp: l.rateBp,
        termMonths: l.termMonths,
      });
    if (status === "approved")
      await act(l.disbursedDaysAgo, {
        action: "disburse",
        amountFen: l.amountFen,
        disbursedOn: shanghaiDate(at(l.disbursedDaysAgo)),
      });
    loanIds.push(application.id);
  }
  const [interestLoan, claimLoan] = loanIds as [string, string];

  if (await seedInterestApplication(demo, interestLoan, now)) created++;

  const [claimed] = await db.select({ id: riskClaims.id }).from(riskClaims).where(eq(riskClaims.loanId, claimLoan));
  if (!claimed) {
    await fileClaim(
      { ...demo, now: at(CLAIM.filedDaysAgo), actor: bank },
      {
        loanId: claimLoan,
        outstandingFen: CLAIM.outstandingFen,
        defaultedOn: shanghaiDate(at(CLAIM.defaultedDaysAgo)),
        recoveryEfforts: CLAIM.recoveryEfforts,
      },
    );
    created++;
  }
  return created;
}

/**
 * The 贴息 application from the loan, submitted and in 初审: its facts are the loan's record
 * (prefillFromLoan, as 申请贴息 fills them) and what the enterprise enters — the last day of the
 * period and the interest the bank charged over it (the contract's, to the fen) — and its evaluation
 * is the engine's on the zone's LPR. The bank has not confirmed the interest yet: that is the demo.
 * Written like seed-demo-subsidies.ts's applications (submitting through the service would need
 * uploaded files); nothing when the programme is not in force or the evaluation fails.
 */
async function seedInterestApplication({ db, zone }: Demo, loanId: string, now: Date): Promise<boolean> {
  const enterpriseId = demoEnterpriseId(zone.slug);
  const [exists] = await db
    .select({ id: subsidyApplications.id })
    .from(subsidyApplications)
    .where(
      and(eq(subsidyApplications.enterpriseId, enterpriseId), eq(subsidyApplications.idempotencyKey, DEMO_SUBSIDY_KEY)),
    );
  if (exists) return false;
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, `enterprise@${zone.slug}.demo`));
  const [loan] = await loanSourceQuery(db, loanId);
  const submittedAt = now.getTime() - 5 * DAY;
  const today = shanghaiDate(new Date(submittedAt));
  const policy = await loadCurrentPolicy({ db, zone }, today);
  const programme = policy?.compiled.programmes.get(PROGRAMME);
  if (!user || !loan || loan.status !== "disbursed" || !policy || !programme) return false;
  const record = loanRecordOf(loan);
  const interestTo = shanghaiDate(new Date(now.getTime() - 10 * DAY));
  const days = (Date.parse(interestTo) - Date.parse(record.disbursedOn)) / DAY + 1;
  // The contract's interest over the period, rounded half up to the fen: what the bank charged.
  const paid = Math.floor((record.amountFen * record.rateBp * days + 1_800_000) / 3_600_000);
  const facts = { ...prefillFromLoan(programme, record), interestTo, interestPaid: paid };
  const result = evaluate(programme, { facts, history: [], date: today, lpr: lprSeries(zone.finance.lpr) });
  if (result.eligible !== true) return false;
  const stage = zone.subsidy.stages[0]!;
  const createdAt = submittedAt - 2 * 3_600_000;
  const id = newId();
  const year = Number(shanghaiDate(new Date(createdAt)).slice(0, 4));
  await takeNumber(db, "subsidy", year);
  await db.insert(subsidyApplications).values({
    id,
    ...numberValues("subsidy", year),
    programmeId: programme.id,
    enterpriseId,
    createdBy: user.id,
    facts: JSON.stringify(facts),
    idempotencyKey: DEMO_SUBSIDY_KEY,
    loanId,
    policyVersion: policy.version.id,
    evaluation: JSON.stringify({ ...result, policyVersion: policy.version.id }),
    requestedFen: result.amountFen,
    amountFen: result.amountFen,
    awardYear: Number(today.slice(0, 4)),
    submittedAt,
    status: "in_review",
    stage: stage.key,
    stageEnteredAt: submittedAt,
    dueOn: dueOnFor(zone, stage, today),
    createdAt,
    updatedAt: submittedAt,
  });
  await db.insert(subsidyEvents).values([
    {
      applicationId: id,
      at: createdAt,
      actorId: user.id,
      actor: user.email,
      action: "created",
      note: programme.title.zh,
    },
    {
      applicationId: id,
      at: submittedAt,
      actorId: user.id,
      actor: user.email,
      action: "submitted",
      toStage: stage.key,
      amountFen: result.amountFen,
    },
  ]);
  return true;
}

async function actorOf(db: TenantDb, email: string): Promise<Actor | undefined> {
  const [u] = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      enterpriseId: users.enterpriseId,
      bankId: users.bankId,
    })
    .from(users)
    .where(eq(users.email, email));
  return u;
}

/** The demo loans' idempotency keys (the interest loan's first), for the tests. */
export const DEMO_LOAN_KEYS = LOANS.map((l) => l.key);
