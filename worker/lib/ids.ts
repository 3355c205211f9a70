/** Opaque ids: 128 random bits, base32 lower case (26 chars), safe in URLs and logs. */
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

export function newId(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(16)));
}
