/** The Worker's cron trigger: every zone's housekeeping runs (and mail would be delivered if configured). */
import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authAttempts } from "../../worker/db/schema";
import { dbFor } from "./auth-support";

describe("scheduled job", () => {
  it("prunes month-old sign-in attempts in every zone and keeps recent ones", async () => {
    const old = Date.now() - 31 * 86_400_000;
    for (const slug of ["zibo", "changzhi"]) {
      await dbFor(slug)
        .insert(authAttempts)
        .values([
          { kind: "login", email: `cron-old@${slug}.test`, ip: "192.0.2.1", ok: false, at: old },
          { kind: "login", email: `cron-new@${slug}.test`, ip: "192.0.2.1", ok: false, at: Date.now() },
        ]);
    }
    await (exports.default as unknown as { scheduled(o: { cron: string }): Promise<unknown> }).scheduled({
      cron: "* * * * *",
    });
    for (const slug of ["zibo", "changzhi"]) {
      expect(
        await dbFor(slug)
          .select()
          .from(authAttempts)
          .where(eq(authAttempts.email, `cron-old@${slug}.test`)),
      ).toEqual([]);
      expect(
        await dbFor(slug)
          .select()
          .from(authAttempts)
          .where(eq(authAttempts.email, `cron-new@${slug}.test`)),
      ).toHaveLength(1);
    }
  });
});
