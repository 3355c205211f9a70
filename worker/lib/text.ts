/**
 * The one text type for free-text input (names, purposes, objections, search
 * terms, notes): trimmed, bounded, and free of NUL and other control characters
 * (C0 except tab/newline in multi-line fields, DEL, C1) and of bidi-formatting
 * characters that make text read differently from how it is stored. Such a
 * character is never something a person meant to type; it is refused with a
 * 400 and a field message (`validationHook` maps the `bad_characters` issue to
 * 400 rather than the usual 422), so the request changes nothing.
 */
import { z } from "@hono/zod-openapi";

/** What the validation hook recognises: an issue with these params is a 400, not a 422. */
export const BAD_CHARACTERS = "bad_characters";

// biome-ignore lint/suspicious/noControlCharactersInRegex: these patterns exist to find and reject control characters
const SINGLE_LINE_BAD = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above; tab, LF and CR are allowed in multi-line text
const MULTI_LINE_BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;

export function badCharacterMessage(label: string): string {
  return `${label}含有不可见的控制字符(如 NUL),请删去后重新输入`;
}

/** True when a string holds a character no text field accepts. */
export function hasBadCharacters(value: string, multiline = false): boolean {
  return (multiline ? MULTI_LINE_BAD : SINGLE_LINE_BAD).test(value.replace(/\r\n?/g, "\n"));
}

export interface TextOptions {
  /** The field's name as people read it, used in messages ("公司名称"). */
  label: string;
  /** Maximum length in characters (after trimming). Required: no text is unbounded. */
  max: number;
  /** Minimum length after trimming; 1 makes the field required-non-empty. Default 0. */
  min?: number;
  /** Allows newlines and tabs (CRLF/CR are stored as LF). */
  multiline?: boolean;
}

/**
 * A bounded, trimmed text field. Control characters are checked before the
 * length so the message names the real problem.
 */
export function textField({ label, max, min = 0, multiline = false }: TextOptions) {
  return z
    .string({ error: `请填写${label}` })
    .max(max * 4, `${label}最多 ${max} 个字`)
    .transform((raw, ctx) => {
      const value = (multiline ? raw.replace(/\r\n?/g, "\n") : raw).trim();
      if (hasBadCharacters(value, multiline)) {
        ctx.addIssue({ code: "custom", message: badCharacterMessage(label), params: { reason: BAD_CHARACTERS } });
        return z.NEVER;
      }
      if (value.length < min) {
        ctx.addIssue({ code: "custom", message: min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字` });
        return z.NEVER;
      }
      if ([...value].length > max) {
        ctx.addIssue({ code: "custom", message: `${label}最多 ${max} 个字` });
        return z.NEVER;
      }
      return value;
    })
    .openapi({ type: "string", maxLength: max, ...(min > 0 ? { minLength: min } : {}) });
}
