/**
 * Demo enterprises for `npm start` and the tests — never production. Per demo
 * zone: companies from the zone's seed industries at different onboarding
 * stages (admitted with three years of figures and qualifications, one
 * application waiting for review, one returned for correction), and the demo
 * enterprise and bank of seed-demo.ts completed. Idempotent by USCC.
 */
import { eq } from "drizzle-orm";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../../worker/db/open";
import {
  applicationEvents,
  banks,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  enterprises,
  onboardingApplications,
  users,
} from "../../worker/db/schema";
import { hashPassword } from "../../worker/features/auth/password";
import { newId } from "../../worker/lib/ids";
import { checkCharacter } from "../../worker/lib/uscc";
import { demoBankId, demoEnterpriseId, demoPassword } from "./seed-demo";

interface DemoCompany {
  name: string;
  industry: string;
  industryClass: string;
  stage: "admitted" | "submitted" | "returned";
  revenueWan: number;
  qualifications: string[];
}

const REGION: Record<string, string> = { zibo: "370303", dongying: "370502", changzhi: "140400" };

const COMPANIES: Record<string, DemoCompany[]> = {
  zibo: [
    {
      name: "淄博示范先进陶瓷材料有限公司",
      industry: "new-materials",
      industryClass: "C3073",
      stage: "admitted",
      revenueWan: 26800,
      qualifications: ["hnte", "above-scale", "production"],
    },
    {
      name: "淄博示范生物医药科技有限公司",
      industry: "new-medicine",
      industryClass: "C2720",
      stage: "admitted",
      revenueWan: 7300,
      qualifications: ["hnte", "tech-sme", "production"],
    },
    {
      name: "淄博示范智能传感科技有限公司",
      industry: "electronic-information",
      industryClass: "C3983",
      stage: "submitted",
      revenueWan: 1800,
      qualifications: ["tech-sme"],
    },
    {
      name: "淄博示范数控装备有限公司",
      industry: "intelligent-equipment",
      industryClass: "C3421",
      stage: "returned",
      revenueWan: 4200,
      qualifications: ["production"],
    },
  ],
  dongying: [
    {
      name: "东营示范石油装备制造有限公司",
      industry: "petroleum-equipment",
      industryClass: "C3512",
      stage: "admitted",
      revenueWan: 31500,
      qualifications: ["hnte", "above-scale", "production"],
    },
    {
      name: "东营示范油田技术服务有限公司",
      industry: "petroleum-engineering-services",
      industryClass: "B1120",
      stage: "admitted",
      revenueWan: 5200,
      qualifications: ["tech-sme", "non-production"],
    },
    {
      name: "东营示范新材料科技有限公司",
      industry: "new-energy-materials",
      industryClass: "C2659",
      stage: "submitted",
      revenueWan: 2600,
      qualifications: ["tech-sme"],
    },
  ],
  changzhi: [
    {
      name: "长治示范光伏科技有限公司",
      industry: "photovoltaics",
      industryClass: "C3825",
      stage: "admitted",
      revenueWan: 42000,
      qualifications: ["hnte", "above-scale", "specialised", "production"],
    },
    {
      name: "长治示范电子信息技术有限公司",
      industry: "electronic-information",
      industryClass: "I6520",
      stage: "admitted",
      revenueWan: 3900,
      qualifications: ["tech-sme", "non-production"],
    },
    {
      name: "长治示范炭基材料有限公司",
      industry: "carbon-based-materials",
      industryClass: "C3091",
      stage: "returned",
      revenueWan: 9800,
      qualifications: ["production"],
    },
    {
      name: "长治示范智能装备有限公司",
      industry: "equipment-manufacturing",
      industryClass: "C3499",
      stage: "submitted",
      revenueWan: 2100,
      qualifications: ["tech-sme", "production"],
    },
  ],
};

/** A valid synthetic USCC for the zone's region: 91 + region + MA + serial + check character. */
export function demoUscc(slug: string, serial: number): string {
  const first17 = `91${REGION[slug] ?? "110000"}MA${String(serial).padStart(7, "0")}`;
  return first17 + checkCharacter(first17);
}

const WAN = 1_000_000; // fen in 1 万元

/**
 * The company of the README's `enterprise@<zone>.demo`: a full profile, three
 * years of figures and verified 高新技术企业 and 科技型中小企业 qualifications,
 * so 政策匹配 shows real matches. No 生产型企业 claim: its 制造业 industry class
 * answers that (worker/engines/policy/prefill.ts).
 */
const DEMO_ENTERPRISE: Record<string, { industry: string; industryClass: string }> = {
  zibo: { industry: "new-materials", industryClass: "C2659" },
  dongying: { industry: "new-energy-materials", industryClass: "C3841" },
  changzhi: { industry: "carbon-based-materials", industryClass: "C3091" },
};

/** Fills in seed-demo.ts's bare demo enterprise once (an enterprise without a USCC); later runs leave it as it is. */
async function completeDemoEnterprise(db: TenantDb, zone: ZoneConfig, now: Date) {
  const profile = DEMO_ENTERPRISE[zone.slug];
  const id = demoEnterpriseId(zone.slug);
  const [row] = await db.select({ uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.id, id));
  if (!profile || !row || row.uscc !== null) return;
  const t = now.getTime();
  const year = Number(now.toISOString().slice(0, 4));
  const employees = 120;
  await db
    .update(enterprises)
    .set({
      uscc: demoUscc(zone.slug, 100),
      legalRep: "王示范",
      registeredOn: "2015-06-18",
      registeredCapitalFen: 2000 * WAN,
      address: `${zone.region.city}高新区示范大道 88 号`,
      industry: profile.industry,
      industryClass: profile.industryClass,
      employees,
      contactName: "示范企业经办人",
      contactMobile: "13900000099",
      contactEmail: `enterprise@${zone.slug}.demo`,
      updatedAt: t,
    })
    .where(eq(enterprises.id, id));
  await db
    .insert(enterpriseYearlyFigures)
    .values(
      [year - 3, year - 2, year - 1].map((y, k) => {
        const revenue = Math.round(12000 * WAN * (0.82 + 0.09 * k));
        const rd = Math.round(revenue * 0.052);
        return {
          enterpriseId: id,
          year: y,
          revenueFen: revenue,
          rdExpenseFen: rd,
          rdSuperDeductionFen: Math.round(rd * (0.9 + 0.12 * k)),
          taxPaidFen: Math.round(revenue * 0.06),
          employees: employees + k * 8,
          rdStaff: 30 + k * 3,
          updatedAt: t,
          updatedBy: "seed",
        };
      }),
    )
    .onConflictDoNothing();
  for (const [k, code] of ["hnte", "tech-sme"].entries()) {
    await db.insert(enterpriseQualifications).values({
      id: newId(),
      enterpriseId: id,
      code,
      certificateNo: `${code === "hnte" ? "GR" : "KJ"}${year - 1}37${String(9100 + k)}`,
      issuedOn: `${year - 1}-11-20`,
      validUntil: `${year + 2}-11-19`,
      status: "verified",
      reviewedBy: "seed",
      reviewedAt: t,
      createdAt: t,
    });
  }
}

export async function seedDemoEnterprises(db: TenantDb, zone: ZoneConfig, now = new Date()): Promise<number> {
  const list = COMPANIES[zone.slug];
  if (!list) return 0;
  await completeDemoEnterprise(db, zone, now);
  const industries = new Set(zone.priorityIndustries.map((i) => i.code));
  const t = now.getTime();
  const year = Number(now.toISOString().slice(0, 4));
  const passwordHash = await hashPassword(demoPassword(zone.slug));
  let created = 0;
  await db
    .update(banks)
    .set({
      branch: `${zone.region.city}分行营业部`,
      contactName: "示范客户经理",
      contactPhone: "13800000000",
      contactEmail: `bank@${zone.slug}.demo`,
    })
    .where(eq(banks.id, demoBankId(zone.slug)));
  for (const [i, c] of list.entries()) {
    const uscc = demoUscc(zone.slug, i + 1);
    const industry = industries.has(c.industry) ? c.industry : zone.priorityIndustries[0]!.code;
    const [exists] = await db
      .select({ id: onboardingApplications.id })
      .from(onboardingApplications)
      .where(eq(onboardingApplications.uscc, uscc));
    if (exists) continue;
    const userId = newId();
    const appId = newId();
    const email = `applicant${i + 1}@${zone.slug}.demo`;
    const enterpriseId = c.stage === "admitted" ? newId() : null;
    // One timeline: the account is made when it applies, the enterprise when it is admitted.
    const submittedAt = t - 86_400_000 * (10 - i);
    const decidedAt = c.stage === "admitted" ? t - 86_400_000 * (5 - i) : null;
    const facts = {
      uscc,
      legalRep: "张示范",
      registeredOn: `${2010 + i}-03-18`,
      registeredCapitalFen: (1000 + i * 500) * WAN,
      address: `${zone.region.city}高新区示范路 ${i + 1} 号`,
      industry,
      industryClass: c.industryClass,
      employees: 60 + i * 45,
      contactName: "李联络",
      contactMobile: `1390000000${i}`,
      contactEmail: email,
    };
    await db.insert(users).values({
      id: userId,
      email,
      name: `${c.name.slice(0, 4)}经办人`,
      role: "enterprise",
      enterpriseId: null,
      passwordHash,
      passwordChangedAt: submittedAt,
      createdAt: submittedAt,
      updatedAt: decidedAt ?? submittedAt,
    });
    if (enterpriseId) {
      await db
        .insert(enterprises)
        .values({ id: enterpriseId, name: c.name, createdAt: decidedAt!, updatedAt: decidedAt!, ...facts });
      await db.update(users).set({ enterpriseId }).where(eq(users.id, userId));
      await db.insert(enterpriseYearlyFigures).values(
        [year - 3, year - 2, year - 1].map((y, k) => {
          const revenue = Math.round(c.revenueWan * WAN * (0.82 + 0.09 * k));
          return {
            enterpriseId,
            year: y,
            revenueFen: revenue,
            rdExpenseFen: Math.round(revenue * 0.045),
            rdSuperDeductionFen: Math.round(revenue * 0.045 * (0.9 + 0.12 * k)),
            taxPaidFen: Math.round(revenue * 0.06),
            employees: facts.employees + k * 8,
            rdStaff: Math.round((facts.employees + k * 8) * 0.18),
            updatedAt: t,
            updatedBy: userId,
          };
        }),
      );
      for (const code of c.qualifications) {
        const cert = zone.qualifications.find((q) => q.code === code)?.certificate;
        await db.insert(enterpriseQualifications).values({
          id: newId(),
          enterpriseId,
          code,
          certificateNo: cert ? `GR${year - 1}37${String(1000 + i)}` : null,
          issuedOn: cert ? `${year - 1}-12-01` : null,
          validUntil: cert ? `${year + 2}-11-30` : null,
          status: "verified",
          reviewedBy: "seed",
          reviewedAt: decidedAt!,
          createdAt: submittedAt,
        });
      }
    }
    const status = c.stage === "admitted" ? "approved" : c.stage;
    await db.insert(onboardingApplications).values({
      id: appId,
      status,
      applicantUserId: userId,
      companyName: c.name,
      ...facts,
      qualifications: JSON.stringify(c.qualifications.map((code) => ({ code }))),
      reviewNote:
        c.stage === "returned" ? "营业执照照片不清晰,请重新上传清晰的扫描件;注册资本与执照不一致,请核对。" : null,
      enterpriseId,
      createdAt: submittedAt,
      updatedAt: c.stage === "returned" ? t - 86_400_000 : (decidedAt ?? submittedAt),
      decidedAt,
    });
    const events: (typeof applicationEvents.$inferInsert)[] = [
      { applicationId: appId, at: submittedAt, actorId: userId, actor: email, action: "submitted" },
    ];
    if (c.stage === "admitted")
      events.push({
        applicationId: appId,
        at: decidedAt!,
        actor: `admin@${zone.slug}.demo`,
        action: "approved",
        comment: "材料齐全,同意入驻。",
      });
    if (c.stage === "returned")
      events.push({
        applicationId: appId,
        at: t - 86_400_000,
        actor: `reviewer@${zone.slug}.demo`,
        action: "returned",
        comment: "营业执照照片不清晰,请重新上传清晰的扫描件;注册资本与执照不一致,请核对。",
      });
    await db.insert(applicationEvents).values(events);
    created++;
  }
  return created;
}
