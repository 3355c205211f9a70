/**
 * An application's number (ZB-2026-000123, loans ZB-DK-2026-000045) as people
 * read it beside the application: under its name in a list, or as a line on
 * its page. Rows written outside the app have none, and show nothing.
 */
import type { ZoneConfig } from "../../tenants/schema";
import { applicationNumber, type NumberKind } from "../../worker/lib/application-number";
import { Input } from "./form";

type Numbered = { numberYear: number | null; numberSeq: number | null };

/** Under a name in a table cell or a card. */
export function AppNumber({ zone, kind, row }: { zone: ZoneConfig; kind: NumberKind; row: Numbered }) {
  const n = applicationNumber(zone, kind, row);
  return n ? <small class="app-no">编号 {n}</small> : null;
}

/** A line on the application's own page. */
export function AppNumberLine({ zone, kind, row }: { zone: ZoneConfig; kind: NumberKind; row: Numbered }) {
  const n = applicationNumber(zone, kind, row);
  return n ? (
    <p class="app-no-line">
      {kind === "loan" ? "申请编号" : "申报编号"}:<strong>{n}</strong>
    </p>
  ) : null;
}

/** A list's search by application number (or name): a GET form, so a result is a link. */
export function NumberSearch({
  action,
  q,
  label,
  hint,
}: {
  action: string;
  q: string | undefined;
  label: string;
  hint: string;
}) {
  return (
    // <search> is too new for the older browsers and screen readers seniors use: role="search" is what they know.
    // biome-ignore lint/a11y/useSemanticElements: the form keeps role="search" (see above)
    <form method="get" action={action} class="app-search" role="search">
      <Input name="q" id="f-q" label={label} hint={hint} required={false} maxlength={50} value={q ?? ""} />
      <button class="btn" type="submit">
        查找
      </button>
      {q ? <a href={action}>显示全部</a> : null}
    </form>
  );
}
