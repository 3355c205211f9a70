/**
 * Helpers for the auth suites: requests to the real Worker, direct access to a
 * zone's database through the local libSQL server (as another process would),
 * and users made on the spot so suites never share lockout or rate-limit state.
 */
import { createClient } from "@libsql/client/web";
import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { expect, inject } from "vitest";
import { openTenantDb } from "../../worker/db/open";
import { users, type Role } from "../../worker/db/schema";
import { hashPassword } from "../../worker/features/auth/password";
import { newId } from "../../worker/lib/ids";

export const clientFor = (slug: string) => createClient({ url: `${inject("libsqlUrl")}/t/${slug}/` });
export const dbFor = (slug: string) => openTenantDb(clientFor(slug));

// Test files run in parallel against one database per zone. Each file has addresses of its
// own in 198.18.0.0/15 (reserved for benchmarking, never routed; only a header here): global-setup.ts
// numbers the files and gives each the same share of the 512 /24 blocks, so one file's failed
// sign-ins never reach another file's per-IP limit. The file is looked up on every call, not
// once at import: a support module may be shared by the files one worker runs in turn.
const PER_BLOCK = 250;

function fileAddress(file: { index: number; blocks: number }, n: number): string {
  const block = file.index * file.blocks + Math.floor(n / PER_BLOCK);
  return `198.${18 + (block >> 8)}.${block & 255}.${(n % PER_BLOCK) + 1}`;
}

function currentFile(): { name: string; index: number; blocks: number } {
  const path = (expect.getState().testPath ?? "").replaceAll("\\", "/");
  const name = path.slice(path.lastIndexOf("tests/workerd/") + "tests/workerd/".length);
  const { files, blocksPerFile } = inject("workerdFiles");
  const index = files.indexOf(name);
  if (index < 0) throw new Error(`freshIp: ${path || "no test file"} is not in global-setup's list of test files`);
  return { name, index, blocks: blocksPerFile };
}

const used = new Map<string, number>();
/** A unique address per call within the current test file, so per-IP limits of one test never touch another. */
export function freshIp(): string {
  const file = currentFile();
  const n = used.get(file.name) ?? 0;
  used.set(file.name, n + 1);
  // Wraps after the file's share (at least 249 addresses; the last is fileIp's), as the one block per file did.
  return fileAddress(file, n % (file.blocks * PER_BLOCK - 1));
}

/** The current file's one fixed address (the last of its share), for requests that name none. */
function fileIp(): string {
  const file = currentFile();
  return fileAddress(file, file.blocks * PER_BLOCK - 1);
}

export async function makeUser(slug: string, role: Role = "enterprise", password = "Correct-Horse-42") {
  const id = newId();
  const email = `${role}-${id.slice(0, 8)}@${slug}.test`;
  const now = Date.now();
  await dbFor(slug)
    .insert(users)
    .values({
      id,
      email,
      name: `测试${role}`,
      role,
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  return { id, email, password, slug };
}

export async function userRow(slug: string, id: string) {
  const [row] = await dbFor(slug).select().from(users).where(eq(users.id, id));
  return row!;
}

export interface Call {
  cookie?: string;
  ip?: string;
  origin?: string;
  contentType?: string | null;
  body?: string;
}

export function call(host: string, method: string, path: string, opts: Call = {}) {
  const headers = new Headers({ "cf-connecting-ip": opts.ip ?? fileIp() });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  if (opts.origin) headers.set("origin", opts.origin);
  if (opts.contentType !== null && opts.body !== undefined)
    headers.set("content-type", opts.contentType ?? "application/json");
  return exports.default.fetch(`http://${host}${path}`, { method, headers, body: opts.body, redirect: "manual" });
}

export const postJson = (host: string, path: string, data: unknown, opts: Call = {}) =>
  call(host, "POST", path, { ...opts, body: JSON.stringify(data) });

export async function login(
  slug: string,
  email: string,
  password: string,
  opts: { remember?: boolean; ip?: string; cookie?: string } = {},
) {
  return postJson(
    `${slug}.localhost`,
    "/api/v1/auth/login",
    { email, password, remember: opts.remember ?? false },
    { ip: opts.ip ?? freshIp(), cookie: opts.cookie },
  );
}

/** The session cookie's `name=value` from a response, for the next request's Cookie header. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.includes("yq_session="));
  if (!set) throw new Error(`no session cookie set (HTTP ${res.status})`);
  return set.split(";")[0]!;
}
