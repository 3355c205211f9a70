/**
 * Rules for a password a person chooses (ASVS 5.0 V6.2; 等保 2.0 二级 8.1.4.1 a:
 * 口令具有复杂度要求并定期更换). Pure functions: no I/O, the clock is passed in.
 *
 * Composition rules and rotation are off by default because ASVS 6.2.5 and NIST
 * 800-63B advise against them; a tenant that must pass 等保 assessment turns on
 * its `complexity` switch, which enables both.
 */
import { COMMON_PASSWORDS } from "./blocklist";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_ROTATION_DAYS = 90;

export interface NewPasswordContext {
  /** The account's e-mail, so the password cannot be (or contain) it. */
  email?: string;
  /** The tenant's 等保 switch: three of four character classes required. */
  complexity: boolean;
}

/**
 * Problems with a proposed password as Chinese sentences; empty means acceptable.
 * Lengths count code points of the NFKC form, i.e. what is actually hashed, so a
 * Chinese character or an emoji counts as one character, not two UTF-16 units.
 */
export function checkNewPassword(password: string, ctx: NewPasswordContext): string[] {
  const normalised = password.normalize("NFKC");
  const length = [...normalised].length;
  const problems: string[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符,当前只有 ${length} 个。`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符,当前有 ${length} 个。`);
  const lower = normalised.toLowerCase();
  if (isCommonPassword(lower)) problems.push("这个密码太常见,很容易被猜到,请换一个不常见的密码。");
  if (ctx.email && containsEmail(lower, ctx.email))
    problems.push("密码不能是或包含您的邮箱地址或邮箱用户名,请换一个。");
  if (ctx.complexity) {
    const missing = missingClasses(normalised);
    if (missing.length > 1) {
      problems.push(`密码需要包含大写字母、小写字母、数字、符号中的至少三类,目前缺少:${missing.join("、")}。`);
    }
  }
  return problems;
}

/**
 * Exact match, then with trailing symbols removed, then also up to four trailing
 * digits (a year, "1314", "123"): people append those to satisfy rules, and
 * guessing tools try them first. The stem must keep 4+ characters to count.
 */
function isCommonPassword(lower: string): boolean {
  const noSymbols = lower.replace(/[^\p{L}\p{N}]+$/u, "");
  const noDigits = noSymbols.replace(/\p{Nd}{1,4}$/u, "");
  return [lower, noSymbols, noDigits].some((s) => s.length >= 4 && COMMON_PASSWORDS.has(s));
}

function containsEmail(lower: string, email: string): boolean {
  const address = email.normalize("NFKC").trim().toLowerCase();
  const local = address.split("@")[0] ?? "";
  if (lower === address || lower === local) return true;
  // A very short local part ("li@…") would forbid too many unrelated passwords.
  return local.length >= 4 && lower.includes(local);
}

const CLASSES = [
  ["大写字母", /\p{Lu}/u],
  ["小写字母", /\p{Ll}/u],
  ["数字", /\p{Nd}/u],
  // Anything else — punctuation, spaces, 汉字 — is a character a guesser must also try.
  ["符号", /[^\p{Lu}\p{Ll}\p{Nd}]/u],
] as const;

function missingClasses(password: string): string[] {
  return CLASSES.filter(([, re]) => !re.test(password)).map(([name]) => name);
}

const DAY_MS = 86_400_000;

/**
 * Whether the 等保 rotation period has run out. Valid for 90 days: at exactly
 * 90 × 24 h after the change the password must be changed. An unreadable date
 * counts as expired (fail closed); a future date (clock skew) does not.
 */
export function isPasswordExpired(changedAt: Date, now: Date, complexity: boolean): boolean {
  if (!complexity) return false;
  const age = now.getTime() - changedAt.getTime();
  if (Number.isNaN(age)) return true;
  return age >= PASSWORD_ROTATION_DAYS * DAY_MS;
}
