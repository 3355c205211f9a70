/**
 * The application page's multipart form → the same validated input the API
 * takes, plus the files. 注册资本 is typed in 元 and stored in fen; field errors
 * use the form's input names so each message sits under its input.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../env";
import type { FormErrors } from "../../../web/components/form";
import { BAD_CHARACTERS } from "../../lib/text";
import { Account, ApplicationFields, type ApplicationInput } from "./schemas";
import type { Upload } from "./uploads";
import { certDateKey, certificateKind, certNoKey, LICENCE } from "./zone-checks";
import { parseAmount } from "../../lib/amount-input";
import { MAX_FEN } from "../../lib/money";
import { type FormBody, readFormBody } from "../../lib/form-body";

/** What was typed, to fill the form again after an error (never passwords or files). */
export interface ApplicationFormValues {
  text: Record<string, string>;
  qualifications: string[];
}

type ApplicationForm<T> =
  | { ok: true; data: T; uploads: Upload[]; values: ApplicationFormValues }
  /**
   * `uploads` too: the page keeps them for the corrected form (./draft-uploads).
   * `status`: 400 when a field holds a control character (a malformed request, as
   * the API answers), 422 for values to correct.
   */
  | { ok: false; status: 400 | 422; errors: FormErrors; values: ApplicationFormValues; uploads: Upload[] };

/** "1,000,000.5" 元 or "500万" → fen, exactly (no floating point); anything else is left for zod to refuse. */
export function yuanToFen(raw: string): number | string {
  // The one money parser (500万, 1,000,000, full-width digits); what it refuses goes on as typed
  // for the schema's message.
  const r = parseAmount(raw, { unit: "元", maxFen: MAX_FEN });
  return r.ok ? r.fen : raw;
}

const WithAccount = ApplicationFields.extend({ ...Account.shape, confirmPassword: z.string().max(1024) }).refine(
  (f) => f.password === f.confirmPassword,
  {
    path: ["confirmPassword"],
    message: "两次输入的密码不一致,请重新输入。",
  },
);

type Body = FormBody;
const strings = (v: Body[string] | undefined) =>
  v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
const firstFile = (v: Body[string] | undefined) =>
  (Array.isArray(v) ? v : [v]).find((x): x is File => x instanceof File && x.size > 0 && x.name !== "");

export async function readApplicationForm(
  c: Context<AppEnv>,
  opts: { account: true },
): Promise<ApplicationForm<ApplicationInput & { loginEmail: string; password: string }>>;
export async function readApplicationForm(
  c: Context<AppEnv>,
  opts: { account: false },
): Promise<ApplicationForm<ApplicationInput>>;
export async function readApplicationForm(
  c: Context<AppEnv>,
  opts: { account: boolean },
): Promise<ApplicationForm<ApplicationInput>> {
  const body = await readFormBody(c, { all: true });
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && !/password/i.test(k)) text[k] = v;
  const qualifications = strings(body.qual);
  const values = { text, qualifications };

  const raw = {
    ...text,
    password: strings(body.password)[0],
    confirmPassword: strings(body.confirmPassword)[0],
    registeredCapitalFen: text.registeredCapital ? yuanToFen(text.registeredCapital) : undefined,
    employees:
      text.employees && /^\d+$/.test(text.employees.trim())
        ? Number(text.employees.trim())
        : text.employees || undefined,
    qualifications: qualifications.map((code) => ({
      code,
      certificateNo: text[certNoKey(code)] || undefined,
      issuedOn: text[certDateKey(code)] || undefined,
    })),
  };
  const uploads: Upload[] = [];
  const licence = firstFile(body["file-licence"]);
  if (licence) uploads.push({ kind: LICENCE, file: licence });
  for (const [k, v] of Object.entries(body)) {
    const m = /^file-cert-([a-z][a-z0-9-]{1,40})$/.exec(k);
    const file = m && firstFile(v);
    // A certificate picked for a box later unticked is dropped, not refused: without the script nothing clears it.
    if (m && file && qualifications.includes(m[1]!)) uploads.push({ kind: certificateKind(m[1]!), file });
  }

  const parsed = (opts.account ? WithAccount : ApplicationFields).safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    let malformed = false;
    for (const issue of parsed.error.issues) {
      if (issue.code === "custom" && (issue.params as { reason?: string } | undefined)?.reason === BAD_CHARACTERS)
        malformed = true;
      const [top, index, sub] = issue.path;
      let key = String(top ?? "");
      if (top === "qualifications" && typeof index === "number") {
        const code = qualifications[index] ?? "";
        key = sub === "issuedOn" ? certDateKey(code) : sub === "certificateNo" ? certNoKey(code) : "qualifications";
      }
      fields[key] ??= issue.message;
    }
    return {
      ok: false,
      status: malformed ? 400 : 422,
      errors: {
        message: malformed ? "有的内容含有不可见的控制字符,请按提示删去后再提交。" : "请按提示修改后再提交。",
        fields,
      },
      values,
      uploads,
    };
  }
  const { confirmPassword: _confirm, ...data } = parsed.data as ApplicationInput & { confirmPassword?: string };
  return { ok: true, data, uploads, values };
}
