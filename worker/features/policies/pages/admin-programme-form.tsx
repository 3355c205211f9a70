/**
 * Zone admin: a programme edited in a form (GET/POST /admin/policies/programmes/:id/edit) and a
 * new one started from a common shape (GET/POST /admin/policies/new-programme — not under
 * /programmes/, where a static segment beside /programmes/:id would push Hono off its
 * RegExpRouter). A valid form
 * becomes the newest set with that programme replaced (or added) and is answered with the same
 * preview an uploaded set gets, whose publish form carries the set on to POST /publish: nothing
 * is stored until it is published, so no half-made draft outlives the page, and publishing keeps
 * its one path (valid, cases pass, changed, previewed against the version it replaces).
 * A refused form is drawn again with what was typed and the messages by its fields (422).
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { readFormBody } from "../../../lib/form-body";
import { requestCtx } from "../../../middleware/request-ctx";
import { zoneOf } from "../../../middleware/zone";
import { AdminProgrammeFormPage, AdminProgrammeShapesPage } from "../../../../web/pages/policy/admin-programme-form";
import { signedIn } from "../../auth/guard";
import { pageGuard } from "../../auth/page-forms";
import type { PolicySet } from "../../../engines/policy/format/policy-set";
import type { Programme } from "../../../engines/policy/format/programme";
import { applyProgrammeForm, formValuesOf, type FieldErrors, type FormInput } from "../form/apply-form";
import { programmeForm, type FormContext } from "../form/form-model";
import { loadEditableSet } from "../form/load-editable-set";
import { programmeTemplate, SHAPE_IDS, SHAPES, type Shape } from "../form/programme-templates";
import { previewPage } from "./admin-publish";

/** A form of a few hundred fields is tens of KB; anything near this is not the form. */
const FORM_BODY_LIMIT = 512 * 1024;
const formLimit = bodyLimit({
  maxSize: FORM_BODY_LIMIT,
  onError: () => {
    throw new AppError("payload_too_large", "表单内容过长,请检查后重新提交。");
  },
});

/** What a posted form may hold: bounded names, values and counts (checkboxes repeat a name). */
const postedForm = z
  .record(z.string().max(200), z.union([z.string().max(20_000), z.array(z.string().max(200)).max(20)]))
  .refine((f) => Object.keys(f).length <= 3000, "表单项过多");

const shapeOf = (s: string | undefined): Shape | null => (SHAPE_IDS.includes(s as Shape) ? (s as Shape) : null);

async function readPosted(c: Context<AppEnv>): Promise<FormInput> {
  const body = await readFormBody(c, { all: true });
  const input: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body))
    if (typeof v === "string") input[k] = v;
    else if (Array.isArray(v)) input[k] = v.filter((x): x is string => typeof x === "string");
  const parsed = postedForm.safeParse(input);
  if (!parsed.success) throw new AppError("payload_too_large", "表单内容过长,请检查后重新提交。");
  return parsed.data;
}

const formContext = (set: PolicySet, isNew: boolean): FormContext => ({
  documents: set.documents.map((d) => ({ id: d.id, title: d.title })),
  isNew,
  programmes: set.programmes.map((p) => ({ id: p.id, title: p.title.zh })),
  cases: set.cases,
});

interface Drawn {
  programme: Programme;
  ctx: FormContext;
  versionName: string;
  heading: string;
  action: string;
  backHref: string;
  shape?: Shape;
}

function drawForm(c: Context<AppEnv>, d: Drawn, values: FormInput, errors: FieldErrors = {}, message?: string) {
  return c.html(
    <AdminProgrammeFormPage
      zone={zoneOf(c).zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      versionName={d.versionName}
      heading={d.heading}
      action={d.action}
      shape={d.shape}
      sections={programmeForm(d.programme, d.ctx)}
      values={values}
      errors={errors}
      message={message}
      backHref={d.backHref}
    />,
    message ? 422 : 200,
  );
}

/** The preview of the set the form made, as POST /preview (admin-publish.tsx) shows an uploaded one. */
function existing(set: PolicySet, id: string): Programme {
  const p = set.programmes.find((q) => q.id === id);
  if (!p) throw new AppError("not_found", "现行政策中没有这个项目。");
  return p;
}

/** Mounted at /admin/policies, after its staff guard: these pages are the zone admin's alone. */
export function adminProgrammeFormPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const admin = pageGuard(deps, "zone_admin");
  r.use("/new-programme", admin, formLimit);
  r.use("/programmes/:id/edit", admin, formLimit);

  const editing = async (c: Context<AppEnv>) => {
    const { set, versionName } = await loadEditableSet(requestCtx(c, deps));
    const programme = existing(set, c.req.param("id") ?? "");
    const path = `/admin/policies/programmes/${encodeURIComponent(programme.id)}`;
    const drawn: Drawn = {
      programme,
      ctx: formContext(set, false),
      versionName,
      heading: `编辑:${programme.title.zh}`,
      action: `${path}/edit`,
      backHref: `${path}/matches`,
    };
    return { set, drawn };
  };

  r.get("/programmes/:id/edit", async (c) => {
    const { drawn } = await editing(c);
    return drawForm(c, drawn, formValuesOf(drawn.programme, drawn.ctx));
  });

  r.post("/programmes/:id/edit", async (c) => {
    const input = await readPosted(c);
    const { set, drawn } = await editing(c);
    const out = applyProgrammeForm(drawn.programme, input, drawn.ctx);
    if (!out.ok) return drawForm(c, drawn, input, out.errors, out.message);
    const programmes = set.programmes.map((p) => (p.id === drawn.programme.id ? out.programme : p));
    return previewPage(c, deps, { ...set, programmes });
  });

  const starting = async (c: Context<AppEnv>, shape: Shape) => {
    const { set, versionName } = await loadEditableSet(requestCtx(c, deps));
    const drawn: Drawn = {
      programme: programmeTemplate(shape, set.documents[0]?.id ?? ""),
      ctx: formContext(set, true),
      versionName,
      heading: `新增奖补项目:${SHAPES[shape].zh}`,
      action: "/admin/policies/new-programme",
      backHref: "/admin/policies/new-programme",
      shape,
    };
    return { set, drawn };
  };

  r.get("/new-programme", async (c) => {
    const shape = shapeOf(c.req.query("shape"));
    if (shape) {
      const { drawn } = await starting(c, shape);
      return drawForm(c, drawn, formValuesOf(drawn.programme, drawn.ctx));
    }
    const { versionName } = await loadEditableSet(requestCtx(c, deps));
    return c.html(
      <AdminProgrammeShapesPage
        zone={zoneOf(c).zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        versionName={versionName}
        shapes={SHAPE_IDS.map((id) => ({ id, ...SHAPES[id] }))}
      />,
    );
  });

  r.post("/new-programme", async (c) => {
    const input = await readPosted(c);
    const shape = shapeOf(typeof input.shape === "string" ? input.shape : undefined);
    if (!shape) throw new AppError("validation_failed", "请先选择金额计算方式。");
    const { set, drawn } = await starting(c, shape);
    const out = applyProgrammeForm(drawn.programme, input, drawn.ctx);
    if (!out.ok) return drawForm(c, drawn, input, out.errors, out.message);
    if (set.programmes.some((p) => p.id === out.programme.id))
      return drawForm(c, drawn, input, { id: "已有这个编号的项目,请换一个编号。" }, "项目编号重复。");
    return previewPage(c, deps, { ...set, programmes: [...set.programmes, out.programme] });
  });
  return r;
}
