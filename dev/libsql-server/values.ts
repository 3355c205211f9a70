/**
 * Hrana values on the wire and their native counterparts. Integers travel as
 * decimal strings and live as bigint (the connection runs in safeIntegers
 * mode), so 64-bit values never pass through a float. Blobs travel as base64
 * and live as Buffer. A JS number always binds as REAL, which is what a Hrana
 * `float` means.
 */
import { z } from "zod";

export type NativeValue = null | bigint | number | string | Buffer;

export type ProtoValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const DECIMAL = /^[+-]?[0-9]+$/;
// Standard alphabet, padding optional (sqld accepts both and so do we).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

const integerText = z
  .string()
  .regex(DECIMAL, "integer value must be a decimal string")
  .refine((text) => {
    const value = BigInt(text);
    return value >= I64_MIN && value <= I64_MAX;
  }, "integer value is outside the signed 64-bit range");

export const protoValueSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("null") }),
    z.object({ type: z.literal("integer"), value: integerText }),
    z.object({ type: z.literal("float"), value: z.number() }),
    z.object({ type: z.literal("text"), value: z.string() }),
    z.object({ type: z.literal("blob"), base64: z.string().regex(BASE64, "blob must be standard base64") }),
  ])
  .transform((value): NativeValue => {
    switch (value.type) {
      case "null":
        return null;
      case "integer":
        return BigInt(value.value);
      case "float":
        return value.value;
      case "text":
        return value.value;
      case "blob":
        return Buffer.from(value.base64, "base64");
    }
  });

/** Encodes a value read from the native module (safeIntegers mode) for the wire. */
export function toProtoValue(value: unknown): ProtoValue {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof Uint8Array)
    return { type: "blob", base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  // SQLite has no other storage class; anything else is a bug worth seeing.
  throw new TypeError(`Unexpected value of type ${typeof value} from the database`);
}
