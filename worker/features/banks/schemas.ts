/** Shapes of bank institutions: registration input (validated with messages a clerk can act on) and API output. */
import { z } from "@hono/zod-openapi";
import { usccField } from "../../lib/id-fields";
import { textField } from "../../lib/text";
import { normaliseMobile } from "../../lib/uscc";
import { Email } from "../auth/schemas";
import { OpenInvitationSchema } from "../invitations/schemas";

const LANDLINE = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/;

/** A mainland mobile ("13912345678") or a landline with its area code ("0355-1234567", extension "-801" allowed). */
function normalisePhone(raw: string): string | null {
  const mobile = normaliseMobile(raw);
  if (mobile) return mobile;
  const m = LANDLINE.exec(raw.replace(/\s+/g, "").replace(/[—–]/g, "-"));
  return m ? `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ""}` : null;
}

export const Uscc = usccField();

const Phone = z
  .string()
  .max(40, "请填写 11 位手机号,或带区号的固定电话,例如 0355-1234567。")
  .trim()
  .min(1, "请填写联系电话")
  .transform((raw, ctx) => {
    const phone = normalisePhone(raw);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "请填写 11 位手机号,或带区号的固定电话,例如 0355-1234567。" });
      return z.NEVER;
    }
    return phone;
  })
  .openapi({ example: "0533-3580000" });

const required = (label: string, max: number) => textField({ label, max, min: 1 });

export const RegisterBankBody = z
  .object({
    name: required("机构名称", 100).openapi({ example: "中国银行" }),
    branch: textField({ label: "分支机构", max: 100 })
      .optional()
      .transform((s) => (s ? s : null))
      .openapi({ example: "淄博高新区支行" }),
    uscc: Uscc,
    contactName: required("联系人", 50),
    contactPhone: Phone,
    contactEmail: Email,
  })
  .openapi("RegisterBank");
export type RegisterBankInput = z.output<typeof RegisterBankBody>;

export const BankSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    branch: z.string().nullable(),
    uscc: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    status: z.enum(["active", "suspended"]),
    createdAt: z.string().openapi({ description: "ISO 8601 UTC" }),
  })
  .openapi("Bank");

export const BankListItem = BankSchema.extend({ staff: z.number().int() }).openapi("BankListItem");

const BankStaff = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    status: z.enum(["active", "disabled"]),
    createdAt: z.string(),
  })
  .openapi("BankStaff");

export const BankDetail = z
  .object({ bank: BankSchema, staff: z.array(BankStaff), invitations: z.array(OpenInvitationSchema) })
  .openapi("BankDetail");

export const BankIdParam = z.object({
  // newId()'s alphabet, as every other id param; demo banks have such ids too (lib/ids.ts demoId).
  id: z
    .string()
    .max(40, "机构编号格式不对")
    .regex(/^[a-z0-9]{10,40}$/, "机构编号格式不对")
    .openapi({ param: { name: "id", in: "path" } }),
});

export const InvitationIdParam = BankIdParam.extend({
  invitation: z
    .string()
    .max(64, "邀请编号格式不对")
    .regex(/^[0-9a-f]{64}$/, "邀请编号格式不对")
    .openapi({ param: { name: "invitation", in: "path" } }),
});

export const InviteBody = z.object({ email: Email }).openapi("InviteStaff");
