/**
 * Application numbers as people read, say and search them: the zone's letters,
 * a kind mark for loans, the year and a six-digit sequence —
 * subsidy ZB-2026-000123, loan ZB-DK-2026-000045. The database keeps only the
 * year and the sequence (worker/db/application-numbers.ts), so the letters
 * come from the zone's configuration (tenants/schema.ts `code`).
 */
import { zoneCode, type ZoneConfig } from "../../tenants/schema";

export type NumberKind = "subsidy" | "loan";

/** 贷款 (DK) marks a loan application's number; a subsidy application's has no mark. */
const KIND_MARK: Record<NumberKind, string> = { subsidy: "", loan: "DK-" };

type Zone = Pick<ZoneConfig, "slug" | "code">;

/** "ZB-" or "ZB-DK-": what precedes the year. */
export function numberPrefix(zone: Zone, kind: NumberKind): string {
  return `${zoneCode(zone)}-${KIND_MARK[kind]}`;
}

/** The number of a row, or null for a row written outside the app (it has none). */
export function applicationNumber(
  zone: Zone,
  kind: NumberKind,
  row: { numberYear: number | null; numberSeq: number | null },
): string | null {
  if (row.numberYear === null || row.numberSeq === null) return null;
  return `${numberPrefix(zone, kind)}${row.numberYear}-${String(row.numberSeq).padStart(6, "0")}`;
}

/**
 * A search query read as an application number of this zone and kind: "ZB-2026-000123",
 * "zb-2026-123", "2026-000123" (without the letters) and full-width characters are
 * taken; another zone's letters, or the other kind's form (a loan's "DK", or a
 * subsidy's letters without it), are not.
 */
export function parseApplicationNumber(
  zone: Zone,
  kind: NumberKind,
  text: string,
): { year: number; seq: number } | null {
  const s = text
    .trim()
    .replace(/[Ａ-Ｚａ-ｚ０-９－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[‐-―—]/g, "-")
    .toUpperCase();
  const parts = s.split("-");
  const seqText = parts.pop();
  const yearText = parts.pop();
  if (!seqText || !yearText || !/^\d{4}$/.test(yearText) || !/^\d{1,9}$/.test(seqText)) return null;
  const lettered = parts[0] === zoneCode(zone);
  if (lettered) parts.shift();
  const marked = parts[0] === "DK";
  if (marked) parts.shift();
  // "ZB-2026-000123" is a subsidy application's number, not loan 123; a bare "2026-000123" may be either.
  if (parts.length > 0 || (marked !== (kind === "loan") && (marked || lettered))) return null;
  const seq = Number(seqText);
  return seq > 0 ? { year: Number(yearText), seq } : null;
}
