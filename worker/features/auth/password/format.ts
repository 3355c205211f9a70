/**
 * The stored password hash: `$pbkdf2-sha256$v=1$i=100000$<salt>$<hash>`, PHC-like,
 * salt and hash in standard base64 without padding. Self-describing so parameters
 * can change (needsRehash) without a migration; `v` versions the encoding rules
 * themselves (NFKC + UTF-8), which the other fields cannot express.
 *
 * Base64 is written here rather than via btoa/atob: those work on "binary strings",
 * and a hand-rolled strict decoder lets us reject non-canonical input outright.
 */

export const PBKDF2_MAX_ITERATIONS = 100_000;
/**
 * SHA-256's output size, and the only key length accepted: PBKDF2 beyond it doubles
 * the defender's work only, and a fixed length makes a truncated hash unparseable.
 */
export const KEY_BYTES = 32;

export interface PasswordHashParams {
  version: 1;
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function encodeBase64NoPad(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Returns null unless `text` is the canonical unpadded encoding of some bytes. */
export function decodeBase64NoPad(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v === -1) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, otherwise two strings would decode to the same bytes.
  if ((acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

export function formatPasswordHash(p: PasswordHashParams): string {
  return `$pbkdf2-sha256$v=${p.version}$i=${p.iterations}$${encodeBase64NoPad(p.salt)}$${encodeBase64NoPad(p.hash)}`;
}

// Decimal without leading zeros, so one set of parameters has exactly one spelling.
const SHAPE = /^\$pbkdf2-sha256\$v=1\$i=([1-9][0-9]{0,8})\$([A-Za-z0-9+/]{22,86})\$([A-Za-z0-9+/]{43})$/;
// Salts may grow in a later release (needsRehash), never shrink below 128 bits.
const MIN_SALT_BYTES = 16;
const MAX_SALT_BYTES = 64;

/**
 * Strict parse of a stored hash; null for anything else (empty, another scheme,
 * a "disabled" marker, truncated or tampered text). Iterations above the cap are
 * refused because Cloudflare production could not compute them anyway.
 */
export function parsePasswordHash(stored: string): PasswordHashParams | null {
  if (stored.length > 256) return null;
  const m = SHAPE.exec(stored);
  if (!m) return null;
  const iterations = Number(m[1]);
  if (iterations > PBKDF2_MAX_ITERATIONS) return null;
  const salt = decodeBase64NoPad(m[2]!);
  const hash = decodeBase64NoPad(m[3]!);
  if (!salt || !hash || hash.length !== KEY_BYTES) return null;
  if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) return null;
  return { version: 1, iterations, salt, hash };
}
