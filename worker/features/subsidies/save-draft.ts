/**
 * Autosave: a draft (or a returned application being corrected) keeps what the
 * user has typed as they type it. Valid facts are stored as facts; the form's
 * raw values are kept too, so nothing typed is lost even when not yet valid.
 * A save names the revision it started from; a stale save (another tab) is a 409.
 * 贴息: on an application started from a loan, the facts the loan's record holds are put back as the
 * record has them, whatever was sent (application-loan.ts withLoanFacts).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { subsidyApplications, type SubsidyApplicationRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { CompiledProgramme } from "../../engines/policy/evaluate";
import { parseFacts } from "../../engines/policy/facts";
import type { LoadedPolicy } from "../policies/current-policy";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { viewOf } from "../policies/search-programmes";
import { type LoanSource, loanOfApplicationQuery, withLoanFacts } from "./application-loan";
import { readableApplication } from "./context";

export interface DraftInput {
  /** Facts as the engine takes them (money in fen); invalid ones are reported, not stored. */
  facts?: Record<string, unknown> | undefined;
  /** The page's form as typed (strings), kept verbatim. */
  formValues?: Record<string, string> | undefined;
  projectCode?: string | null | undefined;
}

const EDITABLE: SubsidyApplicationRow["status"][] = ["draft", "returned"];

export function draftUpdate(programme: CompiledProgramme, input: DraftInput) {
  const errors: Record<string, string> = {};
  const facts: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input.facts ?? {})) {
    const one = parseFacts(programme, { [name]: value });
    if (one.ok) Object.assign(facts, one.facts);
    else Object.assign(errors, one.errors);
  }
  // Like formValues and projectCode, facts left out of a save are left as they are.
  const values: Partial<typeof subsidyApplications.$inferInsert> = {};
  if (input.facts !== undefined) values.facts = JSON.stringify(facts);
  if (input.formValues !== undefined) values.formValues = JSON.stringify(input.formValues);
  if (input.projectCode !== undefined) values.projectCode = input.projectCode?.trim() || null;
  return { values, errors };
}

export async function saveDraft(
  ctx: Pick<RequestCtx<Actor>, "db" | "now" | "actor">,
  /** May still be reading: awaited beside the application (one round trip of reads). */
  policyRead: LoadedPolicy | Promise<LoadedPolicy>,
  /**
   * The application's id, or its row as the caller has just read it (readableApplication) with the loan
   * it was started from (loanOfApplicationQuery, read beside it).
   */
  idOrRead: string | { app: SubsidyApplicationRow; loan: LoanSource | undefined },
  input: DraftInput & { revision?: number | undefined },
) {
  const { db, actor, now } = ctx;
  const [app, policy, loans] = await Promise.all([
    typeof idOrRead === "string" ? readableApplication(ctx, idOrRead) : idOrRead.app,
    policyRead,
    typeof idOrRead === "string" ? loanOfApplicationQuery(db, idOrRead) : idOrRead.loan ? [idOrRead.loan] : [],
  ]);
  const id = app.id;
  if (actor.role !== "enterprise") throw new AppError("forbidden", "只有申报企业可以修改申报。");
  if (!EDITABLE.includes(app.status))
    throw new AppError("conflict", "已提交的申报不能修改;被退回补正后可以修改再提交。");
  const programme = policy.compiled.programmes.get(app.programmeId);
  if (!programme) throw new AppError("conflict", "该项目已不在现行政策中,不能继续申报。");
  const loan = app.loanId !== null ? loans[0] : undefined;
  const { values, errors } = draftUpdate(
    programme,
    withLoanFacts(programme, viewOf(policy.compiled, programme.id), loan, input),
  );
  const [saved] = await db
    .update(subsidyApplications)
    .set({ ...values, updatedAt: now.getTime(), revision: sql`${subsidyApplications.revision} + 1` })
    .where(
      and(
        eq(subsidyApplications.id, id),
        inArray(subsidyApplications.status, EDITABLE),
        input.revision === undefined ? undefined : eq(subsidyApplications.revision, input.revision),
      ),
    )
    .returning();
  if (!saved) throw new AppError("conflict", "这份申报已在别处修改或提交,请刷新后再编辑。");
  return { application: saved, errors };
}
