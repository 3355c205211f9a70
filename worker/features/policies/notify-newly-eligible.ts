/**
 * 免申即享 notices: when a new policy version takes effect, every active
 * enterprise that qualifies for a programme it did not qualify for under the
 * previous version (or that is new) is told, through the outbox, by email to
 * each of its active members. "Qualifies" means eligible on what the platform
 * already knows, so the notice never promises what the enterprise must still prove.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { users } from "../../db/schema";
import type { CompiledPolicySet } from "../../engines/policy/compile";
import { citeClause } from "../../engines/policy/citation";
import { formatMoney } from "../../lib/money";
import { fitOf } from "../../engines/policy/rank";
import { shanghaiDate } from "../../lib/calendar";
import { outboxInsert } from "../outbox/enqueue-message";
import { loadEnterpriseProfiles } from "./enterprise-profiles";

export async function notifyNewlyEligible(
  { db, zone, now, origin }: { db: TenantDb; zone: ZoneConfig; now: Date; origin: string },
  { before, after, versionId }: { before: CompiledPolicySet | null; after: CompiledPolicySet; versionId: number },
): Promise<number> {
  const today = shanghaiDate(now);
  const enterprises = await loadEnterpriseProfiles({ db }, today);
  if (!enterprises.length) return 0;
  const members = await db
    .select({ email: users.email, enterpriseId: users.enterpriseId })
    .from(users)
    .where(and(eq(users.role, "enterprise"), eq(users.status, "active"), isNotNull(users.enterpriseId)));
  const emailsOf = new Map<string, string[]>();
  for (const m of members) emailsOf.set(m.enterpriseId!, [...(emailsOf.get(m.enterpriseId!) ?? []), m.email]);

  const inserts = [];
  for (const e of enterprises) {
    const emails = emailsOf.get(e.id);
    if (!emails?.length) continue;
    const newly = after.list
      .filter((p) => p.applicants.kinds.includes("enterprise"))
      .map((p) => fitOf(p, e.profile, e.history, today))
      // Only where its own records prove a condition: "nothing fails" alone is no reason to write to anyone.
      .filter((f) => f.tier === "eligible")
      .filter((f) => {
        const old = before?.programmes.get(f.programme.id);
        return !old || fitOf(old, e.profile, e.history, today).tier !== "eligible";
      });
    if (!newly.length) continue;
    const lines = newly.map((f) => {
      const amount =
        f.result.amountFen !== null
          ? `预计${formatMoney(f.result.amountFen)}`
          : (f.result.amountNote ?? "金额经评审确定");
      const link = `${origin}/policies/programmes/${f.programme.id}`;
      return `· ${f.programme.title.zh}(${citeClause(f.programme.clause)}):${amount}\n  ${link}`;
    });
    const body =
      `${e.name}:\n\n${zone.shortName.zh}发布了第${versionId}版政策。根据贵企业在平台登记的资料,以下项目贵企业新近符合条件:\n\n` +
      `${lines.join("\n")}\n\n以上为按现有资料的测算,以审核结果为准。查看全部匹配项目:${origin}/policies/match\n`;
    for (const email of emails) {
      inserts.push(
        outboxInsert(
          db,
          {
            channel: "email",
            recipient: email,
            subject: `【${zone.shortName.zh}】政策更新:贵企业新符合${newly.length}个扶持项目`,
            body,
            kind: "policy_newly_eligible",
          },
          now,
        ),
      );
    }
  }
  // Batches keep each write small; the outbox deliverer sends them later.
  for (let i = 0; i < inserts.length; i += 50) {
    const chunk = inserts.slice(i, i + 50);
    await db.batch(chunk as [(typeof chunk)[number], ...typeof chunk]);
  }
  return inserts.length;
}
