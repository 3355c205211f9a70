/**
 * Small programmes for subsidy tests, each with the one rule a test is about
 * (an annual budget, an exclusion group pair, once only, an application
 * window, a condition on a fact), published on top of Zibo's real set as the
 * next version — so the real programmes stay in force beside them. Excerpts
 * are verbatim from Zibo's documents, as publishing requires.
 */
import { eq } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import { wan } from "../../../tenants/policy";
import { loadPolicySet } from "../../../tenants/policy-sets";
import type { TenantDb } from "../../db/open";
import { enterprises, materials, subsidyApplications, subsidyEvents, users } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { PolicyCase, ProgrammeInput } from "../../engines/policy/format/programme";
import { loadCurrentPolicy, loadLatestVersion, type LoadedPolicy } from "../policies/current-policy";
import { publishPolicyVersion } from "../policies/publish-policy-version";
import { shanghaiDate } from "../../lib/calendar";
import type { Actor } from "../../middleware/request-ctx";
import { createApplication } from "./create-application";
import { saveDraft, type DraftInput } from "./save-draft";
import { materialKind, submitApplication } from "./submit-application";
import { subsidyWorld } from "./test-support";

const base = {
  document: "zibo-zichuang-2017",
  clause: "15",
  excerpt: "对通过认定的高新技术企业,给予20万元的扶持资金",
  category: "other" as const,
  applicants: { zh: "园区企业", kinds: ["enterprise" as const] },
  materials: [{ id: "proof", zh: "证明材料", required: true }],
};
const fixed = (fen: number) => [{ kind: "fixed" as const, label: "扶持资金", fen }];

const TEST_PROGRAMMES: ProgrammeInput[] = [
  {
    ...base,
    id: "test-budget",
    title: { zh: "年度预算测试项目", en: "Budget test" },
    amount: fixed(wan(30)),
    annualBudgetFen: wan(100),
  },
  {
    ...base,
    id: "test-excl-a",
    title: { zh: "同类补助甲", en: "Exclusive A" },
    amount: fixed(wan(30)),
    limits: [{ kind: "exclusive", label: "就高不就低,不重复享受", programmes: ["test-excl-b"], per: "year" }],
  },
  {
    ...base,
    id: "test-excl-b",
    title: { zh: "同类补助乙", en: "Exclusive B" },
    amount: fixed(wan(20)),
    limits: [{ kind: "exclusive", label: "就高不就低,不重复享受", programmes: ["test-excl-a"], per: "year" }],
  },
  {
    ...base,
    id: "test-once",
    title: { zh: "只支持一次的项目", en: "Once only" },
    amount: fixed(wan(10)),
    limits: [{ kind: "once", label: "单个企业只扶持一次" }],
  },
  {
    ...base,
    id: "test-window",
    title: { zh: "五月申报的项目", en: "May window" },
    amount: fixed(wan(10)),
    windows: [{ from: "2026-05-01", to: "2026-05-31" }],
  },
  {
    ...base,
    id: "test-patents",
    title: { zh: "专利数量测试项目", en: "Patents test" },
    facts: [{ name: "patents", type: "count", label: { zh: "授权发明专利数", en: "Granted patents" } }],
    conditions: [
      {
        id: "enough-patents",
        label: "授权发明专利3件以上",
        test: { test: "compare", fact: "patents", word: "以上", value: 3 },
      },
    ],
    amount: [{ kind: "perUnit", label: "每件1万元", fact: "patents", fen: wan(1) }],
  },
];

const TEST_CASES: PolicyCase[] = [
  {
    name: "budget: 30万",
    programme: "test-budget",
    facts: {},
    history: [],
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "A alone: 30万",
    programme: "test-excl-a",
    facts: {},
    history: [],
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "B alone: 20万",
    programme: "test-excl-b",
    facts: {},
    history: [],
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "once: 10万",
    programme: "test-once",
    facts: {},
    history: [],
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "in the window: 10万",
    programme: "test-window",
    facts: {},
    history: [],
    date: "2026-05-15",
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "4 patents: 4万",
    programme: "test-patents",
    facts: { patents: 4 },
    history: [],
    expect: { eligible: true, amountFen: wan(4) },
  },
];

/** Publishes Zibo's set plus the test programmes as the next version; returns the policy in force. */
export async function publishTestProgrammes(
  ctx: { db: TenantDb; zone: ZoneConfig; now: Date },
  extra: { programmes?: ProgrammeInput[]; drop?: string[] } = {},
): Promise<LoadedPolicy> {
  const { db, zone, now } = ctx;
  const zibo = await loadPolicySet(zone);
  const programmes = [...zibo.programmes, ...TEST_PROGRAMMES, ...(extra.programmes ?? [])].filter(
    (p) => !extra.drop?.includes(p.id),
  );
  const kept = new Set(programmes.map((p) => p.id));
  const latest = await loadLatestVersion(db);
  await publishPolicyVersion(
    { db, zone, now, ip: null, actor: null, origin: "https://zibo.example.cn" },
    {
      ...zibo,
      label: `测试版${(latest?.id ?? 0) + 1}`,
      programmes,
      cases: [...zibo.cases, ...TEST_CASES].filter((c) => kept.has(c.programme)),
    },
    { baseVersion: latest?.id ?? null },
  );
  return (await loadCurrentPolicy({ db, zone }, shanghaiDate(now)))!;
}

type World = Awaited<ReturnType<typeof subsidyWorld>>;

/** A member's application for a programme, created, filled, given its materials and submitted at `at`. */
export async function submitted(
  w: World,
  policy: LoadedPolicy,
  member: Actor,
  programme: string,
  draft: DraftInput,
  at: Date,
) {
  const ctx = w.ctxAt(at, member);
  const { application } = await createApplication(ctx, policy, { programme }, null);
  await saveDraft(ctx, policy, application.id, draft);
  await attachFor(w.db, policy, application.id, programme, at.getTime());
  return (await submitApplication(ctx, policy, application.id)).application;
}

/** A stand-in file row for each required material of a programme. */
export async function attachFor(
  db: TenantDb,
  policy: LoadedPolicy,
  applicationId: string,
  programmeId: string,
  at = Date.now(),
) {
  for (const m of policy.compiled.programmes.get(programmeId)!.materials) {
    if (!m.required) continue;
    await db.insert(materials).values({
      id: newId(),
      ownerKind: "subsidy_application",
      ownerId: applicationId,
      kind: materialKind(m.id),
      filename: `${m.id}.pdf`,
      contentType: "application/pdf",
      size: 1000,
      sha256: "0".repeat(64),
      blobKey: `zibo/${newId()}`,
      uploadedBy: null,
      createdAt: at,
    });
  }
}

/** A new enterprise with one active member; returns the member as a subsidy actor. */
export async function newEnterprise(db: TenantDb, name: string, at = Date.now()) {
  const enterpriseId = newId();
  const userId = newId();
  await db.insert(enterprises).values({ id: enterpriseId, name, createdAt: at });
  const email = `m-${userId.slice(0, 10).toLowerCase()}@zibo.test`;
  await db.insert(users).values({
    id: userId,
    email,
    name: "经办人",
    role: "enterprise",
    enterpriseId,
    passwordHash: "x",
    passwordChangedAt: at,
    createdAt: at,
    updatedAt: at,
  });
  return { id: userId, email, role: "enterprise" as const, enterpriseId, bankId: null };
}

/** Another staff member (the separation-of-duties tests need two reviewers). */
export async function newStaff(
  db: TenantDb,
  role: "reviewer" | "zone_admin",
  enterpriseId: string | null = null,
  at = Date.now(),
) {
  const id = newId();
  const email = `${role}-${id.slice(0, 10).toLowerCase()}@zibo.test`;
  await db.insert(users).values({
    id,
    email,
    name: "工作人员",
    role,
    enterpriseId,
    passwordHash: "x",
    passwordChangedAt: at,
    createdAt: at,
    updatedAt: at,
  });
  return { id, email, role, enterpriseId, bankId: null };
}

/**
 * An application already at the payment stage (拨付), arranged directly in the
 * database as if it had passed 初审, 复审 and 公示: what the race tests start from.
 */
export async function atPayment(
  db: TenantDb,
  o: {
    programme: string;
    enterpriseId: string;
    createdBy: string;
    amountFen: number;
    policyVersion: number;
    facts?: Record<string, unknown>;
    awardYear?: number;
    at?: number;
    lastPassedBy?: string | null;
  },
) {
  const id = newId();
  const at = o.at ?? Date.now();
  await db.insert(subsidyApplications).values({
    id,
    programmeId: o.programme,
    enterpriseId: o.enterpriseId,
    createdBy: o.createdBy,
    status: "in_review",
    stage: "payment",
    facts: JSON.stringify(o.facts ?? {}),
    policyVersion: o.policyVersion,
    requestedFen: o.amountFen,
    amountFen: o.amountFen,
    awardYear: o.awardYear ?? 2026,
    lastPassedBy: o.lastPassedBy ?? null,
    revision: 5,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    stageEnteredAt: at,
  });
  return id;
}

export async function rowOf(db: TenantDb, id: string) {
  const [row] = await db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id));
  return row!;
}

/**
 * The world most service tests start from: Zibo with the test programmes,
 * applicant1, a reviewer and the admin, on 2026-06-01.
 */
export async function staffedWorld() {
  const w = await subsidyWorld(new Date("2026-06-01T02:00:00Z"));
  const policy = await publishTestProgrammes(w);
  const member = await w.actorOf("applicant1@zibo.demo");
  const r1 = await w.actorOf("reviewer@zibo.demo");
  const admin = await w.actorOf("admin@zibo.demo");
  const title = (id: string) => policy.compiled.programmes.get(id)?.title.zh ?? id;
  const events = async (id: string) =>
    (await w.db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, id))).map((e) => e.action);
  return { w, policy, member, r1, admin, title, events };
}
