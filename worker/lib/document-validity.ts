/**
 * Whether a policy document is in force on a day, from the validity its text
 * prints and any extension the zone has published (decision 0013). Pure. The
 * engine decides for programmes (compile.ts sets each programme's period from
 * its document); this file gives the pages and the document API the document's
 * own status and label, and the subsidy services the engine's refusal as a 422.
 */
import type { PolicyDocument } from "../../tenants/schema";
import { periodOf } from "../engines/policy/compile";
import { outsideEffectivePeriod, type PeriodOf } from "../engines/policy/evaluate";
import { AppError } from "./errors";
// The one Chinese date formatter the views use (pure; no service behind it).
import { formatDateZh } from "../../web/format";

type Dated = Pick<PolicyDocument, "validity" | "extension">;

export interface ValidityStatus {
  /** unspecified: the text prints no period; expired: after `until` (and any extension). */
  status: "unspecified" | "not_yet" | "in_force" | "expired";
  from: string | null;
  /** The end as printed, before any extension. */
  until: string | null;
  /** The sentence of the document that states the period; null when unspecified. */
  source: string | null;
  /** The zone's published extension, when there is one. */
  extension: { until: string; by: string } | null;
  /** What the pages print, e.g. "有效期至2023年12月31日(已到期)" or "文件未规定有效期"; the dates above stay ISO. */
  label: string;
}

export const UNSPECIFIED_LABEL = "文件未规定有效期";

/** `date` is YYYY-MM-DD in Asia/Shanghai; both ends are inclusive. */
export function validityOn(doc: Dated | undefined, date: string): ValidityStatus {
  const v = doc?.validity;
  if (!v || "unspecified" in v)
    return { status: "unspecified", from: null, until: null, source: null, extension: null, label: UNSPECIFIED_LABEL };
  const from = v.from ?? null;
  const until = v.until ?? null;
  const extension = doc?.extension ?? null;
  const end = extension?.until ?? until;
  const status = from && date < from ? "not_yet" : end && date > end ? "expired" : "in_force";
  const word = status === "expired" ? "(已到期)" : status === "not_yet" ? "(尚未施行)" : "";
  return {
    status,
    from,
    until,
    source: v.source,
    extension,
    label: `${periodText({ from, until, extension })}${word}`,
  };
}

/** The period in words, without the status: "有效期至2023年12月31日,园区已延期至2026年12月31日". */
export function periodText({ from, until, extension }: Pick<ValidityStatus, "from" | "until" | "extension">): string {
  if (!from && !until) return UNSPECIFIED_LABEL;
  const period =
    from && until
      ? `有效期${formatDateZh(from)}至${formatDateZh(until)}`
      : until
        ? `有效期至${formatDateZh(until)}`
        : `自${formatDateZh(from!)}起施行`;
  return `${period}${extension ? `,园区已延期至${formatDateZh(extension.until)}` : ""}`;
}

/**
 * A sentence's ISO dates as the rest of the UI prints them (2023年12月31日).
 * The engine's reason is shared with the API's evaluations, which keep their
 * own wording; the refusal is a sentence for a person, so its dates are rewritten here.
 */
const zhDates = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, formatDateZh);

/**
 * The refusal of a new application for a programme outside its document's
 * period (422), from the engine's own "effective" condition — the one every
 * evaluation carries (worker/engines/policy/evaluate.ts) — so the message names the
 * document, its 文号 and its end exactly as the estimate and matches do. The
 * services ask it before checking the form: a refusal for an expired plan should
 * not first ask for materials. Null when the application may go on.
 */
export function refusalOutsidePeriod(programme: PeriodOf & { title: { zh: string } }, date: string): AppError | null {
  const outside = outsideEffectivePeriod(programme, date);
  if (!outside) return null;
  const expired = date >= programme.effectiveFrom;
  const reason = zhDates(outside.reason);
  const message = expired
    ? `“${programme.title.zh}”依据的${reason},不再受理新的申报。园区如发布延期或新政策,会在政策纵览中列出。`
    : `“${programme.title.zh}”依据的${reason},此前不受理申报。`;
  return new AppError("validation_failed", message, {
    programme: expired ? "政策文件已到期" : "政策文件尚未施行",
    "condition:effective": reason,
  });
}

/** The same refusal for a document as configured (its period compiled as the engine would). */
export function refusalForExpiredDocument(
  doc: PolicyDocument | undefined,
  programmeTitle: string,
  date: string,
): AppError | null {
  return doc ? refusalOutsidePeriod({ ...periodOf(doc, doc.issuedOn), title: { zh: programmeTitle } }, date) : null;
}
