/** The refusals every admin policy-version route may answer. */
import { err } from "../../../lib/openapi";

export const adminErrors = {
  401: err("No session"),
  403: err("Zone admins only"),
  404: err("No such version"),
  409: err("Unchanged, or another version was published meanwhile"),
  413: err("Policy set over 2 MB"),
  422: err("Invalid policy set or failing cases"),
};
