/**
 * 政策计算器's past awards: rows of (programme, the day it was awarded, the
 * amount) for programmes with limits (once only, yearly or per-project caps).
 * Without script all 10 rows are there; the site script shows the filled rows
 * and one empty one, and adds rows with "再加一行" (data-award-rows).
 */
import { awardField, MAX_AWARD_ROWS, type AwardRow } from "./calculator-fields";

export interface AwardsProps {
  rows: AwardRow[];
  /** The zone's programmes, for the select. */
  programmes: { id: string; title: string }[];
}

export function PastAwards({
  rows,
  programmes,
  errors,
  current,
}: AwardsProps & { errors?: Record<string, string> | undefined; current?: string | undefined }) {
  // The programme being calculated heads the list: a repeat of it is the usual entry, and a clerk should not hunt
  // through ~50 titles for it.
  const here = programmes.filter((o) => o.id === current);
  const others = programmes.filter((o) => o.id !== current);
  const option = (row: AwardRow) => (o: { id: string; title: string }) => (
    <option value={o.id} selected={row.programme === o.id}>
      {o.title}
    </option>
  );
  const all = [
    ...rows,
    ...Array.from({ length: Math.max(0, MAX_AWARD_ROWS - rows.length) }, () => ({
      programme: "",
      date: "",
      amount: "",
    })),
  ].slice(0, MAX_AWARD_ROWS);
  return (
    <fieldset class="awards" data-award-rows>
      <legend>已获得的奖励(选填)</legend>
      <p class="hint">本项目有次数或金额上限。填入此前已获得或正在申报的奖励,测算会按上限扣除;不填则按从未获得测算。</p>
      {all.map((row, i) => {
        const field = (part: keyof AwardRow) => {
          const name = awardField(i, part);
          const error = errors?.[name];
          return {
            name,
            id: `f-${name}`,
            error,
            a11y: {
              id: `f-${name}`,
              name,
              "aria-invalid": error ? ("true" as const) : undefined,
              "aria-describedby": error ? `f-${name}-error` : undefined,
            },
          };
        };
        const p = field("programme");
        const d = field("date");
        const a = field("amount");
        return (
          <div class="award-row" data-award-row>
            <div class="field">
              <label for={p.id}>第 {i + 1} 项:获得的项目</label>
              <select {...p.a11y}>
                <option value="">未填</option>
                {here.length ? (
                  <>
                    <optgroup label="本项目">{here.map(option(row))}</optgroup>
                    <optgroup label="其他项目">{others.map(option(row))}</optgroup>
                  </>
                ) : (
                  others.map(option(row))
                )}
              </select>
              {p.error && (
                <p class="field-error" id={`${p.id}-error`}>
                  {p.error}
                </p>
              )}
            </div>
            <div class="field">
              <label for={d.id}>第 {i + 1} 项:获得日期(如 2026-03-15)</label>
              {/* No inputmode="numeric": the phone keypad it brings has no "-" for 2026-03-15. */}
              <input {...d.a11y} type="text" value={row.date} autocomplete="off" maxlength={20} />
              {d.error && (
                <p class="field-error" id={`${d.id}-error`}>
                  {d.error}
                </p>
              )}
            </div>
            <div class="field">
              <label for={a.id}>第 {i + 1} 项:金额(元,也可写 30万)</label>
              <input {...a.a11y} type="text" value={row.amount} autocomplete="off" inputmode="decimal" maxlength={30} />
              {a.error && (
                <p class="field-error" id={`${a.id}-error`}>
                  {a.error}
                </p>
              )}
            </div>
          </div>
        );
      })}
      {/* The wrapper carries `hidden`: .btn's display would override it on the button itself. */}
      <p data-award-add hidden>
        <button class="btn secondary" type="button">
          再加一项
        </button>
      </p>
    </fieldset>
  );
}
