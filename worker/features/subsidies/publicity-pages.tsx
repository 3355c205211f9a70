/**
 * 公示 for everyone, signed in or not: the awards in their notice period and a
 * form per item to lodge an objection. A valid objection holds the application
 * (./publicity.ts) and answers with a 303 to the 已收到 page, so a reload does
 * not lodge it twice; a refused one re-renders the list with the message under
 * that item's form (422). An item not on the list is a 404.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { applicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { requireZone } from "../../middleware/zone";
import {
  ObjectionReceivedPage,
  PublicityPage,
  type PublicityItem,
  type PublicityPageProps,
} from "../../../web/pages/subsidies/publicity";
import { formFailure, readForm } from "../auth/page-forms";
import { requestCtx, type RequestCtx } from "../../middleware/request-ctx";
import { listPage } from "../../../web/components/pager";
import { listPublicity, onNotice } from "./list-publicity";
import { lodgeObjection, ObjectionInput } from "./publicity";
import { CursorParam } from "./queue-cursor";

const NOT_LISTED = "公示中没有这一项。";
const ObjectionForm = z.object(ObjectionInput.shape);

/** A page of what is on notice now, titled by the policy version each award was computed with (one round trip). */
async function publicityItems(ctx: Pick<RequestCtx, "db" | "zone">, after?: string) {
  const { zone } = ctx;
  const list = await listPublicity(ctx, { after });
  const items: PublicityItem[] = list.rows.map((r) => ({
    id: r.id,
    number: applicationNumber(zone, "subsidy", r),
    enterprise: r.enterprise,
    programme: list.titleOf(r),
    amountFen: r.amountFen,
    from: r.from,
    to: r.to,
  }));
  return {
    items,
    page: listPage("/publicity", {}, { total: list.total, nextCursor: list.nextCursor, paged: after !== undefined }),
  };
}

/** ?after= as the pager wrote it; anything else is the first page. */
const afterOf = (c: Context<AppEnv>) => {
  const p = CursorParam.safeParse(c.req.query("after"));
  return p.success ? p.data : undefined;
};

/** At /publicity: the list (and the 已收到 page after an objection), and an objection's form post. */
export function publicityPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone);
  const page = async (c: Context<AppEnv>, failed?: PublicityPageProps["failed"], status: ContentfulStatusCode = 200) =>
    c.html(
      <PublicityPage
        zone={requestCtx(c, deps).zone}
        nonce={c.get("secureHeadersNonce")}
        user={c.get("auth")?.user}
        {...(await publicityItems(requestCtx(c, deps), failed ? undefined : afterOf(c)))}
        failed={failed}
      />,
      status,
    );

  r.get("/", (c) => {
    if (c.req.query("received") === "1")
      return c.html(
        <ObjectionReceivedPage
          zone={requestCtx(c, deps).zone}
          nonce={c.get("secureHeadersNonce")}
          user={c.get("auth")?.user}
        />,
      );
    return page(c);
  });

  r.post("/:id/objection", async (c) => {
    const id = c.req.param("id");
    const form = await readForm(c, ObjectionForm);
    refuseBadCharacters(form.raw, { name: "姓名或单位", contact: "电话或邮箱", content: "异议内容" });
    if (!form.ok) {
      // Only an item on the list has a form to re-render; anything else does not exist for the public.
      if (!(await onNotice(requestCtx(c, deps), id))) throw new AppError("not_found", NOT_LISTED);
      return page(c, { id, values: form.raw, errors: form.errors }, 422);
    }
    try {
      await lodgeObjection(requestCtx(c, deps), id, form.data);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return page(c, { id, values: form.raw, errors }, status);
    }
    return c.redirect("/publicity?received=1", 303);
  });

  return r;
}
