/** What the enterprise's 政策兑现 pages share: the id in the path, the form's text fields, the body limits. */
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { readFormBody } from "../../../lib/form-body";
import { refuseBadCharacters } from "../../../lib/form-text";
import { MATERIAL_LIMIT_LABEL, MAX_MATERIAL_BYTES } from "../../materials/material-file";
import { NOT_FOUND } from "../context";
import { MAX_FILES_PER_FORM } from "../form-files";
import { materialKind } from "../submit-application";

export type MemberPages = Hono<AppEnv>;

const ID = /^[a-z0-9]{10,40}$/;
export const MATERIAL_PREFIX = materialKind("");
export const editable = (status: string) => status === "draft" || status === "returned";
/** The application's page, whole (a redirect is not relative to this router's prefix). */
export const pageOf = (id: string) => `/subsidies/applications/${id}`;
export const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

export function idParam(c: Context<AppEnv>): string {
  const id = c.req.param("id") ?? "";
  if (!ID.test(id)) throw new AppError("not_found", NOT_FOUND);
  return id;
}

/** The form's text fields (files are read apart, ../form-files.ts). */
export async function textFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await readFormBody(c);
  refuseBadCharacters(body, { projectCode: "项目编号" });
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** One file plus the multipart envelope around it. */
export const uploadLimit = bodyLimit({
  maxSize: MAX_MATERIAL_BYTES + 64 * 1024,
  onError: () => {
    throw new AppError(
      "payload_too_large",
      `文件超过了每个文件 ${MATERIAL_LIMIT_LABEL} 的上限。请压缩或分页扫描后重新上传。`,
    );
  },
});

/** The draft form with every material it may carry. */
export const formLimit = bodyLimit({
  maxSize: MAX_MATERIAL_BYTES * MAX_FILES_PER_FORM + 256 * 1024,
  onError: () => {
    throw new AppError(
      "payload_too_large",
      `一次提交的文件太大(每个文件不超过 ${MATERIAL_LIMIT_LABEL})。请分几次上传。`,
    );
  },
});
