/** The refusals every /api/v1/admin/users route documents (the guard's and the missing user's). */
import { err } from "../../../lib/openapi";

export const denied = {
  401: err("No session"),
  403: err("Not a zone admin"),
  404: err("No such user in this zone"),
};
