/**
 * The Worker's cron trigger prunes the 消息中心 in every zone: notices read over 180 days ago and
 * unread ones over two years old go, the rest stay. Other files run the cron and write notices on
 * the same databases, so this file's rows belong to users of its own and only they are checked.
 */
import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notices } from "../../worker/db/schema";
import { dbFor, makeUser } from "./auth-support";

const DAY = 86_400_000;

describe("the scheduled run prunes old notices", () => {
  it("in every zone: read over 180 days ago and unread over two years go; the others stay", async () => {
    const now = Date.now();
    const owners: Record<string, string> = {};
    for (const slug of ["zibo", "changzhi"]) {
      const { id } = await makeUser(slug, "reviewer");
      owners[slug] = id;
      const row = (title: string, createdAt: number, readAt: number | null) => ({
        userId: id,
        kind: "application_submitted" as const,
        title,
        body: "有一份新的申报待初审。",
        link: "/admin/subsidies",
        eventKey: `prune-test-${id}-${title}`,
        createdAt,
        readAt,
      });
      await dbFor(slug)
        .insert(notices)
        .values([
          row("read-200-days-ago", now - 400 * DAY, now - 200 * DAY),
          row("unread-800-days", now - 800 * DAY, null),
          row("read-100-days-ago", now - 400 * DAY, now - 100 * DAY),
          row("unread-700-days", now - 700 * DAY, null),
          row("read-yesterday-after-three-years", now - 1100 * DAY, now - DAY),
        ]);
    }
    await (exports.default as unknown as { scheduled(o: { cron: string }): Promise<unknown> }).scheduled({
      cron: "* * * * *",
    });
    for (const [slug, userId] of Object.entries(owners)) {
      const left = await dbFor(slug).select({ title: notices.title }).from(notices).where(eq(notices.userId, userId));
      expect(left.map((r) => r.title).sort()).toEqual([
        "read-100-days-ago",
        "read-yesterday-after-three-years",
        "unread-700-days",
      ]);
    }
  });
});
