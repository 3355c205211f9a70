/**
 * The KDF primitives behind hash.ts. Internal to this folder: other features use
 * hashPassword/verifyPassword; tests import derivePbkdf2 to build legacy hashes.
 *
 * PBKDF2-SHA256 through WebCrypto because it is the only password KDF Workers run
 * without native code or WASM (argon2/bcrypt bindings do not load there).
 */

/**
 * NFKC first, then UTF-8. Chinese IMEs switch between half- and full-width input
 * ("Ａ" U+FF21 vs "A"), and macOS/Windows may compose accented letters differently;
 * without normalisation the same password typed on another device would not verify.
 * NIST SP 800-63B §5.1.1.2 and ASVS 5.0 V6 recommend it. Changing this mapping
 * would orphan stored hashes, which is why the stored format carries a version.
 */
export function encodePassword(password: string): Uint8Array<ArrayBuffer> {
  // Copied into a fresh ArrayBuffer-backed array: WebCrypto typings refuse a possibly shared buffer.
  return new Uint8Array(new TextEncoder().encode(password.normalize("NFKC")));
}

/** Derives `keyBytes` bytes; the whole password is used (HMAC pre-hashes long keys, no truncation). */
export async function derivePbkdf2(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  keyBytes: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encodePassword(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, keyBytes * 8);
  return new Uint8Array(bits);
}

/**
 * Compares every byte whatever the first difference, so response time does not
 * reveal how much of a guess matched. Lengths are not secret (they come from the
 * stored format), so an early return on a length mismatch leaks nothing.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
