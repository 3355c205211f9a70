/**
 * The enterprise's 政策兑现 pages: 在线申报 from a programme (a draft prefilled
 * from the enterprise's records), 我的申报, and one application — the form with
 * the live estimate and the materials while it is a draft or returned, where it
 * stands once submitted. Plain forms (hono/csrf): success is a 303; a refusal
 * re-renders the form with the reason and a 4xx.
 *
 * A draft keeps what was typed even when it is not valid yet: a form post saves
 * the typed values and the facts that do parse, and the page shows what to fix.
 * POST …/estimate is the form's script's door: the same parsing and the same
 * estimate on the enterprise's profile and award history, so the result the user
 * watches while typing is the one this page and the submission compute (the
 * public calculator's estimate knows no profile or history).
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { parseApplicationNumber } from "../../lib/application-number";
import { RETIRED_PROGRAMME, titleFrom } from "./programme-title";
import { AppError } from "../../lib/errors";
import { requireZone } from "../../middleware/zone";
import type { ProgrammeView } from "../../engines/policy/describe";
import { evaluate, type CompiledProgramme } from "../../engines/policy/evaluate";
import { parseFacts, type Facts, type FactValue } from "../../engines/policy/facts";
import { prefillFacts } from "../../engines/policy/prefill";
import { DraftPage, EstimateBody } from "../../../web/pages/subsidies/member-draft";
import { MyApplicationsPage } from "../../../web/pages/subsidies/member-list";
import { StatusPage } from "../../../web/pages/subsidies/member-status";
import type { Notice } from "../../../web/pages/subsidies/shared";
import { actingCtx } from "../auth/acting-ctx";
import { signedIn } from "../auth/guard";
import { formFailure } from "../auth/page-forms";
import { requireMemberPage } from "../enterprises/member-guard";
import { shanghaiDate } from "../../lib/calendar";
import { MATERIAL_LIMIT_LABEL, MAX_MATERIAL_BYTES } from "../materials/save-material";
import { loadCurrentPolicy, loadPolicyVersion, type LoadedPolicy } from "../policies/current-policy";
import { factsToForm, fieldName, formToFacts, type FormValues } from "../policies/calculator-form";
import { loadEnterpriseProfiles, withInProgress } from "../policies/enterprise-profiles";
import { currentPolicyOf } from "../policies/programme-api";
import { viewOf } from "../policies/search-programmes";
import { attachMaterial } from "./attach-material";
import { attachChosenFiles, chosenMaterialFiles, MAX_FILES_PER_FORM } from "./form-files";
import { NOT_FOUND, readableApplication, type SubsidyActor, type SubsidyCtx } from "./context";
import { createApplication } from "./create-application";
import { CommentInput, commentOnApplication } from "./comment-application";
import { getApplication, type ApplicationDetail } from "./get-application";
import { listMyApplications } from "./list-applications";
import { saveDraft } from "./save-draft";
import { materialKind, submitApplication } from "./submit-application";

type Ctx = SubsidyCtx & { actor: SubsidyActor };
const ID = /^[a-z0-9]{10,40}$/;
const PROGRAMME = /^[a-z][a-z0-9-]{2,62}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,100}$/;
const MATERIAL_PREFIX = materialKind("");
const editable = (status: string) => status === "draft" || status === "returned";
const pageOf = (id: string) => `/subsidies/applications/${id}`;

const DONE: Record<string, Notice> = {
  created: {
    kind: "ok",
    message: "申报草稿已创建,能从企业资料预填的数据已填好。请核对、补充并上传材料;填写的内容会自动保存。",
  },
  saved: { kind: "ok", message: "草稿已保存。" },
  uploaded: { kind: "ok", message: "材料已上传。" },
  "saved-uploaded": { kind: "ok", message: "草稿已保存,选好的材料已上传。" },
};

/**
 * Each field on its own, so one bad field does not cost the others: what was
 * typed (verbatim, for the form and formValues), the facts that parse and pass
 * the engine's checks, and a message per field that does not.
 */
function readFields(
  view: ProgrammeView,
  programme: CompiledProgramme,
  raw: Readonly<Record<string, string | undefined>>,
) {
  const values: FormValues = {};
  const errors: Record<string, string> = {};
  const facts: Record<string, FactValue> = {};
  for (const fact of view.facts) {
    const field = fieldName(fact, view.facts);
    const one = formToFacts(view.facts, { [field]: raw[field] ?? "" });
    values[field] = one.values[field] ?? "";
    if (!one.ok) {
      errors[field] = one.errors[field] ?? "填写有误。";
      continue;
    }
    const checked = parseFacts(programme, one.facts);
    if (checked.ok) Object.assign(facts, checked.facts);
    else errors[field] = Object.values(checked.errors).join(" ");
  }
  return { values, errors, facts: facts as Facts };
}

/** A service's fields (fact names, material:…, condition:…) keyed as the form's fields are. */
function byField(view: ProgrammeView, fields: Record<string, string> | undefined): Record<string, string> {
  const names = new Map(view.facts.map((f) => [f.name, fieldName(f, view.facts)]));
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [names.get(k) ?? k, v]));
}

export function subsidyMemberPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const guard = requireMemberPage(deps);
  r.use("/subsidies", requireZone, guard);
  r.use("/subsidies/*", requireZone, guard);
  const uploadLimit = bodyLimit({
    maxSize: MAX_MATERIAL_BYTES + 64 * 1024,
    onError: () => {
      throw new AppError(
        "payload_too_large",
        `文件超过了每个文件 ${MATERIAL_LIMIT_LABEL} 的上限。请压缩或分页扫描后重新上传。`,
      );
    },
  });

  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");
  const ctxOf = (c: Context<AppEnv>): Ctx => actingCtx(c, deps);
  const idParam = (c: Context<AppEnv>) => {
    const id = c.req.param("id") ?? "";
    if (!ID.test(id)) throw new AppError("not_found", NOT_FOUND);
    return id;
  };
  const formLimit = bodyLimit({
    maxSize: MAX_MATERIAL_BYTES * MAX_FILES_PER_FORM + 256 * 1024,
    onError: () => {
      throw new AppError(
        "payload_too_large",
        `一次提交的文件太大(每个文件不超过 ${MATERIAL_LIMIT_LABEL})。请分几次上传。`,
      );
    },
  });
  const textFields = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    refuseBadCharacters(body, { projectCode: "项目编号" });
    return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
  };
  const programmeOf = (policy: LoadedPolicy, programmeId: string) => {
    const programme = policy.compiled.programmes.get(programmeId);
    if (!programme)
      throw new AppError("conflict", `这个项目已不在现行政策(第${policy.version.id}版)中,草稿不能继续填写或提交。`);
    return { programme, view: viewOf(policy.compiled, programmeId)! };
  };
  /** The engine's answer on the enterprise's own profile and award history, as submitting would compute it. */
  const estimateOf = async (
    ctx: Ctx,
    programme: CompiledProgramme,
    facts: Facts,
    app: { id: string; enterpriseId: string },
    today: string,
  ) => {
    const [enterprise] = await loadEnterpriseProfiles(ctx, today, app.enterpriseId, app.id);
    const result = evaluate(programme, {
      facts,
      profile: enterprise?.profile,
      history: enterprise?.history ?? [],
      date: today,
    });
    return enterprise ? withInProgress(enterprise, result) : result;
  };

  type DraftState = {
    values?: Record<string, string>;
    errors?: Record<string, string>;
    message?: string;
    notice?: Notice;
  };
  const draftPage = async (
    c: Context<AppEnv>,
    ctx: Ctx,
    policy: LoadedPolicy,
    today: string,
    detail: ApplicationDetail,
    state: DraftState = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const app = detail.application;
    const { programme, view } = programmeOf(policy, app.programmeId);
    // Facts stored without the form (the API) show too; what was typed wins.
    const fields = readFields(
      view,
      programme,
      state.values ?? { ...factsToForm(view.facts, detail.facts as Facts), ...detail.formValues },
    );
    const estimate = await estimateOf(ctx, programme, fields.facts, app, today);
    const bad = Object.keys(fields.errors).length;
    const returned =
      app.status === "returned"
        ? { reason: detail.events.findLast((e) => e.action === "returned")?.note ?? null, by: app.dueOn }
        : null;
    return c.html(
      <DraftPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        app={{
          id: app.id,
          numberYear: app.numberYear,
          numberSeq: app.numberSeq,
          status: app.status as "draft" | "returned",
          stage: app.stage,
          revision: app.revision,
        }}
        programme={view}
        values={fields.values}
        errors={{ ...fields.errors, ...state.errors }}
        message={state.message ?? (bad ? `有 ${bad} 项填写有误,已按原样保存在草稿中;提交前请按提示修改。` : undefined)}
        notice={state.notice}
        returned={returned}
        materials={detail.materials
          .filter((m) => m.kind.startsWith(MATERIAL_PREFIX))
          .map((m) => ({ ...m, materialId: m.kind.slice(MATERIAL_PREFIX.length) }))}
        estimate={estimate}
        versionId={policy.version.id}
        events={detail.events}
        limitLabel={MATERIAL_LIMIT_LABEL}
      />,
      status,
    );
  };

  // ── 在线申报: a draft from a programme page ────────────────────────────────
  r.post("/subsidies/apply", async (c) => {
    const ctx = ctxOf(c);
    const form = await textFields(c);
    const programmeId = form.programme ?? "";
    if (!PROGRAMME.test(programmeId))
      throw new AppError("not_found", "没有这个项目,请从政策纵览进入项目页面后点“在线申报”。");
    const key = form.idempotencyKey?.trim() || null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key))
      throw new AppError("bad_request", "表单已失效,请回到项目页面重新点“在线申报”。");
    const { policy, today } = await currentPolicyOf(c, deps);
    const programme = policy.compiled.programmes.get(programmeId);
    const view = viewOf(policy.compiled, programmeId);
    // Prefilled from the enterprise's verified records: nobody re-types what the platform knows.
    const [enterprise] = await loadEnterpriseProfiles(ctx, today, ctx.actor.enterpriseId!);
    const facts = programme && enterprise ? prefillFacts(programme, enterprise.profile) : {};
    const { application, created } = await createApplication(
      ctx,
      policy,
      { programme: programmeId, facts, formValues: view ? factsToForm(view.facts, facts) : {} },
      key,
    );
    return c.redirect(`${pageOf(application.id)}${created ? "?done=created" : ""}`, 303);
  });

  // ── 我的申报 ───────────────────────────────────────────────────────────────
  r.get("/subsidies", async (c) => {
    const ctx = ctxOf(c);
    const [rows, policy] = await Promise.all([
      listMyApplications(ctx, ctx.actor),
      loadCurrentPolicy(ctx, shanghaiDate(ctx.now)),
    ]);
    const title = titleFrom(policy?.compiled);
    // ?q= finds an application by its number (ZB-2026-000123, also without the letters) or its programme's title.
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const q = c.req.query("q")?.trim().slice(0, 50) || undefined;
    const n = q ? parseApplicationNumber(ctx.zone, "subsidy", q) : null;
    const named = rows.map((a) => ({ ...a, programme: title(a.programmeId) }));
    const found = !q
      ? named
      : named.filter((a) => (n ? a.numberYear === n.year && a.numberSeq === n.seq : a.programme.includes(q)));
    return c.html(<MyApplicationsPage zone={ctx.zone} nonce={nonce(c)} user={signedIn(c).user} rows={found} q={q} />);
  });

  // ── one application ───────────────────────────────────────────────────────
  const statusPage = async (
    c: Context<AppEnv>,
    ctx: Ctx,
    policy: LoadedPolicy,
    detail: ApplicationDetail,
    notice?: Notice,
    comment?: { value: string; error: string },
    status: 200 | 409 | 422 = 200,
  ) => {
    const app = detail.application;
    // Labels as the version it was submitted under wrote them.
    const compiled =
      app.policyVersion !== null && app.policyVersion !== policy.version.id
        ? ((await loadPolicyVersion(ctx, app.policyVersion)) ?? policy.compiled)
        : policy.compiled;
    const view = viewOf(compiled, app.programmeId) ?? viewOf(policy.compiled, app.programmeId);
    const materialNames = Object.fromEntries((view?.materials ?? []).map((m) => [materialKind(m.id), m.name]));
    return c.html(
      <StatusPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        detail={detail}
        title={view?.title ?? RETIRED_PROGRAMME}
        facts={view?.facts ?? null}
        materialNames={materialNames}
        notice={notice}
        comment={comment}
      />,
      status,
    );
  };

  r.get("/subsidies/applications/:id", async (c) => {
    const ctx = ctxOf(c);
    const detail = await getApplication(ctx, idParam(c));
    const done = c.req.query("done") ?? "";
    const { policy, today } = await currentPolicyOf(c, deps);
    if (editable(detail.application.status)) return draftPage(c, ctx, policy, today, detail, { notice: DONE[done] });
    const notices: Record<string, Notice> = {
      submitted: { kind: "ok", message: `申报已提交,当前:${detail.standing.label}。进度会在这里和邮件中告知。` },
      commented: { kind: "ok", message: "留言已发送给园区。" },
    };
    return statusPage(c, ctx, policy, detail, notices[done]);
  });

  r.post("/subsidies/applications/:id/comments", async (c) => {
    const ctx = ctxOf(c);
    const id = idParam(c);
    const form = await c.req.parseBody();
    refuseBadCharacters(form, { text: "内容" });
    const text = typeof form.text === "string" ? form.text : "";
    const input = CommentInput.safeParse({ text });
    const { policy } = await currentPolicyOf(c, deps);
    if (!input.success)
      return statusPage(
        c,
        ctx,
        policy,
        await getApplication(ctx, id),
        undefined,
        { value: text, error: input.error.issues[0]?.message ?? "请填写内容" },
        422,
      );
    await commentOnApplication(
      ctx,
      id,
      input.data,
      titleFrom(policy.compiled)((await getApplication(ctx, id)).application.programmeId),
    );
    return c.redirect(`${pageOf(id)}?done=commented#history-heading`, 303);
  });

  // 保存草稿 / 提交申报 / 上传 without JavaScript (and 提交申报 with it). Files chosen for the
  // materials belong to this form, so whichever button is pressed, none is dropped.
  r.post("/subsidies/applications/:id", formLimit, async (c) => {
    const id = idParam(c);
    const ctx = ctxOf(c);
    const raw = await textFields(c);
    const files = await chosenMaterialFiles(c);
    const submit = raw._action === "submit";
    const detail = await getApplication(ctx, id);
    const { policy, today } = await currentPolicyOf(c, deps);
    if (!editable(detail.application.status)) {
      // A second click on 提交申报 finds it submitted: the service returns it as it is.
      if (!submit) throw new AppError("conflict", "这份申报已提交,不能再修改;被退回补正后可以修改。");
      await submitApplication(ctx, policy, id);
      return c.redirect(pageOf(id), 303);
    }
    const { programme, view } = programmeOf(policy, detail.application.programmeId);
    const fields = readFields(view, programme, raw);
    // What was typed is kept either way, as autosave would have kept it.
    await saveDraft(ctx, policy, id, { facts: fields.facts, formValues: fields.values });
    const refused = await attachChosenFiles({ ...ctx, blobs: deps.blobs }, policy, id, files);
    if (Object.keys(refused.errors).length) {
      return draftPage(
        c,
        ctx,
        policy,
        today,
        await getApplication(ctx, id),
        {
          values: raw,
          message: "有文件没有上传成功,请按提示重新选择后再提交;其余内容已保存。",
          errors: refused.errors,
        },
        refused.status,
      );
    }
    if (raw._action === "upload") {
      if (files.length === 0)
        return draftPage(
          c,
          ctx,
          policy,
          today,
          await getApplication(ctx, id),
          { values: raw, message: "请先选择要上传的文件,再点“上传”。" },
          422,
        );
      return c.redirect(`${pageOf(id)}?done=uploaded#materials`, 303);
    }
    if (!submit) return c.redirect(`${pageOf(id)}?done=${files.length ? "saved-uploaded" : "saved"}`, 303);
    const bad = Object.keys(fields.errors).length;
    if (bad)
      return draftPage(
        c,
        ctx,
        policy,
        today,
        await getApplication(ctx, id),
        { values: raw, message: `有 ${bad} 项填写有误,请按提示修改后再提交。` },
        422,
      );
    try {
      await submitApplication(ctx, policy, id);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 409) throw e;
      return draftPage(
        c,
        ctx,
        policy,
        today,
        await getApplication(ctx, id),
        { values: raw, message: errors.message, errors: byField(view, errors.fields) },
        status,
      );
    }
    return c.redirect(`${pageOf(id)}?done=submitted`, 303);
  });

  r.post("/subsidies/applications/:id/materials", uploadLimit, async (c) => {
    const id = idParam(c);
    const ctx = ctxOf(c);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const kind = typeof body.kind === "string" ? body.kind : "";
    const sent = body.file;
    // An empty file input is no file.
    const file = sent instanceof File && (sent.size > 0 || sent.name !== "") ? sent : null;
    const { policy, today } = await currentPolicyOf(c, deps);
    const refuse = async (status: ContentfulStatusCode, message: string, field?: string) =>
      draftPage(
        c,
        ctx,
        policy,
        today,
        await getApplication(ctx, id),
        { message, errors: { [`material:${kind}`]: field ?? message } },
        status,
      );
    try {
      if (!file) {
        await readableApplication(ctx, ctx.actor, id);
        return await refuse(422, "请先选择要上传的文件,再点“上传”。", "请选择文件");
      }
      await attachMaterial({ ...ctx, blobs: deps.blobs }, policy, id, kind, file);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 409) throw e;
      return refuse(status, errors.message ?? "上传没有成功。", Object.values(errors.fields ?? {})[0]);
    }
    return c.redirect(`${pageOf(id)}?done=uploaded#materials`, 303);
  });

  r.post("/subsidies/applications/:id/estimate", async (c) => {
    const id = idParam(c);
    const ctx = ctxOf(c);
    const app = await readableApplication(ctx, ctx.actor, id);
    const { policy, today } = await currentPolicyOf(c, deps);
    const { programme, view } = programmeOf(policy, app.programmeId);
    const fields = readFields(view, programme, await textFields(c));
    const result = await estimateOf(ctx, programme, fields.facts, app, today);
    const html = await (<EstimateBody result={result} versionId={policy.version.id} />).toString();
    return c.json({ values: fields.values, facts: fields.facts, errors: fields.errors, html });
  });

  return r;
}
