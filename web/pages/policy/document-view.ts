/**
 * What the document pages (zone home, one document) show of a policy document. The
 * policies feature's rows carry more; they fit these shapes, so web/ never imports it.
 */
import type { PolicyLevel } from "../../../tenants/schema";

interface DocumentValidityView {
  status: "unspecified" | "not_yet" | "in_force" | "expired";
  label: string;
  /** The sentence of the document that states the period, verbatim. */
  source: string | null;
  extension: { until: string; by: string } | null;
}

export interface DocumentSummaryView {
  id: string;
  title: string;
  docNumber: string | null;
  issuer: string;
  issuedOn: string;
  level: PolicyLevel;
  summary: string;
  clauseCount: number;
  validity: DocumentValidityView;
}

export interface DocumentView extends Omit<DocumentSummaryView, "clauseCount"> {
  clauses: { id: string; label: string; section: string | null; text: string }[];
}
