/**
 * What an API token looks like: `yq_<zone slug>_<40 base32 characters>` (200 random bits). The
 * zone is in the clear so a leaked token says whose it is (secret scanners, a person reading a
 * log) and so another zone's token is refused before any lookup; only its SHA-256 is stored.
 * Hashed with WebCrypto, which workerd and Node both have.
 */
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** How many characters of a token's secret its shown prefix keeps (`yq_zibo_k3v4`): too few to guess the rest. */
const SHOWN_SECRET_CHARS = 4;

const SECRET_CHARS = 40;
const TOKEN_FORMAT = /^yq_([a-z][a-z0-9-]{0,30}[a-z0-9])_([a-z2-7]{40})$/;

/** A new token for a zone: the whole secret, to show once. */
export function newApiToken(slug: string): string {
  const secret = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(25)));
  if (secret.length !== SECRET_CHARS) throw new Error("unexpected token length");
  return `yq_${slug}_${secret}`;
}

/** The zone slug a well-formed token names, or null when it is not one of ours at all. */
export function apiTokenZone(token: string): string | null {
  return TOKEN_FORMAT.exec(token)?.[1] ?? null;
}

/** What is stored and looked up: SHA-256 of the whole token, lower-case hex. */
export async function hashApiToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return encodeHexLowerCase(new Uint8Array(digest));
}

/**
 * The part of a token lists show: the zone and the secret's first characters (12 characters for a
 * four-letter zone such as zibo), so two tokens of a long-named zone still look different.
 */
export function apiTokenPrefix(token: string): string {
  const secretAt = token.lastIndexOf("_") + 1;
  return token.slice(0, secretAt + SHOWN_SECRET_CHARS);
}
