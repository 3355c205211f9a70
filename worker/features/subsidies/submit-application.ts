/**
 * Submits a draft (or resubmits a corrected application): every required fact
 * and material present, the programme open, and the engine — run on the
 * enterprise's profile and award history with the policy in force — finding it
 * eligible. The facts, the result with its explanation and the policy version
 * are stored with the application. A second submit (double click, retry) of an
 * application already submitted returns it as it is. 贴息: the facts the loan's record holds are filled
 * from it again (whatever the form said), and the interest period may not start before the 放款.
 */
import { and, eq } from "drizzle-orm";
import { materials, type SubsidyApplicationRow } from "../../db/schema";
import { refusalOutsidePeriod } from "../../lib/document-validity";
import { AppError } from "../../lib/errors";
import { evaluate } from "../../engines/policy/evaluate";
import { parseFacts } from "../../engines/policy/facts";
import { interestPaidFact } from "../../engines/policy/loan-facts";
import { formatMoney } from "../../lib/money";
import { shanghaiDate } from "../../lib/calendar";
import { lprSeries } from "../../lib/lpr";
import type { LoadedPolicy } from "../policies/current-policy";
import { loadEnterpriseProfiles } from "../policies/enterprise-profiles";
import { dueOnFor, firstStage, parseJson, readableWithMembers, stageOf } from "./context";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { type DraftInput, draftUpdate } from "./save-draft";
import { viewOf } from "../policies/search-programmes";
import { loanOfApplicationQuery, periodBeforeLoan, withLoanFacts } from "./application-loan";
import { interestConfirmRequest } from "./interest-notices";
import { transition } from "./transition";

export const materialKind = (id: string) => `subsidy:${id}`;

export async function submitApplication(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  /** May still be reading: it is awaited beside the application's reads (one round trip). */
  policyRead: LoadedPolicy | Promise<LoadedPolicy>,
  id: string,
  /**
   * The form as typed, saved in the same write as the submission (保存并提交 on the page): applied to
   * an application still editable, before the checks. Nothing is written if the submission is refused.
   */
  edit?: (app: SubsidyApplicationRow, policy: LoadedPolicy) => DraftInput,
): Promise<{ application: SubsidyApplicationRow; alreadySubmitted: boolean }> {
  const { db, zone, now, actor } = ctx;
  const today = shanghaiDate(now);
  // One read for every check — the application, its members' addresses, its materials, and the
  // enterprise's profile and award history (this application left out) — then one guarded write.
  let [
    {
      app,
      emails,
      also: [files, loans],
    },
    [enterprise],
    policy,
  ] = await Promise.all([
    readableWithMembers(
      ctx,
      id,
      db
        .select({ kind: materials.kind })
        .from(materials)
        .where(and(eq(materials.ownerKind, "subsidy_application"), eq(materials.ownerId, id))),
      loanOfApplicationQuery(db, id),
    ),
    loadEnterpriseProfiles(ctx, today, actor.enterpriseId ?? "", id),
    policyRead,
  ]);
  if (actor.role !== "enterprise") throw new AppError("forbidden", "只有申报企业可以提交申报。");
  if (app.status !== "draft" && app.status !== "returned") {
    if (app.submittedAt !== null && app.status !== "withdrawn") return { application: app, alreadySubmitted: true };
    throw new AppError("conflict", "这份申报已不能提交。");
  }
  const programme = policy.compiled.programmes.get(app.programmeId);
  if (!programme) throw new AppError("conflict", `该项目已不在现行政策(第${policy.version.id}版)中,不能提交。`);
  const loan = app.loanId !== null ? loans[0] : undefined;
  // The stored facts and form as this submission takes them: edited on the page, the loan's record put back.
  const typed = edit ? edit(app, policy) : {};
  const stored = {
    facts: typed.facts ?? parseJson<Record<string, unknown>>(app.facts, {}),
    formValues: typed.formValues ?? parseJson<Record<string, string>>(app.formValues, {}),
  };
  const edited =
    edit || loan
      ? draftUpdate(
          programme,
          withLoanFacts(programme, viewOf(policy.compiled, programme.id), loan, { ...typed, ...stored }),
        ).values
      : {};
  app = { ...app, ...edited };
  // A draft is refused once its document has expired; a returned application is judged as of its first submission.
  // Asked before the form: the engine's evaluation below fails it too, but after asking for materials.
  const outside = refusalOutsidePeriod(
    programme,
    shanghaiDate(app.submittedAt !== null ? new Date(app.submittedAt) : now),
  );
  if (outside) throw outside;

  const parsed = parseFacts(programme, parseJson(app.facts, {}));
  if (!parsed.ok)
    throw new AppError("validation_failed", `申报信息有误:${Object.values(parsed.errors).join(" ")}`, parsed.errors);
  const early = loan ? periodBeforeLoan(programme, parsed.facts, loan) : null;
  if (early) throw early;
  const missingFacts = programme.facts.filter((f) => !f.optional && parsed.facts[f.name] === undefined);
  if (missingFacts.length)
    throw new AppError(
      "validation_failed",
      `请填写:${missingFacts.map((f) => f.label.zh).join("、")}。`,
      Object.fromEntries(missingFacts.map((f) => [f.name, `请填写${f.label.zh}`])),
    );
  const attached = new Set(files.map((m) => m.kind));
  const missingFiles = programme.materials.filter((m) => m.required && !attached.has(materialKind(m.id)));
  if (missingFiles.length)
    throw new AppError(
      "validation_failed",
      `请上传:${missingFiles.map((m) => m.zh).join("、")}。`,
      Object.fromEntries(missingFiles.map((m) => [`material:${m.id}`, `请上传${m.zh}`])),
    );

  // Awards and the enterprise's other applications in progress (award-history.ts), not this one.
  const history = enterprise?.history ?? [];
  // A resubmission is judged as of the first submission: its award year, and a window it met then.
  const asOf = app.submittedAt !== null ? shanghaiDate(new Date(app.submittedAt)) : today;
  const lpr = lprSeries(zone.finance.lpr);
  const result = evaluate(programme, { facts: parsed.facts, profile: enterprise?.profile, history, date: asOf, lpr });
  if (result.eligible === false) {
    const failed = result.conditions.filter((c) => c.result === "fail");
    throw new AppError(
      "validation_failed",
      `不符合申报条件:${failed.map((c) => `${c.label}(${c.clause})——${c.reason}`).join(";")}`,
      Object.fromEntries(failed.map((c) => [`condition:${c.id}`, c.reason])),
    );
  }
  if (result.eligible === "unknown") {
    const open = [
      ...result.conditions.filter((c) => c.result === "unknown").map((c) => `${c.label}:${c.reason}`),
      ...result.missing.map((m) => `请提供${m.label}`),
    ];
    throw new AppError("validation_failed", `还不能确认是否符合条件:${open.join(";")}。请补充企业资料或申报信息。`);
  }

  const resubmit = app.status === "returned";
  // 贴息: corrected to another interest paid than the bank confirmed, it waits for the bank again.
  const paid = app.loanId !== null ? interestPaidFact(programme) : null;
  const unconfirm =
    paid !== null && app.interestConfirmedFen !== null && parsed.facts[paid] !== app.interestConfirmedFen
      ? { interestConfirmedFen: null, interestConfirmedBy: null, interestConfirmedAt: null, interestConfirmNote: null }
      : {};
  const stage = resubmit ? stageOf(zone, app.stage) : firstStage(zone);
  const at = now.getTime();
  const application = await transition(ctx, app, {
    set: {
      ...edited,
      status: "in_review",
      stage: stage.key,
      policyVersion: policy.version.id,
      evaluation: JSON.stringify({ ...result, policyVersion: policy.version.id }),
      requestedFen: result.amountFen,
      amountFen: result.amountFen,
      rangeMinFen: result.range?.minFen ?? null,
      rangeMaxFen: result.range?.maxFen ?? null,
      awardYear: app.awardYear ?? Number(today.slice(0, 4)),
      submittedAt: app.submittedAt ?? at,
      stageEnteredAt: at,
      dueOn: dueOnFor(zone, stage, today),
      ...unconfirm,
    },
    event: {
      action: resubmit ? "resubmitted" : "submitted",
      toStage: stage.key,
      amountFen: result.amountFen,
      note: result.amountNote ?? null,
    },
    actor,
    notice: {
      emails,
      subject: `${programme.title.zh}:申报已${resubmit ? "重新" : ""}提交`,
      lines: [
        `“${programme.title.zh}”的申报已${resubmit ? "重新" : ""}提交,进入${stage.zh}。`,
        `测算金额:${result.amountFen !== null ? formatMoney(result.amountFen) : (result.amountNote ?? "评审确定")}` +
          `(按第${policy.version.id}版政策)。`,
        `园区将在 ${dueOnFor(zone, stage, today)} 前完成${stage.zh}。`,
      ],
    },
    // Zone staff learn of new work in their 消息中心 (and by mail or SMS as each chose).
    staffNotice: {
      kind: resubmit ? "application_resubmitted" : "application_submitted",
      roles: ["reviewer", "zone_admin"],
      title: resubmit ? `退回的申报已重新提交:${programme.title.zh}` : `新申报:${programme.title.zh}`,
      body:
        `“${programme.title.zh}”的申报已${resubmit ? "改正后重新" : ""}提交,进入${stage.zh},` +
        `请在 ${dueOnFor(zone, stage, today)} 前处理。`,
    },
    // 贴息: the lending bank is asked to confirm the interest paid (none once it has, and it still holds).
    after: interestConfirmRequest(ctx, app, programme.title.zh),
  });
  return { application, alreadySubmitted: false };
}
