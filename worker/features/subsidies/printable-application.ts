/**
 * An application as its printed 申报书 shows it (the staff's and the member's print pages): the
 * application as getApplication reads it, the enterprise's registration details a sealed form
 * carries (统一社会信用代码, 法定代表人, 地址, 联系人), and the programme as the version it was
 * submitted under wrote it — labels, materials and the clause it cites.
 */
import { eq, sql } from "drizzle-orm";
import { enterprises, subsidyApplications } from "../../db/schema";
import type { CompiledPolicySet } from "../../engines/policy/compile";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { viewOf } from "../policies/search-programmes";
import { type ApplicationDetail, getApplication } from "./get-application";

/** The enterprise's registration details printed under its name. */
export interface PrintableEnterprise {
  uscc: string | null;
  legalRep: string | null;
  address: string | null;
  contactName: string | null;
  contactMobile: string | null;
}

export interface PrintableApplication {
  detail: ApplicationDetail;
  enterprise: PrintableEnterprise;
  /** The programme in the application's own version (else the one in force); null if neither has it. */
  programme: {
    title: string;
    document: { title: string; docNumber: string | null };
    citation: string;
    excerpt: string;
    facts: CompiledProgrammeOf["facts"];
    materials: readonly { id: string; zh: string }[];
  } | null;
}

type CompiledProgrammeOf = NonNullable<ReturnType<CompiledPolicySet["programmes"]["get"]>>;

const NO_ENTERPRISE: PrintableEnterprise = {
  uscc: null,
  legalRep: null,
  address: null,
  contactName: null,
  contactMobile: null,
};

/**
 * One wave: the enterprise's details are read through the application in SQL (`where id = (select
 * enterprise_id …)`) beside getApplication's batch, not after it. Whether the actor may read the
 * application is getApplication's decision; when it refuses (404), the details read beside it are dropped.
 */
export async function getPrintableApplication(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "actor" | "now">,
  id: string,
): Promise<PrintableApplication> {
  const { db } = ctx;
  const ofApp = db
    .select({ v: subsidyApplications.enterpriseId })
    .from(subsidyApplications)
    .where(eq(subsidyApplications.id, id));
  const [detail, rows] = await Promise.all([
    getApplication(ctx, id),
    db
      .select({
        uscc: enterprises.uscc,
        legalRep: enterprises.legalRep,
        address: enterprises.address,
        contactName: enterprises.contactName,
        contactMobile: enterprises.contactMobile,
      })
      .from(enterprises)
      .where(eq(enterprises.id, sql`(${ofApp})`)),
  ]);
  const app = detail.application;
  // Labels as the version it was submitted under wrote them; a draft (or a retired version) reads today's.
  const versions = [app.policyVersion !== null ? detail.ownVersion : null, detail.policy?.compiled ?? null];
  const compiled = versions.find((v) => v?.programmes.has(app.programmeId)) ?? null;
  const p = compiled?.programmes.get(app.programmeId);
  const view = compiled && viewOf(compiled, app.programmeId);
  return {
    detail,
    enterprise: rows[0] ?? NO_ENTERPRISE,
    programme:
      p && view
        ? {
            title: view.title,
            document: { title: view.document.title, docNumber: view.document.docNumber },
            citation: view.citation,
            excerpt: view.excerpt,
            facts: p.facts,
            materials: p.materials,
          }
        : null,
  };
}
