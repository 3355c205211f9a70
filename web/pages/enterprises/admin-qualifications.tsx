/** 资质审核 (staff): claims waiting for review, each with a verify and a reject form (reject needs a reason). */
import type { ZoneConfig } from "../../../tenants/schema";
import type { PendingQualification } from "./view-types";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { listPage, Pager } from "../../components/pager";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { ENTERPRISE_CSS } from "./labels";

interface QualificationQueueProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  pending: PendingQualification[];
  /** How many claims wait in all, the key of the next page, and whether this is a later page. */
  paging?: { total: number; nextCursor: string | null; paged: boolean };
  notice?: { kind: "ok" | "error"; message: string } | undefined;
}

export function QualificationQueuePage({ zone, nonce, user, pending, paging, notice }: QualificationQueueProps) {
  return (
    <Layout title="资质审核" zone={zone} nonce={nonce} user={user} css={ENTERPRISE_CSS}>
      <main id="main" class="wrap ent">
        <p class="crumbs">
          <a href="/admin/enterprises">企业名录</a> › 资质审核
        </p>
        <h1>资质审核</h1>
        {notice && (
          <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.message}
          </div>
        )}
        {pending.length === 0 ? (
          <p>没有待审核的资质申报。</p>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <thead>
                <tr>
                  <th scope="col">企业</th>
                  <th scope="col">资质</th>
                  <th scope="col">证书</th>
                  <th scope="col">申报时间</th>
                  <th scope="col">审核</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((q) => (
                  <tr>
                    <td>
                      <a href={`/admin/enterprises/${q.enterpriseId}`}>{q.enterpriseName}</a>
                      <small>{q.uscc ?? ""}</small>
                    </td>
                    <td data-label="资质">{q.name}</td>
                    <td data-label="证书">
                      {q.certificateNo ?? "—"}
                      <small>
                        {q.issuedOn ? formatDateZh(q.issuedOn) : "—"} 至{" "}
                        {q.validUntil ? formatDateZh(q.validUntil) : "—"}
                      </small>
                      {q.certificateId ? (
                        <small>
                          <a href={`/materials/${q.certificateId}`} target="_blank" rel="noopener">
                            查看证书文件
                          </a>
                        </small>
                      ) : (
                        <small>未上传证书文件</small>
                      )}
                    </td>
                    <td data-label="申报时间">{formatTimeZh(new Date(q.createdAt))}</td>
                    <td data-label="审核">
                      <form method="post" action={`/admin/qualifications/${q.id}/verify`}>
                        <input type="hidden" name="note" value="" />
                        <button class="btn" type="submit" aria-label={`核实通过:${q.enterpriseName} ${q.name}`}>
                          核实通过
                        </button>
                      </form>
                      <form method="post" action={`/admin/qualifications/${q.id}/reject`} class="field">
                        <label for={`note-${q.id}`}>驳回原因</label>
                        <input id={`note-${q.id}`} name="note" maxlength={500} required />
                        <button class="btn danger" type="submit" aria-label={`驳回:${q.enterpriseName} ${q.name}`}>
                          驳回
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {paging && <Pager page={listPage("/admin/qualifications", {}, paging)} unit="条待审核" />}
      </main>
    </Layout>
  );
}
