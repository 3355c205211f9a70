/**
 * Password hashing for every account (ASVS 5.0 V6.2/V11.4, 等保 2.0 二级 身份鉴别).
 *
 * 100 000 PBKDF2-SHA256 iterations is below OWASP's 600 000 recommendation, but it
 * is the most Cloudflare's production Workers accept: deriveBits throws above it.
 * Local workerd and Node do not, so a higher value would pass every test and then
 * break every login in production — hence the cap is enforced here, not trusted to
 * configuration. Rate limiting and lockout carry the rest of the load.
 */
import { constantTimeEqual, derivePbkdf2 } from "./pbkdf2";
import { formatPasswordHash, KEY_BYTES, parsePasswordHash, PBKDF2_MAX_ITERATIONS } from "./format";

export { PBKDF2_MAX_ITERATIONS };

/** Parameters new hashes use; a stored hash with any other value reports needsRehash. */
export const CURRENT_PASSWORD_PARAMS = Object.freeze({
  version: 1,
  iterations: 100_000,
  saltBytes: 16,
  keyBytes: KEY_BYTES,
} as const);

/** Below this we would rather fail loudly than silently weaken new hashes. */
const MIN_ITERATIONS = 100_000;

export interface HashPasswordOptions {
  /** Only for a deliberate change of the work factor; must stay within [100 000, cap]. */
  iterations?: number;
}

/**
 * Hashes a password with a fresh random salt. Does not judge the password:
 * call checkNewPassword first where a person chooses one.
 * @throws Error when `iterations` is not an integer in [100 000, PBKDF2_MAX_ITERATIONS]
 */
export async function hashPassword(password: string, opts: HashPasswordOptions = {}): Promise<string> {
  const iterations = opts.iterations ?? CURRENT_PASSWORD_PARAMS.iterations;
  if (!Number.isInteger(iterations) || iterations > PBKDF2_MAX_ITERATIONS) {
    throw new Error(
      `PBKDF2 iterations must be an integer no greater than ${PBKDF2_MAX_ITERATIONS} ` +
        `(Cloudflare Workers reject more); got ${iterations}`,
    );
  }
  if (iterations < MIN_ITERATIONS) {
    throw new Error(`PBKDF2 iterations must be at least ${MIN_ITERATIONS}; got ${iterations}`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(CURRENT_PASSWORD_PARAMS.saltBytes));
  const hash = await derivePbkdf2(password, salt, iterations, CURRENT_PASSWORD_PARAMS.keyBytes);
  return formatPasswordHash({ version: 1, iterations, salt, hash });
}

export interface PasswordVerification {
  ok: boolean;
  /**
   * True only when ok is true and the stored parameters differ from CURRENT, so
   * the caller may store hashPassword(password) now. Never true after a wrong
   * password: re-hashing a wrong guess would replace the real password.
   */
  needsRehash: boolean;
}

/**
 * Checks a password against a stored hash. Never throws for bad stored data: a
 * malformed or foreign value (e.g. an SSO-only account's marker) just fails,
 * after the same amount of work as a real check so timing does not tell them apart.
 */
export async function verifyPassword(password: string, stored: string): Promise<PasswordVerification> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) {
    await burnPasswordCheck(password);
    return { ok: false, needsRehash: false };
  }
  const candidate = await derivePbkdf2(password, parsed.salt, parsed.iterations, parsed.hash.length);
  const ok = constantTimeEqual(candidate, parsed.hash);
  const outdated =
    parsed.version !== CURRENT_PASSWORD_PARAMS.version ||
    parsed.iterations !== CURRENT_PASSWORD_PARAMS.iterations ||
    parsed.salt.length !== CURRENT_PASSWORD_PARAMS.saltBytes;
  return { ok, needsRehash: ok && outdated };
}

// Fixed, public and meaningless: the result is thrown away, only the work matters.
const DUMMY_SALT = new Uint8Array([
  0x79, 0x75, 0x61, 0x6e, 0x71, 0x75, 0x2d, 0x64, 0x75, 0x6d, 0x6d, 0x79, 0x2d, 0x76, 0x31, 0x00,
]);

/**
 * One full PBKDF2 with CURRENT parameters. Call it when the account does not
 * exist, so "no such user" costs as long as "wrong password" (ASVS V6.3 anti-enumeration).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  await derivePbkdf2(password, DUMMY_SALT, CURRENT_PASSWORD_PARAMS.iterations, CURRENT_PASSWORD_PARAMS.keyBytes);
}
