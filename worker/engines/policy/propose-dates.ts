/**
 * Probes of the days a programme is open: the day before each application window opens, its
 * first and last day and the day after it closes, and the days either side of its document's
 * effective period. Only where the programme states them: a case dated outside them is refused
 * whatever its facts. Pure: no I/O.
 */
import type { CompiledProgramme } from "./evaluate";
import type { Variant } from "./propose-variant";

/** Windows probed: a page lists the cases for a person to read. */
const MAX_WINDOWS = 2;

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function dateVariants(p: CompiledProgramme): Variant[] {
  const out: Variant[] = [];
  const at = (date: string, why: string) => out.push({ tag: "日期", why, date });
  for (const w of p.windows.slice(0, MAX_WINDOWS)) {
    const span = `申报期${w.from}至${w.to}`;
    at(addDays(w.from, -1), `${span}开始前一天`);
    at(w.from, `${span}的第一天`);
    at(w.to, `${span}的最后一天`);
    at(addDays(w.to, 1), `${span}截止后一天`);
  }
  at(addDays(p.effectiveFrom, -1), "政策文件施行前一天");
  if (p.effectiveTo !== null) {
    at(p.effectiveTo, "政策文件有效期的最后一天");
    at(addDays(p.effectiveTo, 1), "政策文件有效期届满后一天");
  }
  return out;
}
