import { describe, expect, it } from "vitest";
import { decodeBase64NoPad, encodeBase64NoPad, formatPasswordHash, parsePasswordHash } from "./format";
import {
  burnPasswordCheck,
  CURRENT_PASSWORD_PARAMS,
  hashPassword,
  PBKDF2_MAX_ITERATIONS,
  verifyPassword,
} from "./hash";
import { derivePbkdf2 } from "./pbkdf2";

const long128 = "密".repeat(64) + "aB3!".repeat(16);

/** A well-formed v1 hash built with arbitrary parameters, as an older release might have stored it. */
async function legacyHash(password: string, iterations: number, saltBytes = 16, keyBytes = 32): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(saltBytes));
  return formatPasswordHash({
    version: 1,
    iterations,
    salt,
    hash: await derivePbkdf2(password, salt, iterations, keyBytes),
  });
}

describe("hashPassword / verifyPassword", () => {
  it.each([
    ["an ASCII password", "correct horse battery staple"],
    ["a Chinese password", "中文密码也可以用🔐"],
    ["a 128-character password", long128],
  ])("verifies %s it hashed", async (_, pw) => {
    const stored = await hashPassword(pw);
    expect(await verifyPassword(pw, stored)).toEqual({ ok: true, needsRehash: false });
  });

  it("writes the self-describing v1 format with the current parameters", async () => {
    const stored = await hashPassword("Tr0ub4dor&3");
    expect(stored).toMatch(/^\$pbkdf2-sha256\$v=1\$i=100000\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const parsed = parsePasswordHash(stored);
    expect(parsed?.iterations).toBe(CURRENT_PASSWORD_PARAMS.iterations);
    expect(parsed?.salt.length).toBe(CURRENT_PASSWORD_PARAMS.saltBytes);
    expect(parsed?.hash.length).toBe(CURRENT_PASSWORD_PARAMS.keyBytes);
  });

  it.each([
    ["a different password", "Tr0ub4dor&4"],
    ["a different case", "tr0ub4dor&3"],
    ["a prefix of the password", "Tr0ub4dor&"],
    ["an empty password", ""],
  ])("rejects %s", async (_, attempt) => {
    const stored = await hashPassword("Tr0ub4dor&3");
    expect(await verifyPassword(attempt, stored)).toEqual({ ok: false, needsRehash: false });
  });

  it("does not truncate: passwords differing only in the last of 128 characters do not match", async () => {
    const stored = await hashPassword(long128);
    expect((await verifyPassword(`${long128.slice(0, -1)}?`, stored)).ok).toBe(false);
  });

  it("treats full-width input from a Chinese IME as the same password (NFKC)", async () => {
    const stored = await hashPassword("Passw0rd");
    expect((await verifyPassword("Ｐａｓｓｗ０ｒｄ", stored)).ok).toBe(true);
  });

  it("salts every hash, so the same password never hashes the same twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password"), hashPassword("same-password")]);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a)?.salt).not.toEqual(parsePasswordHash(b)?.salt);
  });
});

// Known answers for PBKDF2-HMAC-SHA256 (RFC 6070's inputs; published SHA-256 outputs, checked
// against Node's crypto.pbkdf2Sync): a round trip alone would pass with any deterministic function.
describe("derivePbkdf2 known answers (PBKDF2-HMAC-SHA256)", () => {
  const salt = (s: string) => new Uint8Array(new TextEncoder().encode(s));
  const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

  it.each([
    ["password", "salt", 1, 32, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"],
    ["password", "salt", 2, 32, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"],
    ["password", "salt", 4096, 32, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"],
    [
      "passwordPASSWORDpassword",
      "saltSALTsaltSALTsaltSALTsaltSALTsalt",
      4096,
      40,
      "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9",
    ],
  ])("P=%s S=%s c=%i dkLen=%i", async (password, s, iterations, keyBytes, expected) => {
    expect(hex(await derivePbkdf2(password, salt(s), iterations, keyBytes))).toBe(expected);
  });
});

describe("the PBKDF2 iteration cap", () => {
  it("is 100 000, the most Cloudflare production Workers accept", () => {
    expect(PBKDF2_MAX_ITERATIONS).toBe(100_000);
    expect(CURRENT_PASSWORD_PARAMS.iterations).toBeLessThanOrEqual(PBKDF2_MAX_ITERATIONS);
  });

  it("makes hashPassword reject iterations above it", async () => {
    await expect(hashPassword("pw", { iterations: 100_001 })).rejects.toThrow(/no greater than 100000/);
    await expect(hashPassword("pw", { iterations: 600_000 })).rejects.toThrow(Error);
  });

  it.each([50_000, 99_999, 100_000.5, Number.NaN])("makes hashPassword reject %s iterations", async (iterations) => {
    await expect(hashPassword("pw", { iterations })).rejects.toThrow(Error);
  });

  it("refuses a stored hash claiming more iterations than the cap", async () => {
    const over = (await legacyHash("pw", 1000)).replace("$i=1000$", "$i=100001$");
    expect(parsePasswordHash(over)).toBeNull();
    expect(await verifyPassword("pw", over)).toEqual({ ok: false, needsRehash: false });
  });
});

describe("needsRehash", () => {
  it.each([
    ["fewer iterations", 50_000, 16, 32],
    ["a longer salt", 100_000, 32, 32],
  ])("is true after a correct password against a hash with %s", async (_, iterations, saltBytes, keyBytes) => {
    const stored = await legacyHash("legacy password", iterations, saltBytes, keyBytes);
    expect(await verifyPassword("legacy password", stored)).toEqual({ ok: true, needsRehash: true });
  });

  it("is false after a wrong password, so a guess can never be stored as the new hash", async () => {
    const stored = await legacyHash("legacy password", 50_000);
    expect(await verifyPassword("wrong password", stored)).toEqual({ ok: false, needsRehash: false });
  });
});

describe("parsePasswordHash", () => {
  const salt = encodeBase64NoPad(new Uint8Array(16).fill(1));
  const hash = encodeBase64NoPad(new Uint8Array(32).fill(2));
  const valid = `$pbkdf2-sha256$v=1$i=100000$${salt}$${hash}`;

  it("accepts a well-formed hash", () => {
    expect(parsePasswordHash(valid)).toMatchObject({ version: 1, iterations: 100_000 });
  });

  it.each([
    ["empty", ""],
    ["another scheme", valid.replace("pbkdf2-sha256", "bcrypt")],
    ["SHA-1", valid.replace("pbkdf2-sha256", "pbkdf2-sha1")],
    ["an unknown version", valid.replace("v=1", "v=2")],
    ["zero iterations", valid.replace("i=100000", "i=0")],
    ["leading zeros", valid.replace("i=100000", "i=0100000")],
    ["a missing field", `$pbkdf2-sha256$v=1$i=100000$${hash}`],
    ["padding", `${valid}=`],
    ["a url-safe alphabet", valid.replace(salt, `${salt.replace(/A/g, "-").slice(0, -1)}_`)],
    ["a truncated hash", valid.slice(0, -1)],
    ["a 31-byte key", valid.replace(hash, encodeBase64NoPad(new Uint8Array(31)))],
    ["a 64-byte key", valid.replace(hash, encodeBase64NoPad(new Uint8Array(64)))],
    ["a salt shorter than 16 bytes", valid.replace(salt, encodeBase64NoPad(new Uint8Array(15)))],
    ["a non-canonical base64 tail", valid.replace(hash, `${hash.slice(0, -1)}R`)],
    ["trailing whitespace", `${valid} `],
    ["a disabled-account marker", "!"],
  ])("rejects %s, and verifyPassword fails without throwing", async (_, stored) => {
    expect(parsePasswordHash(stored)).toBeNull();
    await expect(verifyPassword("anything", stored)).resolves.toEqual({ ok: false, needsRehash: false });
  });
});

describe("base64 without padding", () => {
  it.each([0, 1, 2, 3, 16, 32, 64])("round-trips %i bytes", (n) => {
    const bytes = crypto.getRandomValues(new Uint8Array(n));
    expect(decodeBase64NoPad(encodeBase64NoPad(bytes))).toEqual(bytes);
  });

  it("matches the standard encoding", () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x10]);
    expect(encodeBase64NoPad(bytes)).toBe(Buffer.from(bytes).toString("base64").replace(/=+$/, ""));
  });
});

describe("burnPasswordCheck", () => {
  it("completes a full derivation without a stored hash", async () => {
    await expect(burnPasswordCheck("no such account")).resolves.toBeUndefined();
  });
});
