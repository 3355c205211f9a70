/**
 * The subsidy (政策兑现) JSON API. Every route states who may use it: members of
 * an admitted enterprise apply (their own applications only — another
 * enterprise's id answers 404 as if it did not exist), zone staff review and
 * see the queue, zone admins approve payments, record them and resolve
 * objections; the 公示 list and lodging an objection are public. The routes
 * only translate HTTP: the rules are the services' (./*.ts), shared with the pages.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { subsidyApplications, subsidyObjections } from "../../db/schema";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { applicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import { requireRole, requireSignedIn } from "../auth/guard";
import { actingCtx, actingUser } from "../auth/acting-ctx";
import { requestCtx } from "../../middleware/request-ctx";
import { requireMember } from "../enterprises/member-guard";
import { shanghaiDate } from "../../lib/calendar";
import { MATERIAL_LIMIT_LABEL, MAX_MATERIAL_BYTES } from "../materials/save-material";
import { loadCurrentPolicy, type LoadedPolicy } from "../policies/current-policy";
import { currentPolicyOf } from "../policies/programme-api";
import {
  ApplicationIdParam,
  applicationJson,
  CreateBody,
  DashboardQuery,
  DashboardSchema,
  DetailSchema,
  detailJson,
  DraftBody,
  IdempotencyHeader,
  ListSchema,
  MaterialSchema,
  materialJson,
  ObjectionIdParam,
  PublicitySchema,
  SubsidyApplicationSchema,
  UploadBody,
} from "./api-schemas";
import { attachMaterial } from "./attach-material";
import { CommentInput, commentOnApplication } from "./comment-application";
import { readableApplication, type SubsidyCtx } from "./context";
import { titleFrom } from "./programme-title";
import { createApplication } from "./create-application";
import { subsidyDashboard } from "./dashboard";
import { getApplication, STATUS_ZH } from "./get-application";
import { listMyApplications, listQueue, QueueQuery } from "./list-applications";
import { listPublicity, lodgeObjection, ObjectionInput, ResolveInput, resolveObjection } from "./publicity";
import { paidSoFar, PaymentInput, recordPayment } from "./record-payment";
import { ReviewInput, reviewApplication } from "./review-application";
import { saveDraft } from "./save-draft";
import { submitApplication } from "./submit-application";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});
const err = (description: string) => json(ErrorEnvelope, description);
const denied = { 401: err("No session"), 403: err("Not allowed for this account") };
const missing = { 404: err("No such application (or not yours)") };
const Application = z.object({ application: SubsidyApplicationSchema });

/** One file plus the multipart envelope around it; the file itself is held to its limit by the materials feature. */
const UPLOAD_BODY_LIMIT = MAX_MATERIAL_BYTES + 64 * 1024;
const uploadLimit = bodyLimit({
  maxSize: UPLOAD_BODY_LIMIT,
  onError: () => {
    throw new AppError(
      "payload_too_large",
      `上传的文件超过了每个文件 ${MATERIAL_LIMIT_LABEL} 的上限。请压缩或分页扫描后重新上传。`,
      { file: `不超过 ${MATERIAL_LIMIT_LABEL}` },
    );
  },
});

const ctxOf = (c: Context<AppEnv>, deps: AppDeps): SubsidyCtx => {
  const { db, zone, now, ip, origin } = requestCtx(c, deps);
  return { db, zone, now, ip, origin };
};
const actorOf = actingUser;

/** Programme titles from the policy in force (./programme-title.ts: never an id). */
const titleIn = (policy: LoadedPolicy | null) => titleFrom(policy?.compiled);
const titles = async (c: Context<AppEnv>, deps: AppDeps) =>
  titleIn(await loadCurrentPolicy(zoneOf(c), shanghaiDate(deps.now())));

export function subsidyApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/subsidies/*", requireZone);
  r.use("/api/v1/admin/subsidies/*", requireZone, requireRole(deps, "zone_admin", "reviewer"));
  const member = requireMember(deps);
  const staff = requireRole(deps, "zone_admin", "reviewer");
  const signedInOnly = requireSignedIn(deps);
  const admin = requireRole(deps, "zone_admin");
  // Reading: a member of an admitted enterprise (its own), or zone staff; anyone else is refused (audited).
  const memberOrStaff = createMiddleware<AppEnv>((c, next) =>
    c.get("auth")?.user.role === "enterprise" ? member(c, next) : staff(c, next),
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/subsidies/applications",
      tags: ["subsidies"],
      middleware: [member] as const,
      summary:
        "Start an application (a draft) for a programme of the policy in force; a retry with the same Idempotency-Key returns the first one",
      request: { headers: IdempotencyHeader, ...body(CreateBody) },
      responses: {
        201: json(Application, "Created"),
        200: json(Application, "Already created with this Idempotency-Key"),
        ...denied,
        404: err("No such programme in the policy in force"),
        422: err("Invalid input, or a programme enterprises do not apply for themselves"),
      },
    }),
    async (c) => {
      const { policy } = await currentPolicyOf(c, deps);
      const { programme, facts, formValues, projectCode } = c.req.valid("json");
      const out = await createApplication(
        actingCtx(c, deps),
        policy,
        { programme, facts, formValues, projectCode },
        c.req.valid("header")["idempotency-key"] ?? null,
      );
      const title = titleIn(policy);
      return out.created
        ? c.json({ application: applicationJson(out.application, title, zoneOf(c).zone) }, 201)
        : c.json({ application: applicationJson(out.application, title, zoneOf(c).zone) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/subsidies/applications",
      tags: ["subsidies"],
      middleware: [memberOrStaff] as const,
      summary:
        "A member: its enterprise's applications (every status; the filters are for the staff queue). Zone staff: the queue of submitted applications, filtered by status, stage, programme, or enterprise name or application number (q, e.g. ZB-2026-000123), with counts per status and stage",
      request: { query: QueueQuery },
      responses: {
        200: json(ListSchema, "Applications, those due first (staff) or most recently changed first (member)"),
        ...denied,
        422: err("Invalid filter"),
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const title = await titles(c, deps);
      const item = ({ numberYear, numberSeq, ...a }: Awaited<ReturnType<typeof listMyApplications>>[number]) => ({
        ...a,
        number: applicationNumber(zoneOf(c).zone, "subsidy", { numberYear, numberSeq }),
        programme: title(a.programmeId),
        statusZh: STATUS_ZH[a.status],
        submittedAt: a.submittedAt === null ? null : new Date(a.submittedAt).toISOString(),
        updatedAt: new Date(a.updatedAt).toISOString(),
      });
      if (actor.role === "enterprise") {
        const rows = await listMyApplications(zoneOf(c), actor);
        const counts = new Map<string, { status: (typeof rows)[number]["status"]; stage: string | null; n: number }>();
        for (const a of rows) {
          const key = `${a.status}/${a.stage ?? ""}`;
          counts.set(key, { status: a.status, stage: a.stage, n: (counts.get(key)?.n ?? 0) + 1 });
        }
        return c.json({ applications: rows.map(item), counts: [...counts.values()] }, 200);
      }
      const { rows, counts } = await listQueue(zoneOf(c), c.req.valid("query"));
      return c.json({ applications: rows.map(item), counts }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/subsidies/applications/{id}",
      tags: ["subsidies"],
      middleware: [memberOrStaff] as const,
      summary:
        "One application: facts, the engine's result and explanation, materials, timeline, payments, where it stands and what is expected by when (objections: staff only)",
      request: { params: ApplicationIdParam },
      responses: { 200: json(DetailSchema, "The application"), ...denied, ...missing },
    }),
    async (c) =>
      c.json(
        detailJson(
          await getApplication(actingCtx(c, deps), c.req.valid("param").id),
          await titles(c, deps),
          zoneOf(c).zone,
        ),
        200,
      ),
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/subsidies/applications/{id}/draft",
      tags: ["subsidies"],
      middleware: [member] as const,
      summary:
        "Autosave a draft (or a returned application being corrected): valid facts are stored, invalid ones reported in `errors`; the form as typed is kept",
      request: { params: ApplicationIdParam, ...body(DraftBody) },
      responses: {
        200: json(
          z.object({ application: SubsidyApplicationSchema, errors: z.record(z.string(), z.string()) }),
          "Saved",
        ),
        ...denied,
        ...missing,
        409: err("Already submitted, or changed since `revision`"),
        422: err("Invalid input"),
      },
    }),
    async (c) => {
      const { policy } = await currentPolicyOf(c, deps);
      const out = await saveDraft(actingCtx(c, deps), policy, c.req.valid("param").id, c.req.valid("json"));
      return c.json(
        { application: applicationJson(out.application, titleIn(policy), zoneOf(c).zone), errors: out.errors },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/subsidies/applications/{id}/materials",
      tags: ["subsidies"],
      middleware: [member, uploadLimit] as const,
      summary: `Upload one of the programme's materials (multipart/form-data: kind = the material's id, file = PDF/JPG/PNG, at most ${MATERIAL_LIMIT_LABEL}) to a draft or returned application`,
      request: {
        params: ApplicationIdParam,
        body: { required: true, content: { "multipart/form-data": { schema: UploadBody } } },
      },
      responses: {
        201: json(z.object({ material: MaterialSchema }), "Stored"),
        ...denied,
        ...missing,
        409: err("Already submitted"),
        413: err(`File over ${MATERIAL_LIMIT_LABEL}`),
        415: err("Not multipart/form-data"),
        422: err("Not a material of this programme, empty, or not PDF/JPG/PNG by its bytes"),
      },
    }),
    async (c) => {
      const { policy } = await currentPolicyOf(c, deps);
      const { kind, file } = c.req.valid("form");
      const row = await attachMaterial(
        { ...actingCtx(c, deps), blobs: deps.blobs },
        policy,
        c.req.valid("param").id,
        kind,
        file,
      );
      return c.json({ material: materialJson(row) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/subsidies/applications/{id}/comments",
      tags: ["subsidies"],
      middleware: [signedInOnly] as const,
      summary:
        "Add a comment to the timeline: zone staff's 意见 (the enterprise is told) or a member's 留言; changes no state",
      request: { params: ApplicationIdParam, ...body(CommentInput) },
      responses: {
        201: json(z.object({ ok: z.literal(true) }), "Added"),
        ...denied,
        ...missing,
        409: err("Still a draft"),
        422: err("Empty or over 1000 characters"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      if (ctx.actor.role === "bank") throw new AppError("forbidden", "金融机构用户不能查看或评论政策兑现申报。");
      const id = c.req.valid("param").id;
      await commentOnApplication(
        ctx,
        id,
        c.req.valid("json"),
        (await titles(c, deps))((await getApplication(ctx, id)).application.programmeId),
      );
      return c.json({ ok: true as const }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/subsidies/applications/{id}/submit",
      tags: ["subsidies"],
      middleware: [member] as const,
      summary:
        "Submit (or resubmit after correction): every fact and required material present, the programme open, the engine finding the enterprise eligible with its award history; stores facts, result and policy version. Submitting again returns it as it is",
      request: { params: ApplicationIdParam },
      responses: {
        200: json(
          z.object({ application: SubsidyApplicationSchema, alreadySubmitted: z.boolean() }),
          "Submitted (or already was)",
        ),
        ...denied,
        ...missing,
        409: err("Cannot be submitted any more"),
        422: err("A fact or material missing, or a condition not met (the message names it)"),
      },
    }),
    async (c) => {
      const { policy } = await currentPolicyOf(c, deps);
      const out = await submitApplication(actingCtx(c, deps), policy, c.req.valid("param").id);
      return c.json(
        {
          application: applicationJson(out.application, titleIn(policy), zoneOf(c).zone),
          alreadySubmitted: out.alreadySubmitted,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/subsidies/applications/{id}/review",
      tags: ["subsidies"],
      middleware: [staff] as const,
      summary:
        "Zone staff at the application's stage: pass (amount lowered, or set within the review range, with a reason), return for correction (reason = what to fix) or reject (reason required). Whoever passed the previous stage may not pass this one; passing 拨付 approves the award, re-checking limits and budget",
      request: { params: ApplicationIdParam, ...body(ReviewInput) },
      responses: {
        200: json(Application, "Done; the enterprise is notified"),
        ...denied,
        ...missing,
        409: err("Not at a review stage, changed meanwhile, or over a limit or the budget"),
        422: err("Reason missing, or an amount the rules do not allow"),
      },
    }),
    async (c) => {
      const title = await titles(c, deps);
      const row = await reviewApplication(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json"), title);
      return c.json({ application: applicationJson(row, title, zoneOf(c).zone) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/subsidies/applications/{id}/payments",
      tags: ["subsidies"],
      middleware: [admin] as const,
      summary:
        "Zone admin: record a payment (amount, date, voucher number) of an approved award; payments never exceed it, and it is paid when they add up",
      request: { params: ApplicationIdParam, ...body(PaymentInput) },
      responses: {
        201: json(z.object({ application: SubsidyApplicationSchema, paidFen: z.number().int() }), "Recorded"),
        ...denied,
        ...missing,
        409: err("Not approved for payment, already paid, or the voucher number is used"),
        422: err("Over the award, or a date in the future"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const id = c.req.valid("param").id;
      const title = await titles(c, deps);
      const app = await readableApplication(ctx, ctx.actor, id);
      const row = await recordPayment(ctx, id, c.req.valid("json"), title(app.programmeId));
      return c.json(
        { application: applicationJson(row, title, zoneOf(c).zone), paidFen: await paidSoFar(ctx.db, id) },
        201,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/subsidies/publicity",
      tags: ["subsidies"],
      summary:
        "Public (no sign-in): the applications on public notice (公示) — enterprise, programme, amount and the notice period; nothing personal",
      responses: { 200: json(PublicitySchema, "On notice, ending soonest first") },
    }),
    async (c) => {
      const title = await titles(c, deps);
      const rows = await listPublicity(zoneOf(c));
      return c.json(
        {
          items: rows.map((p) => ({
            id: p.id,
            number: applicationNumber(zoneOf(c).zone, "subsidy", p),
            enterprise: p.enterprise,
            programmeId: p.programmeId,
            programme: title(p.programmeId),
            amountFen: p.amountFen,
            from: p.from,
            to: p.to,
          })),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/subsidies/publicity/{id}/objections",
      tags: ["subsidies"],
      summary:
        "Public (no sign-in): lodge an objection (异议) to an application on notice, with contact details; it holds the application until a zone admin resolves it",
      request: { params: ApplicationIdParam, ...body(ObjectionInput) },
      responses: {
        201: json(z.object({ id: z.string(), message: z.string() }), "Lodged"),
        404: err("Not on public notice"),
        409: err("The notice period has ended"),
        422: err("Name, contact or content missing"),
      },
    }),
    async (c) => {
      const out = await lodgeObjection(ctxOf(c, deps), c.req.valid("param").id, c.req.valid("json"));
      return c.json(
        {
          id: out.id,
          message: "异议已提交。园区管理员核实处理前,这份申报暂停推进;处理结果会通过你留下的联系方式告知。",
        },
        201,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin/subsidies/objections/{id}/resolve",
      tags: ["subsidies"],
      middleware: [admin] as const,
      summary:
        "Zone admin: resolve an objection — dismiss (公示 goes on; the period over, it moves on) or uphold (the application is rejected)",
      request: { params: ObjectionIdParam, ...body(ResolveInput) },
      responses: {
        200: json(Application, "Resolved"),
        ...denied,
        404: err("No such objection"),
        409: err("Already resolved, or the application changed meanwhile"),
        422: err("Resolution missing"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const id = c.req.valid("param").id;
      const title = await titles(c, deps);
      // The notice names the programme; the service itself finds the objection (404 when there is none).
      const [found] = await ctx.db
        .select({ programmeId: subsidyApplications.programmeId })
        .from(subsidyObjections)
        .innerJoin(subsidyApplications, eq(subsidyApplications.id, subsidyObjections.applicationId))
        .where(eq(subsidyObjections.id, id))
        .limit(1);
      const row = await resolveObjection(ctx, id, c.req.valid("json"), found ? title(found.programmeId) : "");
      return c.json({ application: applicationJson(row, title, zoneOf(c).zone) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/subsidies/dashboard",
      tags: ["subsidies"],
      summary:
        "Zone staff: applications and amounts by programme and stage, budget used against each programme's annual budget, average days per stage",
      request: { query: DashboardQuery },
      responses: { 200: json(DashboardSchema, "The dashboard"), ...denied, 422: err("Invalid year") },
    }),
    async (c) => {
      const today = shanghaiDate(deps.now());
      const policy = await loadCurrentPolicy(zoneOf(c), today);
      const year = c.req.valid("query").year ?? Number(today.slice(0, 4));
      return c.json(await subsidyDashboard(zoneOf(c), policy?.compiled ?? null, year), 200);
    },
  );
  return r;
}
