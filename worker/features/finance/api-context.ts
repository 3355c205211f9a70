/** The services' actor and context for a finance request (the shared acting-user context). */
import { actingCtx, actingUser } from "../auth/acting-ctx";

export const actorOf = actingUser;
export const financeCtx = actingCtx;
