/** The Worker's cron trigger: every zone's housekeeping runs (and mail would be delivered if configured). */
import { exports } from "cloudflare:workers";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authAttempts, jobs, policyVersions } from "../../worker/db/schema";
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

  it("works off each zone's queued jobs (免申即享 after publishing) in the same run", async () => {
    const queued: Record<string, number> = {};
    for (const slug of ["zibo", "changzhi"]) {
      const db = dbFor(slug);
      const [current] = await db
        .select({ id: policyVersions.id })
        .from(policyVersions)
        .orderBy(desc(policyVersions.id));
      // The version compared with itself: nobody is newly eligible, so no test's outbox changes.
      const params = { versionId: current!.id, beforeVersionId: current!.id, today: "2026-06-30", asOf: Date.now() };
      const [row] = await db
        .insert(jobs)
        .values({
          kind: "notify_newly_eligible",
          params: JSON.stringify(params),
          total: null,
          createdAt: Date.now(),
          updatedAt: Date.now(),
        })
        .returning({ id: jobs.id });
      queued[slug] = row!.id;
    }
    await (exports.default as unknown as { scheduled(o: { cron: string }): Promise<unknown> }).scheduled({
      cron: "* * * * *",
    });
    for (const [slug, id] of Object.entries(queued)) {
      const [job] = await dbFor(slug).select().from(jobs).where(eq(jobs.id, id));
      expect(job).toMatchObject({ status: "done", messages: 0, leaseToken: null, error: null });
      expect(job!.done).toBeGreaterThan(0);
    }
  });
});
