/**
 * One year's figures (what the policy engine reads): added or replaced, with the
 * previous values kept in enterprise_history under `figures:<year>`. R&D staff
 * above the headcount is impossible and refused; R&D expense above revenue is
 * possible (start-ups) and only flagged for the clerk to double-check. Patent counts have no cross-check:
 * grants follow earlier years' filings, and a granted patent may lapse or be sold within the year.
 */
import { and, eq } from "drizzle-orm";
import { enterpriseYearlyFigures } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { changedFields, historyInsert } from "./history";
import { FIRST_YEAR, type FiguresValues } from "./schemas";
import { shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

const LATER_FIELDS = [
  "exportsFen",
  "inventionPatentsFiled",
  "inventionPatentsGranted",
  "validInventionPatents",
] as const;

export const RD_OVER_REVENUE_WARNING = "研发费用高于营业收入,请核对数字是否填错(已保存)。";

export async function saveYearlyFigures(
  { db, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  enterpriseId: string,
  year: number,
  values: FiguresValues,
) {
  const currentYear = Number(shanghaiDate(now).slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > currentYear) {
    throw new AppError("validation_failed", `年度应在 ${FIRST_YEAR} 到 ${currentYear} 年之间。`, {
      year: `请填写 ${FIRST_YEAR}–${currentYear} 之间的年度`,
    });
  }
  if (values.employees !== null && values.rdStaff !== null && values.rdStaff > values.employees) {
    throw new AppError("validation_failed", "研发人员数不能多于员工人数。", {
      rdStaff: `研发人员数(${values.rdStaff})不能多于员工人数(${values.employees})`,
    });
  }
  const warnings =
    values.rdExpenseFen !== null && values.revenueFen !== null && values.rdExpenseFen > values.revenueFen
      ? [RD_OVER_REVENUE_WARNING]
      : [];

  const [row] = await db
    .select()
    .from(enterpriseYearlyFigures)
    .where(and(eq(enterpriseYearlyFigures.enterpriseId, enterpriseId), eq(enterpriseYearlyFigures.year, year)))
    .limit(1);
  const before = row
    ? {
        revenueFen: row.revenueFen,
        rdExpenseFen: row.rdExpenseFen,
        rdSuperDeductionFen: row.rdSuperDeductionFen,
        taxPaidFen: row.taxPaidFen,
        employees: row.employees,
        rdStaff: row.rdStaff,
        exportsFen: row.exportsFen,
        inventionPatentsFiled: row.inventionPatentsFiled,
        inventionPatentsGranted: row.inventionPatentsGranted,
        validInventionPatents: row.validInventionPatents,
      }
    : null;
  // The report's later fields, left out by a client that predates them, keep what is stored.
  const kept = (k: (typeof LATER_FIELDS)[number]) => (values[k] === undefined ? (before?.[k] ?? null) : values[k]);
  const after = { ...values, ...Object.fromEntries(LATER_FIELDS.map((k) => [k, kept(k)])) } as Required<FiguresValues>;
  const diff = changedFields(before, after);
  // The stored row is returned, so the API answers without reading it again.
  if (!diff) return { changed: false, warnings, figures: row! };

  const t = now.getTime();
  const [[saved]] = await db.batch([
    db
      .insert(enterpriseYearlyFigures)
      .values({ enterpriseId, year, ...after, updatedAt: t, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: [enterpriseYearlyFigures.enterpriseId, enterpriseYearlyFigures.year],
        set: { ...after, updatedAt: t, updatedBy: actor.id },
      })
      .returning(),
    historyInsert(db, { enterpriseId, actor, subject: `figures:${year}`, ...diff }, now),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: row ? "enterprise.figures_updated" : "enterprise.figures_added",
        target: enterpriseId,
        result: "ok",
        ip,
        detail: { year },
      },
      now,
    ),
  ]);
  return { changed: true, warnings, figures: saved! };
}
