/**
 * A typed GET over plain fetch for the 园区通 API, with an API token (`Authorization: Bearer yq_…`).
 * The types come from the zone's OpenAPI document (`/api/openapi.json`) through openapi-typescript:
 * `api.d.ts` beside this file (here: `npm run api:types`, which `npm test` runs before tsc; elsewhere:
 * `npx openapi-typescript https://<zone origin>/api/openapi.json -o api.d.ts`). A path, a query parameter or
 * a response field that the document does not have is a type error, so a contract change breaks the build.
 * No runtime dependency: copy this folder into a bank's or a zone's own system and generate api.d.ts there.
 */
import type { components, paths } from "./api";

/** Where the API is and who calls it. */
export interface ApiClient {
  /** The zone's origin, e.g. https://zibo.yuanqu.cn (the document's `servers`). */
  origin: string;
  /** An API token from 账户 → API 令牌 (/account/tokens): yq_<zone>_… */
  token: string;
  /** The fetch to send with (default: the global one); tests pass the app's own. */
  fetch?: (request: Request) => Response | Promise<Response>;
}

/** The paths that answer GET. */
export type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type GetOperation<P extends GetPath> = paths[P] extends { get: infer Op } ? Op : never;
/** A GET's parameters as the document declares them: `query` and `path` (required where the document says so). */
export type GetParams<P extends GetPath> = GetOperation<P> extends { parameters: infer Params } ? Params : never;
/** The JSON body of a GET's 200 answer. */
export type GetJson<P extends GetPath> =
  GetOperation<P> extends { responses: { 200: { content: { "application/json": infer Body } } } } ? Body : never;

/** The API's error envelope (every 4xx/5xx): a code, a Chinese sentence a person can act on, the request id. */
export type ApiErrorBody = components["schemas"]["Error"];

/** A 4xx/5xx answer: `status` and the envelope (401 bad token, 403 missing scope, 422 invalid input…). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body ? `${status} ${body.error.code}: ${body.error.message}` : `HTTP ${status}`);
  }
}

type Scalar = string | number | boolean;
interface LooseParams {
  query?: Record<string, Scalar | Scalar[] | undefined>;
  path?: Record<string, Scalar>;
}

/** The Request for `GET path` with its parameters and the token (the request builder `apiGet` sends). */
export function getRequest<P extends GetPath>(api: ApiClient, path: P, params: GetParams<P>): Request {
  // The typed signature checks the parameters against the document; inside, they are plain values.
  const { query, path: pathParams } = params as LooseParams;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathParams?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(filled, api.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      url.searchParams.append(name, String(one));
    }
  }
  return new Request(url, { headers: { authorization: `Bearer ${api.token}`, accept: "application/json" } });
}

/** GET `path` and its typed JSON answer; an error answer throws ApiError. */
export async function apiGet<P extends GetPath>(api: ApiClient, path: P, params: GetParams<P>): Promise<GetJson<P>> {
  const res = await (api.fetch ?? fetch)(getRequest(api, path, params));
  if (!res.ok) {
    const body = res.headers.get("content-type")?.includes("json") ? ((await res.json()) as ApiErrorBody) : null;
    throw new ApiError(res.status, body);
  }
  return (await res.json()) as GetJson<P>;
}
