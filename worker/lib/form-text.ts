/**
 * The page side of the one text rule (worker/lib/text.ts): a form post or a
 * query string parsed by hand is checked here before anything reads it, so a
 * NUL or other control character answers 400 with the field's message through
 * the one error mapping (an error page), exactly as the JSON API does, and
 * nothing is stored or searched. No person types these characters; a form that
 * carries one is re-sent by a script, so there is no form to re-show.
 */
import { AppError } from "./errors";
import { badCharacterMessage, hasBadCharacters } from "./text";

/**
 * Throws a 400 AppError naming the first field (text or repeated text) that holds
 * a control character. Tabs and newlines pass here (a textarea holds them); a
 * single-line field's schema (textField) refuses those itself, as a 422.
 * `labels`: field name → the label people read ("资金用途"); others are "输入内容".
 */
export function refuseBadCharacters(values: Record<string, unknown>, labels: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(values)) {
    const texts = [value].flat().filter((v): v is string => typeof v === "string");
    if (!texts.some((text) => hasBadCharacters(text, true))) continue;
    const message = badCharacterMessage(labels[name] ?? "输入内容");
    throw new AppError("bad_request", `${message}。`, { [name]: message });
  }
}
