/** The guard's refusals every /api/v1/admin/banks route documents. */
import { err } from "../../../lib/openapi";

export const denied = { 401: err("No session"), 403: err("Not a zone admin") };
