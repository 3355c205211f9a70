/**
 * Whether a policy document is in force on a day, from the validity its text
 * prints and any extension the zone has published (decision 0013). Pure: the
 * pages, the document API and the subsidy services all read it, so a programme
 * is never shown as open in one place and refused in another.
 */
import type { PolicyDocument } from "../../tenants/schema";
import { AppError } from "./errors";

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
  /** What the pages print, e.g. "有效期至2023-12-31(已到期)" or "文件未规定有效期". */
  label: string;
}

export const UNSPECIFIED_LABEL = "文件未规定有效期";

/** `date` is YYYY-MM-DD in Asia/Shanghai; both ends are inclusive. */
export function validityOn(doc: Dated | undefined, date: string): ValidityStatus {
  const v = doc?.validity;
  if (!v || "unspecified" in v) return { status: "unspecified", from: null, until: null, source: null, extension: null, label: UNSPECIFIED_LABEL };
  const from = v.from ?? null;
  const until = v.until ?? null;
  const extension = doc?.extension ?? null;
  const end = extension?.until ?? until;
  const status = from && date < from ? "not_yet" : end && date > end ? "expired" : "in_force";
  const period = from && until ? `有效期${from}至${until}` : until ? `有效期至${until}` : `自${from}起施行`;
  const extended = extension ? `,园区已延期至${extension.until}` : "";
  const word = status === "expired" ? "(已到期)" : status === "not_yet" ? "(尚未施行)" : "";
  return { status, from, until, source: v.source, extension, label: `${period}${extended}${word}` };
}

/**
 * The refusal of a new application for a programme whose document is not in
 * force on `date` (422), naming the document and its end; null when it may go on.
 */
export function refusalForExpiredDocument(doc: (Dated & Pick<PolicyDocument, "title" | "docNumber">) | undefined, programmeTitle: string, date: string): AppError | null {
  const v = validityOn(doc, date);
  if (!doc || (v.status !== "expired" && v.status !== "not_yet")) return null;
  const named = `“${doc.title}”${doc.docNumber ? `(${doc.docNumber})` : ""}`;
  const message =
    v.status === "expired"
      ? `“${programmeTitle}”依据的${named}有效期至${v.extension?.until ?? v.until},已到期,不再受理新的申报。园区如发布延期或新政策,会在政策纵览中列出。`
      : `“${programmeTitle}”依据的${named}自${v.from}起施行,此前不受理申报。`;
  return new AppError("validation_failed", message, { programme: v.status === "expired" ? "政策文件已到期" : "政策文件尚未施行" });
}
