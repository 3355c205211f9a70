/**
 * The 消息中心 over JSON, mounted at /api/v1/notices: the signed-in user's own notices (newest
 * first, paged, with the unread count), marking one or all read, and — for staff — how each kind
 * reaches them besides. A notice of another user's answers 404, as a missing one does.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { NOTICE_CHANNELS, NOTICE_KINDS, type NoticeRow } from "../../db/schema";
import { validationHook } from "../../lib/api-errors";
import { body, err, json } from "../../lib/openapi";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { requireRole } from "../auth/guard";
import { NOTICE_KIND_LABEL } from "./kinds";
import { listNotices } from "./list-notices";
import { markAllNoticesRead, markNoticeRead } from "./mark-read";
import { getNoticePreferences, PreferencesInput, setNoticePreferences } from "./preferences";

const Id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53);

const Notice = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTICE_KINDS),
    kindLabel: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().openapi({ description: "A path on this zone's site" }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notice");

const Preferences = z.object({
  preferences: z.array(z.object({ kind: z.enum(NOTICE_KINDS), channel: z.enum(NOTICE_CHANNELS) })),
  hasMobile: z.boolean(),
});

const noticeJson = (n: NoticeRow) => ({
  id: n.id,
  kind: n.kind,
  kindLabel: NOTICE_KIND_LABEL[n.kind],
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: new Date(n.createdAt).toISOString(),
  readAt: n.readAt === null ? null : new Date(n.readAt).toISOString(),
});

const denied = { 401: err("No session"), 403: err("Not allowed") };

const MarkAllRead = z.object({ read: z.literal(true, '只能把消息全部标为已读:请发送 {"read": true}。') }).strict();

export function noticesApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);
  // For GET and PUT only: an ALL route at "/preferences" would sit beside POST /{id}/read in the POST
  // matcher and push Hono from its RegExpRouter to the slower TrieRouter (tests/node/app.test.ts).
  r.on(["GET", "PUT"], "/preferences", requireRole(deps, "zone_admin", "reviewer", "bank"));
  r.use("*", requireRole(deps));

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listNotices",
      tags: ["notices"],
      summary: "My notices, newest first (20 a page), with how many are unread",
      request: {
        query: z.object({
          after: Id.optional().openapi({ param: { name: "after", in: "query" }, description: "nextCursor" }),
        }),
      },
      responses: {
        200: json(
          z.object({
            notices: z.array(Notice),
            total: z.number().int(),
            unread: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
          "Notices",
        ),
        422: err("Invalid cursor"),
        ...denied,
      },
    }),
    async (c) => {
      const page = await listNotices({ ctx: actingCtx(c, deps), after: c.req.valid("query").after });
      return c.json(
        { notices: page.rows.map(noticeJson), total: page.total, unread: page.unread, nextCursor: page.nextCursor },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      // PATCH on the list, not POST /read-all: a static segment beside POST /{id}/read would push Hono
      // from its RegExpRouter to the slower TrieRouter (tests/node/app.test.ts).
      method: "patch",
      path: "/",
      operationId: "markAllNoticesRead",
      tags: ["notices"],
      summary: 'Mark all my notices read (body {"read": true})',
      request: body(MarkAllRead),
      responses: { 200: json(z.object({ marked: z.number().int() }), "How many were unread"), ...denied },
    }),
    async (c) => c.json({ marked: await markAllNoticesRead({ ctx: actingCtx(c, deps) }) }, 200),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/preferences",
      operationId: "getNoticePreferences",
      tags: ["notices"],
      summary: "Staff: how each kind of notice reaches me besides the 消息中心 (in_app, email, sms)",
      responses: { 200: json(Preferences, "My choices"), ...denied },
    }),
    async (c) => c.json(await getNoticePreferences({ ctx: actingCtx(c, deps) }), 200),
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/preferences",
      operationId: "updateNoticePreferences",
      tags: ["notices"],
      summary: "Staff: choose per kind; kinds left out keep their choice",
      request: body(PreferencesInput),
      responses: {
        200: json(Preferences, "My choices, saved"),
        422: err("A kind my role does not receive, or an unknown channel"),
        ...denied,
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      await setNoticePreferences({ ctx, preferences: c.req.valid("json").preferences });
      return c.json(await getNoticePreferences({ ctx }), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/read",
      operationId: "markNoticeRead",
      tags: ["notices"],
      summary: "Mark one of my notices read",
      request: { params: z.object({ id: Id.openapi({ param: { name: "id", in: "path" }, example: 1 }) }) },
      responses: {
        200: json(z.object({ notice: Notice }), "The notice"),
        404: err("No such notice of mine"),
        ...denied,
      },
    }),
    async (c) => {
      const notice = await markNoticeRead({ ctx: actingCtx(c, deps), id: c.req.valid("param").id });
      return c.json({ notice: noticeJson(notice) }, 200);
    },
  );
  return r;
}
