/** 入驻审核 (zone staff): the queue with counts per status and filters (status, industry, submission dates). */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { Pager } from "../../components/pager";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { StatusBadge } from "./application-view";
import { Input, Select, type FormErrors } from "../../components/form";
import { industryName, ONBOARDING_CSS, STATUS_LABEL, type ApplicationStatus } from "./labels";
import type { ApplicationList, ListFilterValues } from "./view-types";

interface ReviewQueueProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  list: ApplicationList;
  filters: ListFilterValues;
  errors?: FormErrors;
}

const STATUSES = Object.keys(STATUS_LABEL) as ApplicationStatus[];

/** The queue with the same filters, at the page a cursor names (none: the first). */
function queueHref(filters: ListFilterValues, page?: { after?: string; before?: string }): string {
  const p = new URLSearchParams();
  for (const key of ["status", "industry", "from", "to"] as const) if (filters[key]) p.set(key, filters[key]!);
  if (page?.after) p.set("after", page.after);
  if (page?.before) p.set("before", page.before);
  const s = p.toString();
  return s ? `/admin/onboarding?${s}` : "/admin/onboarding";
}

export function ReviewQueuePage({ zone, nonce, user, list, filters, errors }: ReviewQueueProps) {
  const e = (k: string) => errors?.fields?.[k];
  return (
    <Layout title="入驻审核" zone={zone} nonce={nonce} user={user} css={ONBOARDING_CSS}>
      <main id="main" class="wrap">
        <h1>入驻审核</h1>
        <ul class="counts" aria-label="各状态的申请数">
          {STATUSES.map((s) => (
            <li>
              <a href={`/admin/onboarding?status=${s}`} aria-current={filters.status === s ? "true" : undefined}>
                {STATUS_LABEL[s]} {list.counts[s]}
              </a>
            </li>
          ))}
          <li>
            <a href="/admin/onboarding" aria-current={!filters.status ? "true" : undefined}>
              全部
            </a>
          </li>
        </ul>
        <form class="filters" method="get" action="/admin/onboarding" aria-label="筛选">
          <Select
            name="status"
            label="状态"
            value={filters.status}
            required={false}
            placeholder="全部"
            options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            error={e("status")}
          />
          <Select
            name="industry"
            label="重点产业"
            value={filters.industry}
            required={false}
            placeholder="全部"
            options={zone.priorityIndustries.map((i) => ({ value: i.code, label: i.zh }))}
            error={e("industry")}
          />
          <Input name="from" label="提交日期从" type="date" value={filters.from} required={false} error={e("from")} />
          <Input name="to" label="提交日期至" type="date" value={filters.to} required={false} error={e("to")} />
          <button class="btn" type="submit">
            筛选
          </button>
        </form>
        {errors?.message && (
          <div class="alert error" role="alert">
            {errors.message}
          </div>
        )}
        <p>共 {list.total} 条</p>
        {list.applications.length === 0 ? (
          <p>没有符合条件的申请。</p>
        ) : (
          <div class="table-scroll">
            <table class="users stack">
              <caption class="skip">{list.applications.length} 个申请</caption>
              <thead>
                <tr>
                  <th scope="col">企业</th>
                  <th scope="col">重点产业</th>
                  <th scope="col">状态</th>
                  <th scope="col">首次提交</th>
                  <th scope="col">最近更新</th>
                </tr>
              </thead>
              <tbody>
                {list.applications.map((a) => (
                  <tr>
                    <td>
                      <a href={`/admin/onboarding/${a.id}`}>{a.companyName}</a>
                      <small>{a.uscc}</small>
                    </td>
                    <td data-label="重点产业">{industryName(zone, a.industry)}</td>
                    <td data-label="状态">
                      <StatusBadge status={a.status} />
                    </td>
                    <td data-label="首次提交">
                      <time datetime={a.createdAt}>{formatTimeZh(a.createdAt)}</time>
                    </td>
                    <td data-label="最近更新">
                      <time datetime={a.updatedAt}>{formatTimeZh(a.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {/* The count is above the list (共 N 条). */}
        <Pager
          total={list.total}
          summary={null}
          prevHref={list.prevCursor && queueHref(filters, { before: list.prevCursor })}
          firstHref={filters.after || filters.before ? queueHref(filters) : null}
          nextHref={list.nextCursor && queueHref(filters, { after: list.nextCursor })}
        />
      </main>
    </Layout>
  );
}
