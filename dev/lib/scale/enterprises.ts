/**
 * Scaled enterprises: each admitted through an approved 申请入驻 (with its timeline), with a
 * member account, three years of figures and the qualifications such a zone has (about a
 * third 高新技术企业, half 科技型中小企业, with validity dates, a few lapsed); plus companies
 * still in the onboarding queue (submitted, returned, rejected). Rows only: ./write.ts inserts.
 */
import type {
  applicationEvents,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  enterprises,
  onboardingApplications,
  users,
} from "../../../worker/db/schema";
import type { Profile } from "../../../worker/engines/policy/format/programme";
import { demoUscc } from "../seed-demo-enterprises";
import { DAY, daysAgo, HOUR, type ScaleContext, scaleEmail, WAN, yearOf } from "./context";
import { companyName, industryClassOf, mobile, personName } from "./names";

export interface ScaledEnterprise {
  id: string;
  userId: string;
  email: string;
  createdAt: number;
  profile: Profile;
}

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export interface EnterpriseRows {
  enterprises: Insert<typeof enterprises>[];
  users: Insert<typeof users>[];
  figures: Insert<typeof enterpriseYearlyFigures>[];
  qualifications: Insert<typeof enterpriseQualifications>[];
  onboarding: Insert<typeof onboardingApplications>[];
  onboardingEvents: Insert<typeof applicationEvents>[];
  /** What the subsidy builder evaluates programmes against. */
  admitted: ScaledEnterprise[];
}

/** Companies waiting in (or refused from) the onboarding queue, per admitted enterprise. */
const QUEUE = { submitted: 0.05, returned: 0.01, rejected: 0.01 } as const;

const two = (n: number) => String(n).padStart(2, "0");
const pad = (i: number) => String(i + 1).padStart(5, "0");

export function buildEnterprises(ctx: ScaleContext): EnterpriseRows {
  const { zone, rng } = ctx;
  const out: EnterpriseRows = {
    enterprises: [],
    users: [],
    figures: [],
    qualifications: [],
    onboarding: [],
    onboardingEvents: [],
    admitted: [],
  };
  const industries = zone.priorityIndustries.map((p) => p.code);
  const qualificationCodes = new Set(zone.qualifications.map((q) => q.code));
  // Staff actions are written as the zone's demo staff would have taken them.
  const admin = `admin@${zone.slug}.demo`;
  const lastYear = yearOf(ctx.now) - 1;
  const queued = Object.entries(QUEUE).flatMap(([status, share]) =>
    Array.from({ length: Math.ceil(ctx.counts.enterprises * share) }, () => status as keyof typeof QUEUE),
  );
  const total = ctx.counts.enterprises + queued.length;
  for (let i = 0; i < total; i++) {
    const admitted = i < ctx.counts.enterprises;
    const industry = rng.pick(industries);
    const name = companyName(rng, zone.region.city, industry, i);
    const userId = ctx.id("user", i);
    const appId = ctx.id("onboarding", i);
    const email = scaleEmail(ctx, `qiye${pad(i)}`);
    // Admitted over the last four years; the queue is recent.
    const submittedAt = admitted ? daysAgo(ctx, rng.int(20, 1_460)) : daysAgo(ctx, rng.int(1, 25));
    const decidedAt = submittedAt + rng.int(2, 15) * DAY;
    const employees = rng.int(8, 900);
    const facts = {
      uscc: demoUscc(zone.slug, 1_000_000 + ctx.run * 100_000 + i),
      legalRep: personName(rng),
      registeredOn: `${rng.int(1998, lastYear - 1)}-${two(rng.int(1, 12))}-${two(rng.int(1, 28))}`,
      registeredCapitalFen: rng.int(50, 20_000) * WAN,
      address: `${zone.region.city}高新区${rng.pick(["柳泉路", "鲁泰大道", "华光路", "联通路", "民祥路"])} ${rng.int(1, 300)} 号`,
      industry,
      industryClass: industryClassOf(rng, industry),
      employees,
      contactName: personName(rng),
      contactMobile: mobile(rng),
      contactEmail: email,
    };
    const status = admitted ? "approved" : queued[i - ctx.counts.enterprises]!;
    const enterpriseId = admitted ? ctx.id("enterprise", i) : null;
    const claimed = qualificationsOf(ctx, lastYear).filter((q) => qualificationCodes.has(q.code));
    out.users.push({
      id: userId,
      email,
      name: `${facts.contactName}`,
      role: "enterprise",
      enterpriseId,
      passwordHash: ctx.passwordHash,
      passwordChangedAt: submittedAt,
      status: "active",
      mobile: facts.contactMobile,
      createdAt: submittedAt,
      updatedAt: admitted ? decidedAt : submittedAt,
    });
    out.onboarding.push({
      id: appId,
      status,
      applicantUserId: userId,
      companyName: name,
      ...facts,
      qualifications: JSON.stringify(
        claimed.map(({ code, certificateNo, issuedOn, validUntil }) => ({ code, certificateNo, issuedOn, validUntil })),
      ),
      reviewNote:
        status === "returned"
          ? "营业执照扫描件不清晰,请重新上传。"
          : status === "rejected"
            ? "注册地址不在本园区范围内。"
            : null,
      enterpriseId,
      createdAt: submittedAt,
      updatedAt: status === "submitted" ? submittedAt : decidedAt,
      decidedAt: admitted || status === "rejected" ? decidedAt : null,
    });
    out.onboardingEvents.push({
      applicationId: appId,
      at: submittedAt,
      actorId: userId,
      actor: email,
      action: "submitted",
    });
    if (status !== "submitted")
      out.onboardingEvents.push({
        applicationId: appId,
        at: decidedAt,
        actor: admin,
        action: status,
        comment: status === "approved" ? "材料齐全,同意入驻。" : out.onboarding.at(-1)!.reviewNote,
      });
    if (!enterpriseId) continue;
    out.enterprises.push({
      id: enterpriseId,
      name,
      createdAt: decidedAt,
      updatedAt: decidedAt,
      status: "active",
      ...facts,
    });
    const figures: Profile["figures"] = [];
    const revenueWan = Math.round(employees * rng.int(30, 160));
    for (const [k, year] of [lastYear - 2, lastYear - 1, lastYear].entries()) {
      const revenue = Math.round(revenueWan * WAN * (0.8 + 0.1 * k + rng.next() * 0.1));
      const rd = Math.round(revenue * (0.02 + rng.next() * 0.08));
      const row = {
        year,
        revenueFen: revenue,
        rdExpenseFen: rd,
        rdSuperDeductionFen: Math.round(rd * (0.9 + rng.next() * 0.2)),
        taxPaidFen: Math.round(revenue * (0.03 + rng.next() * 0.05)),
        employees: employees + k * rng.int(0, 12),
        rdStaff: Math.round(employees * (0.08 + rng.next() * 0.2)),
      };
      figures.push(row);
      out.figures.push({ enterpriseId, ...row, updatedAt: decidedAt + HOUR, updatedBy: userId });
    }
    const verified: string[] = [];
    for (const [k, q] of claimed.entries()) {
      out.qualifications.push({
        id: ctx.id("qualification", i * 8 + k),
        enterpriseId,
        ...q,
        status: "verified",
        reviewedBy: admin,
        reviewedAt: decidedAt,
        createdAt: submittedAt,
      });
      if (!q.validUntil || q.validUntil >= `${lastYear + 1}`) verified.push(q.code);
    }
    out.admitted.push({
      id: enterpriseId,
      userId,
      email,
      createdAt: decidedAt,
      profile: {
        qualifications: verified,
        industry,
        industryClass: facts.industryClass,
        employees,
        registeredCapitalFen: facts.registeredCapitalFen,
        figures,
      },
    });
  }
  return out;
}

interface Claimed {
  code: string;
  certificateNo: string | null;
  issuedOn: string | null;
  validUntil: string | null;
}

/** 高企 certificates run three years; 科技型中小企业 入库 one. Some have lapsed. */
function qualificationsOf({ rng }: ScaleContext, lastYear: number): Claimed[] {
  const out: Claimed[] = [];
  const dated = (code: string, prefix: string, years: number) => {
    const issued = rng.int(lastYear - years, lastYear);
    const month = String(rng.int(1, 12)).padStart(2, "0");
    out.push({
      code,
      certificateNo: `${prefix}${issued}37${String(rng.int(0, 99_999)).padStart(5, "0")}`,
      issuedOn: `${issued}-${month}-15`,
      validUntil: `${issued + years}-${month}-14`,
    });
  };
  if (rng.chance(0.32)) dated("hnte", "GR", 3);
  if (rng.chance(0.5)) dated("tech-sme", "KJ", 1);
  if (rng.chance(0.1)) dated("specialised", "ZJ", 3);
  if (rng.chance(0.25)) out.push({ code: "above-scale", certificateNo: null, issuedOn: null, validUntil: null });
  out.push({
    code: rng.chance(0.7) ? "production" : "non-production",
    certificateNo: null,
    issuedOn: null,
    validUntil: null,
  });
  return out;
}
