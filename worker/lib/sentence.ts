/**
 * Text a person typed, placed inside a sentence we write: its own closing punctuation is
 * dropped so that "核减。" never becomes "核减。)。" or "原因:不需要了。。".
 */
export function inSentence(text: string): string {
  return text.trim().replace(/[\s。.!!??;;,,、::]+$/u, "");
}
