/** Opaque ids: 128 bits, base32 lower case (26 chars), safe in URLs and logs. */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** A new random id: 128 random bits. */
export function newId(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The id of a demo row named `name` (e.g. "bank:zibo"): the first 16 bytes of
 * its SHA-256, in newId()'s format, so demo rows pass every id check real rows
 * pass. Deterministic, so seeding twice finds the same rows and tests can name
 * them. Only for demo and test data: a real row's id must not be guessable.
 */
export function demoId(name: string): string {
  return encodeBase32LowerCaseNoPadding(sha256(new TextEncoder().encode(name)).slice(0, 16));
}
