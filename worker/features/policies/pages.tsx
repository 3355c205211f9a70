/**
 * The policy pages everyone uses: 政策纵览 (programmes of the version in force,
 * searchable), one programme with 政策计算器, and 政策匹配 for an enterprise
 * member. The calculator is a GET form, so a result is a link; bad input
 * re-renders the form with a message per field and a 400.
 */
import { Hono, type Context } from "hono";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import { evaluate, type CompiledProgramme, type Evaluation } from "../../engines/policy/evaluate";
import { CATEGORIES } from "../../engines/policy/format/programme";
import { latestFiguresYear, prefillFacts } from "../../engines/policy/prefill";
import { rankProgrammesForEnterprise } from "../../engines/policy/rank";
import { PolicyMatchPage } from "../../../web/pages/policy/match";
import { pendingItems } from "./match-pending";
import { PolicyOverviewPage } from "../../../web/pages/policy/overview";
import { ProgrammePage } from "../../../web/pages/policy/programme";
import { signedIn } from "../auth/guard";
import { memberOf, requireMemberPage } from "../enterprises/member-guard";
import { shanghaiDate } from "../../lib/calendar";
import { factsToForm, fieldName, formToFacts, wasSubmitted, type FormValues } from "./calculator-form";
import { awardsToForm, formToAwards, type AwardRow } from "./calculator-history";
import { loadCurrentPolicy, type LoadedPolicy } from "./current-policy";
import { loadEnterpriseProfiles, withInProgress } from "./enterprise-profiles";
import { documentStatuses } from "./document-status";
import { listOpenApplications } from "./list-open-applications";
import { closedDocumentLines } from "./closed-documents";
import { estimateProgramme } from "./estimate-programme";
import { currentPolicyOf } from "./programme-api";
import { ProgrammeIdParam } from "./programme-schemas";
import { searchProgrammes, viewOf } from "./search-programmes";

const isStaff = (c: Context<AppEnv>) => ["zone_admin", "reviewer"].includes(c.get("auth")?.user.role ?? "");
const isMember = (c: Context<AppEnv>) =>
  c.get("auth")?.user.role === "enterprise" && !!c.get("auth")?.user.enterpriseId;
const FROM_PROFILE = "from=profile";
const versionLine = (p: LoadedPolicy) => ({
  id: p.version.id,
  label: p.version.label,
  effectiveFrom: p.version.effectiveFrom,
});

/** A programme id from the path, or the 404 a mistyped link deserves. */
export function programmeParam(c: Context<AppEnv>, policy: LoadedPolicy) {
  const id = ProgrammeIdParam.shape.id.safeParse(c.req.param("id"));
  const view = id.success ? viewOf(policy.compiled, id.data) : null;
  if (!view) throw new AppError("not_found", `本园区现行政策(第${policy.version.id}版)没有这个项目。`);
  return view;
}

/** The signed-in member's enterprise as the engine sees it; null for anyone else (the page then stays a plain calculator). */
async function memberProfile(c: Context<AppEnv>, today: string) {
  if (!isMember(c)) return null;
  const [e] = await loadEnterpriseProfiles(zoneOf(c), today, c.get("auth")!.user.enterpriseId!);
  return e && e.profile ? { ...e, figuresYear: latestFiguresYear(e.profile) } : null;
}

/** The member's open applications of this programme and whether a new one would be refused (the page then says so, not a 409); nothing for anyone else. */
const standingOf = (c: Context<AppEnv>, programme: CompiledProgramme, today: string) =>
  isMember(c)
    ? listOpenApplications(zoneOf(c), { enterpriseId: c.get("auth")!.user.enterpriseId!, programme, today })
    : Promise.resolve(undefined);

export function policyPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  // 政策匹配 sends anonymous visitors to 登录; other accounts get the guard's 403 page.
  const memberPage = requireMemberPage(deps);
  r.use("/policy", requireZone);
  r.use("/policy/*", requireZone);
  r.use("/policy/match", memberPage);
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  r.get("/policy", async (c) => {
    const { zone, db } = zoneOf(c);
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const q = (c.req.query("q") ?? "").trim().slice(0, 50);
    const asked = c.req.query("category") ?? "";
    const category = asked in CATEGORIES ? asked : "";
    const today = shanghaiDate(deps.now());
    const policy = await loadCurrentPolicy({ db, zone }, today);
    const common = { zone, nonce: nonce(c), user: c.get("auth")?.user, query: { q, category }, staff: isStaff(c) };
    if (!policy)
      return c.html(
        <PolicyOverviewPage
          {...common}
          version={null}
          programmes={[]}
          total={0}
          categories={[]}
          documents={[]}
          validity={{}}
        />,
      );
    const { list, set } = policy.compiled;
    const statuses = documentStatuses(zone, policy, today);
    const categories = Object.entries(CATEGORIES)
      .map(([code, name]) => ({ code, name, count: list.filter((p) => p.category === code).length }))
      .filter((x) => x.count > 0);
    return c.html(
      <PolicyOverviewPage
        {...common}
        version={versionLine(policy)}
        programmes={searchProgrammes(policy.compiled, { q, category })}
        total={list.length}
        categories={categories}
        documents={set.documents.map((d) => ({
          id: d.id,
          title: d.title,
          docNumber: d.docNumber,
          validity: statuses.get(d.id)!.label,
        }))}
        validity={Object.fromEntries([...statuses].map(([id, v]) => [id, { status: v.status, label: v.label }]))}
      />,
    );
  });

  r.get("/policy/programmes/:id", async (c) => {
    const { policy, today } = await currentPolicyOf(c, deps);
    const view = programmeParam(c, policy);
    const raw = c.req.query();
    refuseBadCharacters(raw);
    let values: FormValues = {};
    let errors: Record<string, string> | undefined;
    let echo: Record<string, string> | undefined;
    let result: Evaluation | null = null;
    let awardRows: AwardRow[] = [];
    // ?from=profile: a member's own figures and qualifications, read here on the
    // server, so the enterprise's financial data never travels in a URL.
    const wantsProfile = raw.from === "profile" && !wasSubmitted(view.facts, raw);
    const [own, standing] = await Promise.all([
      wantsProfile ? memberProfile(c, today) : null,
      standingOf(c, policy.compiled.programmes.get(view.id)!, today),
    ]);
    if (own) {
      const programme = policy.compiled.programmes.get(view.id)!;
      const facts = prefillFacts(programme, own.profile);
      values = factsToForm(view.facts, facts);
      awardRows = awardsToForm(own.awards.records);
      result = withInProgress(
        own,
        evaluate(programme, { facts, profile: own.profile, history: own.history, date: today }),
      );
    } else if (view.facts.length === 0 || wasSubmitted(view.facts, raw)) {
      // A programme without facts has nothing to ask: its result shows at once.
      const parsed = formToFacts(view.facts, raw);
      // Past awards count only where the programme has limits; elsewhere the form has no such rows.
      const awards = view.limits.length
        ? formToAwards(raw, { programmes: new Set(policy.compiled.programmes.keys()), today })
        : { rows: [], entries: [], errors: {} };
      values = parsed.values;
      awardRows = awards.rows;
      const bad = { ...(parsed.ok ? {} : parsed.errors), ...awards.errors };
      if (!parsed.ok || Object.keys(bad).length) errors = bad;
      else {
        echo = parsed.echo;
        try {
          result = estimateProgramme(policy, today, {
            programme: view.id,
            facts: parsed.facts,
            history: awards.entries,
          });
        } catch (e) {
          // The form checks what the engine checks; should they ever differ, the engine's word is shown per field.
          if (!(e instanceof AppError) || e.status !== 400) throw e;
          const byField = new Map(view.facts.map((f) => [f.name, fieldName(f, view.facts)]));
          errors = Object.fromEntries(
            Object.entries(e.fields ?? { _: e.message }).map(([k, v]) => [byField.get(k) ?? k, v]),
          );
        }
      }
    }
    // The document's own status, for the 已到期 badge and its label; the result already fails "effective" (decision 0013).
    const validity = documentStatuses(zoneOf(c).zone, policy, today).get(view.document.id);
    const page = (
      <ProgrammePage
        validity={validity && { status: validity.status, label: validity.label }}
        standing={standing}
        zone={zoneOf(c).zone}
        nonce={nonce(c)}
        user={c.get("auth")?.user}
        version={versionLine(policy)}
        staff={isStaff(c)}
        programme={view}
        values={values}
        errors={errors}
        echo={echo}
        result={result}
        awards={
          view.limits.length
            ? { rows: awardRows, programmes: policy.compiled.list.map((p) => ({ id: p.id, title: p.title.zh })) }
            : undefined
        }
        prefilled={
          own
            ? `已按${own.name}${own.figuresYear ? `${own.figuresYear}年度数据、` : ""}已核实的资质${own.awards.records.length ? "和平台上的获奖、在审记录" : ""}填入并测算(含申报主体条件)`
            : undefined
        }
        profileHref={isMember(c) && !own ? `/policy/programmes/${view.id}?${FROM_PROFILE}#result` : undefined}
      />
    );
    if (own || standing) c.header("Cache-Control", "private, no-store");
    return c.html(page, errors ? 400 : 200);
  });

  r.get("/policy/match", async (c) => {
    const { policy, today } = await currentPolicyOf(c, deps);
    const { zone, db } = zoneOf(c);
    // The profile is needed twice (ranking and the calculator links), so it is read once here.
    const [e] = await loadEnterpriseProfiles({ db }, today, memberOf(c).enterpriseId);
    if (!e) throw new AppError("not_found", "找不到你所属的企业,请联系园区管理员。");
    const rows = rankProgrammesForEnterprise(policy.compiled, e.profile, e.history, today).map((f) => {
      const view = viewOf(policy.compiled, f.programme.id)!;
      const pending = pendingItems(f.programme, f.result);
      // The engine's "effective" condition (its document's period, decision 0013) gives the badge.
      const closed = f.result.conditions.some((x) => x.id === "effective" && x.result === "fail")
        ? today < f.programme.effectiveFrom
          ? ("尚未施行" as const)
          : ("已到期" as const)
        : undefined;
      return {
        programme: {
          id: view.id,
          title: view.title,
          citation: view.citation,
          documentId: view.document.id,
          documentTitle: view.document.title,
          amountSummary: view.amountSummary,
          closed,
        },
        result: withInProgress(e, f.result),
        tier: f.tier,
        met: f.met,
        missed: f.missed,
        // Counted as listed: an unknown condition and the fact it waits for are one thing to supply.
        untold: pending.length,
        pending,
        calculatorHref: `/policy/programmes/${view.id}?${FROM_PROFILE}#result`,
      };
    });
    // A plan out of its period says so once, above the tiers, instead of only as 16 reasons under 暂不符合.
    const closedDocuments = closedDocumentLines(
      documentStatuses(zone, policy, today),
      rows.filter((r) => r.programme.closed).map((r) => r.programme.documentId),
    );
    // The enterprise's own figures: not for shared caches.
    c.header("Cache-Control", "private, no-store");
    return c.html(
      <PolicyMatchPage
        zone={zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        version={versionLine(policy)}
        enterpriseName={e.name}
        figuresYear={latestFiguresYear(e.profile)}
        rows={rows}
        closedDocuments={closedDocuments}
      />,
    );
  });

  return r;
}
