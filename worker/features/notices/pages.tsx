/**
 * 消息中心 pages, mounted at /notices (any signed-in role): the list, opening a notice (marks it
 * read, then goes to its page) and marking one or all read (back to where the user was). And the
 * staff's 消息提醒方式, mounted at /account/notices. Writes are form POSTs answered with 303.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../env";
import type { NoticeChannel, Role } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { NoticesPage } from "../../../web/pages/notices/notices";
import { NoticePreferencesPage } from "../../../web/pages/notices/preferences";
import type { FormErrors } from "../../../web/components/form";
import { listPage, pageHref } from "../../../web/components/pager";
import { signedIn } from "../auth/guard";
import { formFailure, pageGuard, readForm } from "../auth/page-forms";
import { KINDS_FOR_ROLE, NOTICE_CHANNEL_LABEL, NOTICE_KIND_LABEL } from "./kinds";
import { listNotices } from "./list-notices";
import { markAllNoticesRead, markNoticeRead } from "./mark-read";
import { getNoticePreferences, setNoticePreferences } from "./preferences";

const NoticeId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53);

/** Where a mark-read form comes back to: this list, at the page the user was on; nothing else. */
const Back = z
  .string()
  .max(200)
  .regex(/^\/notices(\?after=\d{1,16})?$/)
  .catch("/notices");

const ReadForm = z.object({ open: z.string().max(1).optional(), back: Back.optional() });

const STAFF: Role[] = ["zone_admin", "reviewer", "bank"];

export function noticePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps));

  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    const after = NoticeId.safeParse(c.req.query("after"));
    const page = await listNotices({ ctx, after: after.success ? after.data : undefined });
    const { user } = signedIn(c);
    const done = c.req.query("done");
    return c.html(
      <NoticesPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        // The header counts what the session read; this page's own count is a moment fresher.
        user={{ ...user, unreadNotices: page.unread }}
        notices={page.rows.map((n) => ({
          id: n.id,
          kindLabel: NOTICE_KIND_LABEL[n.kind],
          title: n.title,
          body: n.body,
          createdAt: n.createdAt,
          read: n.readAt !== null,
        }))}
        unread={page.unread}
        page={listPage("/notices", {}, { total: page.total, nextCursor: page.nextCursor, paged: after.success })}
        back={pageHref("/notices", {}, after.success ? String(after.data) : null)}
        flash={done === "all" ? "已全部标为已读。" : done === "one" ? "已标为已读。" : undefined}
        staff={STAFF.includes(user.role)}
      />,
    );
  });

  // 全部标为已读 posts to the list itself: a static path beside /:id/read would push Hono off its RegExpRouter.
  r.post("/", async (c) => {
    const form = await readForm(c, ReadForm);
    await markAllNoticesRead({ ctx: actingCtx(c, deps) });
    return c.redirect(withDone(form.ok ? (form.data.back ?? "/notices") : "/notices", "all"), 303);
  });

  r.post("/:id/read", async (c) => {
    const id = NoticeId.safeParse(c.req.param("id"));
    if (!id.success) throw new AppError("not_found", "没有这条消息。");
    const form = await readForm(c, ReadForm);
    const notice = await markNoticeRead({ ctx: actingCtx(c, deps), id: id.data });
    if (form.ok && form.data.open) return c.redirect(localPath(notice.link), 303);
    return c.redirect(withDone(form.ok ? (form.data.back ?? "/notices") : "/notices", "one"), 303);
  });
  return r;
}

export function noticePreferencePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, ...STAFF));

  const show = async (c: Context<AppEnv>, o: { saved?: boolean; errors?: FormErrors }, status: 200 | 422 = 200) => {
    const ctx = actingCtx(c, deps);
    const { preferences, hasMobile } = await getNoticePreferences({ ctx });
    return c.html(
      <NoticePreferencesPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        preferences={preferences.map((p) => ({ kind: p.kind, label: NOTICE_KIND_LABEL[p.kind], channel: p.channel }))}
        channels={Object.entries(NOTICE_CHANNEL_LABEL).map(([value, label]) => ({ value, label }))}
        hasMobile={hasMobile}
        {...o}
      />,
      status,
    );
  };

  r.get("/", (c) => show(c, { saved: c.req.query("saved") === "1" }));

  r.post("/", async (c) => {
    const ctx = actingCtx(c, deps);
    const kinds = KINDS_FOR_ROLE[ctx.actor.role];
    // A kind the form does not carry keeps its choice: a page opened before a kind was added still saves.
    const form = await readForm(
      c,
      z.object(
        Object.fromEntries(
          kinds.map((k) => [`kind:${k}`, z.enum(["in_app", "email", "sms"], { message: "请从列表中选择" }).optional()]),
        ),
      ),
    );
    if (!form.ok) return show(c, { errors: form.errors }, 422);
    const data = form.data as Record<string, NoticeChannel | undefined>;
    const chosen = kinds.flatMap((kind) => {
      const channel = data[`kind:${kind}`];
      return channel ? [{ kind, channel }] : [];
    });
    try {
      await setNoticePreferences({ ctx, preferences: chosen });
    } catch (e) {
      const { errors } = formFailure(e, c);
      return show(c, { errors }, 422);
    }
    return c.redirect("/account/notices?saved=1", 303);
  });
  return r;
}

const withDone = (back: string, done: string) => `${back}${back.includes("?") ? "&" : "?"}done=${done}`;

/** A notice's link is a path we wrote; anything else goes to the list rather than off the site. */
const localPath = (link: string) => (link.startsWith("/") && !link.startsWith("//") ? link : "/notices");
