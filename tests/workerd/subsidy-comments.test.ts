/** Comments on a subsidy application's timeline, through the staff and member pages. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../worker/db/schema";
import { call, login, makeUser, sessionCookie } from "./auth-support";
import {
  db,
  get,
  host,
  makeApplication,
  makeEnterprise,
  ORIGIN,
  post,
  row,
  signIn,
  slug,
} from "./subsidy-pages-support";

describe("comments on the timeline", () => {
  it(
    "staff write 意见 the member reads as the zone's; " + "the member's 留言 reaches the staff; an empty one is a 422",
    async () => {
      const ent = await makeEnterprise();
      const { id } = await makeApplication(ent.id, "first-review");
      const reviewer = await signIn("reviewer");
      const member = await makeUser(slug, "enterprise");
      await db().update(users).set({ enterpriseId: ent.id }).where(eq(users.id, member.id));
      const memberCookie = sessionCookie(await login(slug, member.email, member.password));

      const empty = await post(`/admin/subsidies/applications/${id}/comments`, { text: " " }, reviewer.cookie);
      expect(empty.status).toBe(422);
      const sent = await post(
        `/admin/subsidies/applications/${id}/comments`,
        { text: "请补充合同登记证明。" },
        reviewer.cookie,
      );
      expect(sent.status).toBe(303);
      expect(sent.headers.get("location")).toBe(`/admin/subsidies/applications/${id}?done=comment`);

      const seen = await (await call(host, "GET", `/subsidies/applications/${id}`, { cookie: memberCookie })).text();
      expect(seen).toContain("园区意见");
      expect(seen).toContain("请补充合同登记证明。");
      expect(seen).not.toContain(reviewer.email);

      const reply = await call(host, "POST", `/subsidies/applications/${id}/comments`, {
        cookie: memberCookie,
        origin: ORIGIN,
        contentType: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ text: "已补充,见材料第2页。" }).toString(),
      });
      expect(reply.status).toBe(303);
      const staffView = await (await get(`/admin/subsidies/applications/${id}`, reviewer.cookie)).text();
      expect(staffView).toContain("企业留言");
      expect(staffView).toContain("已补充,见材料第2页。");
      expect(await row(id)).toMatchObject({ status: "in_review", stage: "first-review", revision: 0 });
    },
  );
});
