/**
 * A programme's title as people read it in lists, pages and mails. The policy
 * in force names nearly every one; a programme that has since left it is named
 * by the version an application was computed with where the caller has it
 * (the application pages do), and otherwise by a plain phrase — never by the
 * programme's id, which is an internal key.
 */
import type { CompiledPolicySet } from "../../engines/policy/compile";
import { RETIRED_PROGRAMME } from "../../../web/labels/subsidies";

/** id → title from a compiled set (the policy in force, or an application's own version). */
export function titleFrom(compiled: CompiledPolicySet | null | undefined): (programmeId: string) => string {
  return (id) => compiled?.programmes.get(id)?.title.zh ?? RETIRED_PROGRAMME;
}
