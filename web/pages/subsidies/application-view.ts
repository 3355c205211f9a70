/**
 * One application as its pages show it (the member's status page and the
 * staff's application page): the caller loads it, the views only read it.
 */
import type {
  materials,
  SubsidyApplicationRow,
  SubsidyEventRow,
  SubsidyObjectionRow,
  SubsidyPaymentRow,
} from "../../../worker/db/schema";
import type { Evaluation } from "../../../worker/engines/policy/evaluate";
import type { LoanSummary } from "./loan-source";

export interface ApplicationView {
  application: SubsidyApplicationRow;
  enterprise: { id: string; name: string };
  /** Where it stands, in words: what happens next, who acts, by when. */
  standing: { label: string; expected: string; by: string | null };
  facts: Record<string, unknown>;
  /** The engine's result as submitted, with the policy version it was computed under. */
  evaluation: (Evaluation & { policyVersion: number }) | null;
  events: SubsidyEventRow[];
  materials: Pick<typeof materials.$inferSelect, "id" | "kind" | "filename" | "size" | "createdAt">[];
  payments: SubsidyPaymentRow[];
  paidFen: number;
  /** Objectors' names and contacts: staff only (empty for the enterprise). */
  objections: SubsidyObjectionRow[];
  openObjections: number;
  /** 贴息: the loan it was started from; null for any other application. */
  loan: LoanSummary | null;
}
