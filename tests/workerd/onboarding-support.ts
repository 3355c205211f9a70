/**
 * Shared by the onboarding workerd tests: valid application facts with a fresh
 * USCC and login email each time (so no test trips over another's), and applying
 * through the JSON API with base64 files.
 */
import { expect } from "vitest";
import { newId } from "../../worker/lib/ids";
import { checkCharacter } from "../../worker/lib/uscc";
import { freshIp, postJson, sessionCookie } from "./auth-support";

export const PASSWORD = "Apply-Zibo-2026!";
export const PDF = new TextEncoder().encode("%PDF-1.4 test");
export const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** A fresh valid USCC (Zibo's 370303 division). */
export function freshUscc(): string {
  const org = Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => CHARSET[b % 31]).join("");
  const first17 = `91370303${org}`;
  return first17 + checkCharacter(first17);
}
export const freshEmail = () => `applicant-${newId().slice(0, 10)}@example.cn`;

export function facts(overrides: Record<string, unknown> = {}) {
  return {
    companyName: `淄博测试新材料有限公司${newId().slice(0, 4)}`,
    uscc: freshUscc(),
    legalRep: "张三",
    registeredOn: "2019-03-15",
    registeredCapitalFen: 500_000_000,
    address: "山东省淄博市高新区柳泉路 1 号",
    industry: "new-materials",
    industryClass: "C2651",
    employees: 85,
    contactName: "李四",
    contactMobile: "138 1234 5678",
    contactEmail: "contact@example.cn",
    qualifications: [] as unknown[],
    ...overrides,
  };
}

export const licence = {
  kind: "business_licence",
  filename: "营业执照.pdf",
  contentType: "application/pdf",
  base64: b64(PDF),
};

export async function applyJson(body: Record<string, unknown>, slug = "zibo") {
  return postJson(
    `${slug}.localhost`,
    "/api/v1/onboarding/applications",
    { loginEmail: freshEmail(), password: PASSWORD, materials: [licence], ...body },
    { ip: freshIp() },
  );
}

/** Applies by API and returns the application id, the applicant's email and cookie. */
export async function applied(overrides: Record<string, unknown> = {}, materials: unknown[] = [licence]) {
  const loginEmail = freshEmail();
  const body = facts(overrides);
  const res = await applyJson({ ...body, loginEmail, materials });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return { id, loginEmail, uscc: body.uscc as string, body, cookie: sessionCookie(res) };
}
