/**
 * Indicators computed from the platform's own records (`computed:<metric>`): counted, never
 * stored, so the figure always agrees with the list behind it. The queries read the whole zone
 * once (a zone has thousands of enterprises, not millions) and the counting per year is pure.
 *
 * A qualification counts in year Y when it is verified and was valid some time in Y: issued on or
 * before 31 Dec Y (or no date given) and valid until 1 Jan Y or later (or no end date). For the
 * current year that is every verified holder whose certificate has not lapsed — the directory's
 * 资质 filter (/admin/enterprises?qualification=…) lists the verified holders.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { enterpriseQualifications, enterprises, enterpriseYearlyFigures } from "../../db/schema";

export const METRICS = {
  high_tech_enterprises: {
    zh: "已核验的高新技术企业资质(平台内企业)",
    unit: "家",
    behind: "/admin/enterprises?qualification=hnte",
  },
  tech_sme_enterprises: {
    zh: "已核验的科技型中小企业资质(平台内企业)",
    unit: "家",
    behind: "/admin/enterprises?qualification=tech-sme",
  },
  rd_expense_total: { zh: "企业年报中研发费用之和", unit: "万元", behind: "/admin/enterprises" },
  enterprises_total: { zh: "当年年底前在平台登记的企业", unit: "家", behind: "/admin/enterprises" },
} as const;

export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as Metric[];

const QUALIFICATION_OF = { high_tech_enterprises: "hnte", tech_sme_enterprises: "tech-sme" } as const;

export const metricOf = (source: string): Metric | null => {
  const m = source.startsWith("computed:") ? source.slice("computed:".length) : "";
  return (METRIC_NAMES as string[]).includes(m) ? (m as Metric) : null;
};

/** The rows the metrics are counted from: read in the caller's one batch. */
export function metricQueries(db: TenantDb) {
  return [
    db
      .select({
        enterpriseId: enterpriseQualifications.enterpriseId,
        code: enterpriseQualifications.code,
        issuedOn: enterpriseQualifications.issuedOn,
        validUntil: enterpriseQualifications.validUntil,
      })
      .from(enterpriseQualifications)
      .where(
        and(
          eq(enterpriseQualifications.status, "verified"),
          inArray(enterpriseQualifications.code, Object.values(QUALIFICATION_OF)),
        ),
      ),
    db
      .select({ year: enterpriseYearlyFigures.year, fen: sql<number>`sum(${enterpriseYearlyFigures.rdExpenseFen})` })
      .from(enterpriseYearlyFigures)
      .groupBy(enterpriseYearlyFigures.year),
    // The year each enterprise was registered, in Asia/Shanghai.
    db
      .select({
        year: sql<number>`cast(strftime('%Y', ${enterprises.createdAt} / 1000, 'unixepoch', '+8 hours') as integer)`,
        n: sql<number>`count(*)`,
      })
      .from(enterprises)
      .groupBy(sql`1`),
  ] as const;
}

export interface MetricRows {
  qualifications: { enterpriseId: string; code: string; issuedOn: string | null; validUntil: string | null }[];
  rdByYear: { year: number; fen: number | null }[];
  createdByYear: { year: number; n: number }[];
}

/** A metric's value for a year, from the rows; null where the records say nothing (no figures filed). */
export function metricValue(metric: Metric, year: number, rows: MetricRows): number | null {
  if (metric === "rd_expense_total") {
    const fen = rows.rdByYear.find((r) => Number(r.year) === year)?.fen;
    // fen → 万元, to two decimals.
    return fen === null || fen === undefined ? null : Math.round(Number(fen) / 10_000) / 100;
  }
  if (metric === "enterprises_total")
    return rows.createdByYear.filter((r) => Number(r.year) <= year).reduce((s, r) => s + Number(r.n), 0);
  const code = QUALIFICATION_OF[metric];
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const holders = new Set(
    rows.qualifications
      .filter((q) => q.code === code && (!q.issuedOn || q.issuedOn <= to) && (!q.validUntil || q.validUntil >= from))
      .map((q) => q.enterpriseId),
  );
  return holders.size;
}
