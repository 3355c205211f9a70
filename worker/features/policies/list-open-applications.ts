/**
 * A member's standing on one programme, for its page: the applications of it
 * still open — a draft it can go on with, or one in review (公示 included) or
 * returned — and whether a new one would be refused on the limits alone, as
 * create-application.ts judges them (a once-only programme in progress or
 * awarded, a yearly cap used up or reserved: a 409). The page then names and
 * links the application instead of offering an 在线申报 that ends on that 409.
 * One batch of two reads, only for a signed-in enterprise member.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { subsidyApplications } from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import type { CompiledProgramme } from "../../engines/policy/evaluate";
import {
  awardHistoryQuery,
  EMPTY_HISTORY,
  historiesByEnterprise,
  IN_PROGRESS,
  limitsRefusing,
} from "../subsidies/award-history";
import { standing } from "../subsidies/get-application";
import { STATUS_ZH } from "../../../web/labels/subsidies";
import type { ProgrammeStanding } from "../../../web/pages/policy/view-types";
import type { RequestCtx } from "../../middleware/request-ctx";

/**
 * `programme` may still be reading (the policy in force): the two reads need only its id, so they go
 * out beside it — the programme page is one round trip.
 */
export async function listOpenApplications(
  { db, zone }: Pick<RequestCtx, "db" | "zone">,
  o: {
    enterpriseId: string;
    programmeId: string;
    programme: CompiledProgramme | Promise<CompiledProgramme>;
    today: string;
  },
): Promise<ProgrammeStanding> {
  const { enterpriseId, today } = o;
  const [[rows, awardRows], programme] = await Promise.all([
    db.batch([
      db
        .select()
        .from(subsidyApplications)
        .where(
          and(
            eq(subsidyApplications.enterpriseId, enterpriseId),
            eq(subsidyApplications.programmeId, o.programmeId),
            inArray(subsidyApplications.status, ["draft", ...IN_PROGRESS]),
          ),
        )
        .orderBy(desc(subsidyApplications.createdAt))
        .limit(20),
      awardHistoryQuery(db, enterpriseId),
    ]),
    o.programme,
  ]);
  const history = historiesByEnterprise(awardRows).get(enterpriseId) ?? EMPTY_HISTORY;
  // The same judgement create-application.ts makes before writing a draft: limits on the history, no facts yet.
  const refusedBy = limitsRefusing(programme, history, today).map((c) => `${c.label}(${c.clause})——${c.reason}`);
  const open = rows.map((r) => ({
    id: r.id,
    number: applicationNumber(zone, "subsidy", r),
    kind: r.status === "draft" ? ("draft" as const) : ("in_progress" as const),
    // 退回补正 without its stage: the notice puts it in brackets already.
    label: r.status === "in_review" ? standing(zone, r).label : STATUS_ZH[r.status],
  }));
  return { open, refusedBy };
}
