/**
 * The checks an application needs the zone (or today's date) for: its industry
 * must be one of the zone's priority industries, its qualifications from the
 * zone's list (with certificate number and date where the type has a
 * certificate), the files must include the business licence and each claimed
 * certificate, and 成立日期 and 发证日期 must lie between 1949-10-01 and today.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { dateRangeMessage, EARLIEST_REGISTRATION } from "../../lib/date-range";
import { AppError } from "../../lib/errors";
import type { ApplicationInput } from "./schemas";

export const LICENCE = "business_licence";
export const LICENCE_MISSING = "请上传营业执照(PDF、JPG 或 PNG)";
export const certificateKind = (code: string) => `certificate:${code}`;

/** Field keys shared by the page form and the API's error `fields`. */
export const certNoKey = (code: string) => `certNo-${code}`;
export const certDateKey = (code: string) => `certDate-${code}`;
export const fileKey = (kind: string) =>
  kind === LICENCE ? "file-licence" : `file-cert-${kind.slice("certificate:".length)}`;

/**
 * Field errors (empty when the application fits the zone). `haveKinds`: material
 * kinds already given or on file; `today`: YYYY-MM-DD in Asia/Shanghai, the
 * latest plausible date (a company is not founded, nor a certificate issued, tomorrow).
 */
function zoneFieldErrors(
  zone: ZoneConfig,
  input: ApplicationInput,
  haveKinds: ReadonlySet<string>,
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const outOfRange = (date: string | undefined) => date !== undefined && (date < EARLIEST_REGISTRATION || date > today);
  if (outOfRange(input.registeredOn)) errors.registeredOn = dateRangeMessage("成立日期", EARLIEST_REGISTRATION, today);
  if (!zone.priorityIndustries.some((i) => i.code === input.industry))
    errors.industry = "请从本园区的重点产业中选择一项";
  const seen = new Set<string>();
  for (const q of input.qualifications) {
    const type = zone.qualifications.find((t) => t.code === q.code);
    if (!type) {
      errors.qualifications = `本园区没有「${q.code}」这项资质`;
      continue;
    }
    if (seen.has(q.code)) errors.qualifications = `「${type.zh}」重复了`;
    seen.add(q.code);
    if (!type.certificate) continue;
    if (!q.certificateNo) errors[certNoKey(q.code)] = `请填写${type.zh}证书编号`;
    if (!q.issuedOn) errors[certDateKey(q.code)] = `请填写${type.zh}证书的发证日期`;
    else if (outOfRange(q.issuedOn))
      errors[certDateKey(q.code)] = dateRangeMessage(`${type.zh}证书的发证日期`, EARLIEST_REGISTRATION, today);
    if (!haveKinds.has(certificateKind(q.code)))
      errors[fileKey(certificateKind(q.code))] = `请上传${type.zh}证书(PDF、JPG 或 PNG)`;
  }
  if (!haveKinds.has(LICENCE)) errors[fileKey(LICENCE)] = LICENCE_MISSING;
  return errors;
}

/** Throws one 422 naming every field the zone refuses. */
export function assertFitsZone(
  zone: ZoneConfig,
  input: ApplicationInput,
  haveKinds: ReadonlySet<string>,
  today: string,
): void {
  const errors = zoneFieldErrors(zone, input, haveKinds, today);
  if (Object.keys(errors).length) throw new AppError("validation_failed", "请按提示修改后再提交。", errors);
}

/** The material kinds an application may carry: the licence and a certificate per claimed type. */
export function allowedKinds(input: ApplicationInput): Set<string> {
  return new Set([LICENCE, ...input.qualifications.map((q) => certificateKind(q.code))]);
}
