/**
 * The demo organisations have ids of the API's own format (dev/lib/seed-demo-ids.ts),
 * so the calls that refused the old readable ones ("demo-bank3-changzhi") work:
 * the admin invites staff to a demo bank and suspends it, a member grants and
 * revokes consent to one. Changzhi's second and third demo banks are used
 * because no other suite signs in as their staff.
 */
import { describe, expect, it } from "vitest";
import { demoBankId } from "../../dev/lib/seed-demo-ids";
import { api, demo, FIN } from "./finance-support";

const on = "changzhi.localhost";

describe("the demo banks by API", () => {
  it("the admin invites staff to one, suspends and reactivates it", async () => {
    const admin = await demo("admin", "changzhi");
    const bank = demoBankId("changzhi", 3);
    const invited = await api("POST", `/api/v1/admin/banks/${bank}/invitations`, {
      cookie: admin,
      on,
      data: { email: `staff-${crypto.randomUUID().slice(0, 8)}@bank.test` },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const suspended = await api("POST", `/api/v1/admin/banks/${bank}/suspend`, { cookie: admin, on });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body.bank.status).toBe("suspended");
    expect((await api("POST", `/api/v1/admin/banks/${bank}/reactivate`, { cookie: admin, on })).status).toBe(200);
  });

  it("a member grants consent to one and revokes it", async () => {
    const member = await demo("enterprise", "changzhi");
    const bank = demoBankId("changzhi", 2);
    const granted = await api("PUT", `${FIN}/consents/${bank}`, { cookie: member, on });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    const revoked = await api("DELETE", `${FIN}/consents/${bank}`, { cookie: member, on });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const listed = (await api("GET", `${FIN}/consents`, { cookie: member, on })).body.consents as {
      bankId: string;
      active: boolean;
    }[];
    const mine = listed.filter((c) => c.bankId === bank);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((c) => c.active)).toEqual([]);
  });
});
