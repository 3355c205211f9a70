/**
 * 风险补偿 for a bank's staff, mounted at /bank/risk-pool: their own view, the claim form (multipart:
 * the materials come with it), one claim's page with its materials and a form to add one while it
 * waits, and withdrawal. A refused claim redraws the page with what was typed and the message beside
 * its field (files must be chosen again: a browser never refills a file input).
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors, FormValues } from "../../../../web/components/form";
import { BankRiskPage } from "../../../../web/pages/risk-pool/bank-page";
import { ClaimPage } from "../../../../web/pages/risk-pool/claim-page";
import { CLAIM_MATERIAL_KINDS, type ClaimMaterialKind } from "../../../../web/labels/risk-pool";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { readFormBody } from "../../../lib/form-body";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { signedIn } from "../../auth/guard";
import { formFailure, pageGuard } from "../../auth/page-forms";
import { MATERIAL_LIMIT_LABEL } from "../../materials/material-file";
import { CLAIM_NOT_FOUND } from "../access";
import { attachClaimMaterial, type ClaimFile } from "../claim-materials";
import { fileClaim, withdrawClaim } from "../file-claim";
import { readBankView } from "../read-bank";
import { readClaim } from "../read-claim";
import { claimFormLimit, claimUploadLimit } from "../upload-limit";
import { ClaimIdParam } from "../schemas";
import { claimFromForm, formFields } from "./forms";

const NOTICES = {
  filed: "补偿申请已提交,园区将在审核时限内办理。",
  withdrawn: "补偿申请已撤回。",
  uploaded: "材料已上传。",
} as const;
const noticeOf = (c: Context<AppEnv>) => NOTICES[c.req.query("done") as keyof typeof NOTICES] as string | undefined;

const isKind = (k: string): k is ClaimMaterialKind => (CLAIM_MATERIAL_KINDS as readonly string[]).includes(k);
/** A chosen file (an empty file input is no file). */
const chosen = (v: unknown): v is File => v instanceof File && (v.size > 0 || v.name !== "");

/** The form's text fields and its files, one per material kind (file-<kind>). */
function splitForm(body: Record<string, unknown>) {
  const raw: FormValues = {};
  const files: ClaimFile[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") raw[k] = v;
    const kind = k.startsWith("file-") ? k.slice(5) : "";
    if (isKind(kind) && chosen(v)) files.push({ kind, file: v });
  }
  return { raw, files };
}

const claimId = (c: Context<AppEnv>) => {
  const id = ClaimIdParam.safeParse({ id: c.req.param("id") });
  if (!id.success) throw new AppError("not_found", CLAIM_NOT_FOUND);
  return id.data.id;
};

async function claimPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: string,
  form?: { id: string; values: FormValues; errors?: FormErrors },
  status: ContentfulStatusCode = 200,
) {
  const ctx = actingCtx(c, deps);
  const claim = await readClaim(ctx, id);
  return c.html(
    <ClaimPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      claim={claim}
      canEdit={false}
      viewer="bank"
      limitLabel={MATERIAL_LIMIT_LABEL}
      notice={status === 200 ? noticeOf(c) : undefined}
      form={form}
    />,
    status,
  );
}

async function page(
  c: Context<AppEnv>,
  deps: AppDeps,
  o: { form?: { values: FormValues; errors?: FormErrors }; error?: string } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = actingCtx(c, deps);
  const view = await readBankView(ctx);
  return c.html(
    <BankRiskPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      view={view}
      today={shanghaiDate(ctx.now)}
      notice={status === 200 ? noticeOf(c) : undefined}
      limitLabel={MATERIAL_LIMIT_LABEL}
      form={o.form}
      error={o.error}
    />,
    status,
  );
}

export function riskPoolBankPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "bank"));
  r.get("/", (c) => page(c, deps));
  r.post("/claims", claimFormLimit, async (c) => {
    const { raw, files } = splitForm(await readFormBody(c));
    try {
      const row = await fileClaim(actingCtx(c, deps), claimFromForm(raw), { blobs: deps.blobs, files });
      return c.redirect(`/bank/risk-pool/claims/${row.id}?done=filed`, 303);
    } catch (e) {
      if (e instanceof AppError && e.status === 403) throw e;
      const { status, errors } = formFailure(e);
      return page(c, deps, { form: { values: raw, errors: { ...errors, fields: formFields(errors.fields) } } }, status);
    }
  });
  r.get("/claims/:id", (c) => claimPage(c, deps, claimId(c)));
  r.post("/claims/:id/materials", claimUploadLimit, async (c) => {
    const id = claimId(c);
    const body = await readFormBody(c);
    const kind = typeof body.kind === "string" ? body.kind : "";
    const values = { kind };
    try {
      if (!isKind(kind)) throw new AppError("validation_failed", "请选择材料类型。", { kind: "请选择材料类型" });
      if (!chosen(body.file)) throw new AppError("validation_failed", "请先选择要上传的文件。", { file: "请选择文件" });
      const { db, zone, now, ip, actor } = actingCtx(c, deps);
      await attachClaimMaterial({ db, zone, now, ip, actor, blobs: deps.blobs }, id, {
        kind,
        file: body.file,
      });
      return c.redirect(`/bank/risk-pool/claims/${id}?done=uploaded#h-materials`, 303);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw e;
      const { status, errors } = formFailure(e);
      // The materials feature names the field "file" unless told otherwise; the form has kind and file.
      const fields = errors.fields?.kind ? errors.fields : errors.fields && { file: Object.values(errors.fields)[0]! };
      return claimPage(c, deps, id, { id: "material", values, errors: { ...errors, fields } }, status);
    }
  });
  r.post("/claims/:id/withdraw", async (c) => {
    const id = claimId(c);
    try {
      await withdrawClaim(actingCtx(c, deps), id);
      return c.redirect("/bank/risk-pool?done=withdrawn", 303);
    } catch (e) {
      if (e instanceof AppError && e.status !== 409) throw e;
      const { status, errors } = formFailure(e);
      return page(c, deps, { error: errors.message }, status);
    }
  });
  return r;
}
