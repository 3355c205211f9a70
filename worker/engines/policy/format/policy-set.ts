/**
 * The policy set a zone publishes: its documents, programmes and cases, parsed with
 * the checks that need the whole set (./check-policy-set.ts). Kept apart from
 * ./programme.ts so those checks can read the programme types without a cycle.
 */
import { z } from "zod";
import { policyDocumentSchema, slugSchema } from "../../../../tenants/schema";
import { checkPolicySet } from "./check-policy-set";
import { isoDate, text } from "./common";
import { policyCaseSchema, programmeSchema } from "./programme";

export const policySetSchema = z
  .strictObject({
    zone: slugSchema,
    /** e.g. "2026年版"; shown beside the version number. */
    label: text,
    effectiveFrom: isoDate,
    note: text.optional(),
    documents: z.array(policyDocumentSchema),
    programmes: z.array(programmeSchema),
    cases: z.array(policyCaseSchema),
  })
  .superRefine(checkPolicySet);
export type PolicySet = z.infer<typeof policySetSchema>;
export type PolicySetInput = z.input<typeof policySetSchema>;
