/** The zone admin registers a bank institution (a branch active in the zone's 金融超市). One USCC per zone. */
import { eq } from "drizzle-orm";
import { banks } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import type { RegisterBankInput } from "./schemas";
import { isUniqueViolation } from "../../db/unique-violation";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

const duplicate = (name: string) => {
  const message = `这个统一社会信用代码已登记为「${name}」,同一机构在本园区只能登记一次。`;
  return new AppError("conflict", message, { uscc: message });
};

export async function registerBank(
  { db, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  input: RegisterBankInput,
) {
  const [taken] = await db.select({ name: banks.name }).from(banks).where(eq(banks.uscc, input.uscc)).limit(1);
  if (taken) throw duplicate(taken.name);
  const row = { id: newId(), ...input, status: "active" as const, createdAt: now.getTime() };
  try {
    await db.batch([
      db.insert(banks).values(row),
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: "bank.registered",
          target: row.id,
          result: "ok",
          ip,
          detail: { name: input.name, branch: input.branch, uscc: input.uscc },
        },
        now,
      ),
    ]);
  } catch (e) {
    // Registered by a concurrent request between the check and the insert.
    if (isUniqueViolation(e)) throw duplicate(input.name);
    throw e;
  }
  return row;
}
