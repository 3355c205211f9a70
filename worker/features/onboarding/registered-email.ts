/**
 * 申请入驻 with an e-mail that already has an account in this zone. Telling the
 * caller so (as a 409 once did) lets anyone test which addresses are registered,
 * which sign-in and password reset never reveal. So the caller gets the answer a
 * new applicant gets — the same status and body shape, an application id and a
 * session cookie of the same form — but nothing is created: the id names no
 * application and the cookie no session. The address's owner is mailed instead
 * (./messages registeredEmailMessage), with the links to sign in or reset.
 *
 * What remains visible: a follow-up request with that cookie is not signed in.
 * The hourly limits (./application-rate) bound how many addresses can be tried,
 * and every try reaches the owner's inbox.
 */
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import type { ZoneAuth } from "../../middleware/sessions";
import { outboxInsert } from "../outbox/enqueue-message";
import { registeredEmailMessage } from "./messages";
import type { RequestCtx } from "../../middleware/request-ctx";

/**
 * A Set-Cookie of the same name, attributes and value shape as a new browser
 * session's (`<zone>.s.<32 base32 characters>`), naming no session: the blank
 * cookie's attributes without the Max-Age/Expires that clear it.
 */
function decoySessionCookie(auth: Pick<ZoneAuth, "blankCookie">, zoneSlug: string): string {
  const [first = "", ...attributes] = auth.blankCookie().split("; ");
  const name = first.slice(0, first.indexOf("="));
  const value = `${zoneSlug}.s.${encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)))}`;
  return [`${name}=${value}`, ...attributes.filter((a) => !/^(max-age|expires)=/i.test(a))].join("; ");
}

/** The owner's mail and the attempt's audit row, for the caller's write batch (single-row inserts). */
export function registeredEmailWrites(
  { db, zone, now, ip, origin }: Pick<RequestCtx, "db" | "zone" | "now" | "ip" | "origin">,
  owner: { id: string; email: string; name: string },
  detail: { uscc: string },
) {
  return [
    outboxInsert(db, registeredEmailMessage(zone, owner, origin), now),
    auditInsert(
      db,
      {
        actorId: null,
        actor: "anonymous",
        action: "onboarding.email_registered",
        target: owner.id,
        result: "denied",
        ip,
        detail,
      },
      now,
    ),
  ] as const;
}

/** What a new application would answer: an id and a cookie, both naming nothing. */
export const decoyAnswer = (ctx: Pick<RequestCtx, "zone" | "auth">) => ({
  applicationId: newId(),
  cookie: decoySessionCookie(ctx.auth, ctx.zone.slug),
});
