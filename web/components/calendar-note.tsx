/**
 * Beside a deadline counted through a year whose national holiday calendar has
 * not been announced: the date is Monday-to-Friday arithmetic and will move
 * once the State Council's notice is out, so staff are told to check it again.
 */
import { provisionalNote } from "../../worker/lib/working-days";

/** Under one due date (`from`: when the count started, e.g. today; the due date alone otherwise). */
export function CalendarNote({ due, from }: { due: string | null | undefined; from?: string | undefined }) {
  const note = provisionalNote(due, from);
  return note ? (
    <small class="calendar-note" role="note">
      {note}
    </small>
  ) : null;
}

/** Once above a list, for the latest of its due dates. */
export function CalendarListNote({
  dues,
  from,
}: {
  dues: readonly (string | null | undefined)[];
  from?: string | undefined;
}) {
  const latest = dues
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const note = provisionalNote(latest, from);
  return note ? (
    <p class="calendar-note" role="note">
      {note}
    </p>
  ) : null;
}
