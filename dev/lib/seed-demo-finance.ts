/**
 * Demo 金融超市 data for `npm start` and the tests — never production. In each
 * demo zone, published loan products of demo banks, named as the seeds name
 * them (seed 004: 科技助保贷, 科技信用贷, 科技快速贷; seed 000 and the Changzhi
 * and Dongying plans: 知识产权质押贷款, 科技保险), and one open financing need
 * of an admitted demo enterprise. The seeds give no amounts or rates: those
 * here are plausible and every product says it is 演示数据. Changzhi has three
 * demo banks (seed-demo.ts's and two more, each with a staff account).
 * Products are checked by the same rules the bank's form applies; idempotent
 * by bank and product name, and by the need's purpose.
 */
import { and, eq } from "drizzle-orm";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../../worker/db/open";
import { banks, financingNeeds, loanProducts, users } from "../../worker/db/schema";
import { hashPassword } from "../../worker/features/auth/password";
import { shanghaiDate } from "../../worker/lib/calendar";
import { ProductInput } from "../../worker/features/finance/products";
import { newId } from "../../worker/lib/ids";
import { demoBankId, demoPassword } from "./seed-demo";

const WAN = 1_000_000; // fen in 1 万元
const DEMO = "(演示数据:额度、利率以银行审批为准)";

interface DemoBank {
  id: string;
  name: string;
  branch: string;
  staff: string | null;
}
type Product = Omit<
  ProductInput,
  | "features"
  | "materials"
  | "region"
  | "contactName"
  | "contactPhone"
  | "industries"
  | "qualifications"
  | "minYears"
  | "minRevenueFen"
> &
  Partial<ProductInput> & { bank: string };

const BANKS: Record<string, DemoBank[]> = {
  changzhi: [
    { id: demoBankId("changzhi", 2), name: "示范农商银行长治高新区支行", branch: "科技金融部", staff: "bank2" },
    { id: demoBankId("changzhi", 3), name: "示范科技银行长治分行", branch: "知识产权金融服务中心", staff: "bank3" },
  ],
};

const PRODUCTS: Record<string, Product[]> = {
  changzhi: [
    {
      bank: demoBankId("changzhi"),
      name: "科技助保贷",
      type: "guarantee",
      minAmountFen: 100 * WAN,
      maxAmountFen: 1000 * WAN,
      minRateBp: 385,
      maxRateBp: 480,
      minTermMonths: 6,
      maxTermMonths: 36,
      guarantees: ["guarantee"],
      minYears: 1,
      features: `政府风险补偿资金池增信,合作担保机构担保,担保费率优惠。${DEMO}`,
      materials: ["营业执照", "近两年财务报表", "担保机构同意担保函"],
    },
    {
      bank: demoBankId("changzhi", 2),
      name: "科技信用贷",
      type: "credit",
      minAmountFen: 50 * WAN,
      maxAmountFen: 500 * WAN,
      minRateBp: 365,
      maxRateBp: 435,
      minTermMonths: 12,
      maxTermMonths: 36,
      guarantees: ["credit"],
      qualifications: ["hnte"],
      minYears: 2,
      minRevenueFen: 2000 * WAN,
      features: `面向高新技术企业的纯信用贷款,无需抵押担保。${DEMO}`,
      materials: ["营业执照", "高新技术企业证书", "近两年财务报表", "纳税证明"],
    },
    {
      bank: demoBankId("changzhi", 2),
      name: "科技快速贷",
      type: "credit",
      minAmountFen: 10 * WAN,
      maxAmountFen: 300 * WAN,
      minRateBp: 420,
      maxRateBp: 550,
      minTermMonths: 3,
      maxTermMonths: 12,
      guarantees: ["credit", "guarantee"],
      qualifications: ["tech-sme"],
      features: `线上申请,资料齐全后3个工作日内审批,随借随还。${DEMO}`,
      materials: ["营业执照", "科技型中小企业入库证明", "近一年纳税记录"],
    },
    {
      bank: demoBankId("changzhi", 3),
      name: "知识产权质押贷",
      type: "ip_pledge",
      minAmountFen: 100 * WAN,
      maxAmountFen: 2000 * WAN,
      minRateBp: 395,
      maxRateBp: 490,
      minTermMonths: 12,
      maxTermMonths: 60,
      guarantees: ["pledge"],
      industries: ["electronic-information", "carbon-based-materials", "equipment-manufacturing", "photovoltaics"],
      minYears: 1,
      features: `以发明专利、实用新型专利或商标专用权质押,评估费用可申请补贴。${DEMO}`,
      materials: ["营业执照", "专利证书或商标注册证", "知识产权评估报告", "近两年财务报表"],
    },
  ],
  zibo: [
    {
      bank: demoBankId("zibo"),
      name: "知识产权质押贷款",
      type: "ip_pledge",
      minAmountFen: 100 * WAN,
      maxAmountFen: 1500 * WAN,
      minRateBp: 390,
      maxRateBp: 480,
      minTermMonths: 12,
      maxTermMonths: 36,
      guarantees: ["pledge"],
      minYears: 1,
      features: `以有效专利权、商标权质押,适合轻资产科技企业。${DEMO}`,
      materials: ["营业执照", "专利证书", "知识产权评估报告", "近两年财务报表"],
    },
    {
      bank: demoBankId("zibo"),
      name: "科技保险贷",
      type: "insurance",
      minAmountFen: 50 * WAN,
      maxAmountFen: 500 * WAN,
      minRateBp: 430,
      maxRateBp: 520,
      minTermMonths: 6,
      maxTermMonths: 24,
      guarantees: ["credit"],
      qualifications: ["tech-sme"],
      features: `由保险公司出具贷款保证保险,免抵押。${DEMO}`,
      materials: ["营业执照", "科技型中小企业入库证明", "近两年财务报表"],
    },
  ],
  dongying: [
    {
      bank: demoBankId("dongying"),
      name: "知识产权质押贷款",
      type: "ip_pledge",
      minAmountFen: 100 * WAN,
      maxAmountFen: 1000 * WAN,
      minRateBp: 400,
      maxRateBp: 490,
      minTermMonths: 12,
      maxTermMonths: 36,
      guarantees: ["pledge"],
      minYears: 1,
      features: `专利权、商标权均可质押,质押范围逐步扩大。${DEMO}`,
      materials: ["营业执照", "专利证书或商标注册证", "知识产权评估报告"],
    },
    {
      bank: demoBankId("dongying"),
      name: "科技型中小企业信用贷",
      type: "credit",
      minAmountFen: 30 * WAN,
      maxAmountFen: 300 * WAN,
      minRateBp: 410,
      maxRateBp: 520,
      minTermMonths: 6,
      maxTermMonths: 24,
      guarantees: ["credit"],
      qualifications: ["tech-sme"],
      minYears: 1,
      features: `风险补偿资金池支持,纯信用。${DEMO}`,
      materials: ["营业执照", "科技型中小企业入库证明", "近一年财务报表"],
    },
  ],
};

/** One open need per zone, from its first admitted demo enterprise. */
const NEEDS: Record<
  string,
  {
    applicant: string;
    amountWan: number;
    termMonths: number;
    purpose: string;
    guarantees: ("credit" | "pledge" | "guarantee" | "mortgage")[];
  }
> = {
  changzhi: {
    applicant: "applicant1",
    amountWan: 800,
    termMonths: 24,
    purpose: "扩建光伏组件生产线,采购设备",
    guarantees: ["guarantee", "pledge"],
  },
  zibo: {
    applicant: "applicant1",
    amountWan: 500,
    termMonths: 12,
    purpose: "采购高纯氧化铝原料,备货旺季订单",
    guarantees: ["credit", "pledge"],
  },
  dongying: {
    applicant: "applicant1",
    amountWan: 300,
    termMonths: 12,
    purpose: "研发新型井下钻具,支付试制费用",
    guarantees: ["pledge"],
  },
};

export async function seedDemoFinance(db: TenantDb, zone: ZoneConfig, now = new Date()): Promise<number> {
  const t = now.getTime();
  let created = 0;
  for (const b of BANKS[zone.slug] ?? []) {
    await db
      .insert(banks)
      .values({
        id: b.id,
        name: b.name,
        branch: b.branch,
        contactName: "示范客户经理",
        contactPhone: "13800000001",
        contactEmail: `${b.staff}@${zone.slug}.demo`,
        createdAt: t,
      })
      .onConflictDoNothing();
    const email = `${b.staff}@${zone.slug}.demo`;
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user)
      await db.insert(users).values({
        id: newId(),
        email,
        name: `${b.name.slice(0, 4)}客户经理`,
        role: "bank",
        bankId: b.id,
        passwordHash: await hashPassword(demoPassword(zone.slug)),
        passwordChangedAt: t,
        status: "active",
        createdAt: t,
        updatedAt: t,
      });
  }
  const industries = new Set(zone.priorityIndustries.map((i) => i.code));
  for (const { bank, ...raw } of PRODUCTS[zone.slug] ?? []) {
    const p = ProductInput.parse({ ...raw, industries: (raw.industries ?? []).filter((c) => industries.has(c)) });
    const [exists] = await db
      .select({ id: loanProducts.id })
      .from(loanProducts)
      .where(and(eq(loanProducts.bankId, bank), eq(loanProducts.name, p.name)));
    if (exists) continue;
    const [owner] = await db.select({ id: banks.id }).from(banks).where(eq(banks.id, bank));
    if (!owner) continue;
    await db.insert(loanProducts).values({
      id: newId(),
      bankId: bank,
      ...p,
      guarantees: JSON.stringify(p.guarantees),
      industries: JSON.stringify(p.industries),
      qualifications: JSON.stringify(p.qualifications),
      materials: JSON.stringify(p.materials),
      status: "published",
      createdBy: "seed",
      createdAt: t,
      updatedAt: t,
      publishedAt: t,
    });
    created++;
  }
  const need = NEEDS[zone.slug];
  const [member] = need
    ? await db
        .select({ id: users.id, enterpriseId: users.enterpriseId })
        .from(users)
        .where(eq(users.email, `${need.applicant}@${zone.slug}.demo`))
    : [];
  if (need && member?.enterpriseId) {
    const [exists] = await db
      .select({ id: financingNeeds.id })
      .from(financingNeeds)
      .where(and(eq(financingNeeds.enterpriseId, member.enterpriseId), eq(financingNeeds.purpose, need.purpose)));
    if (!exists) {
      const day = (n: number) => shanghaiDate(new Date(t + n * 86_400_000));
      await db.insert(financingNeeds).values({
        id: newId(),
        enterpriseId: member.enterpriseId,
        createdBy: member.id,
        amountFen: need.amountWan * WAN,
        termMonths: need.termMonths,
        purpose: need.purpose,
        guarantees: JSON.stringify(need.guarantees),
        neededBy: day(30),
        validUntil: day(120),
        status: "open",
        createdAt: t,
        updatedAt: t,
      });
      created++;
    }
  }
  return created;
}
