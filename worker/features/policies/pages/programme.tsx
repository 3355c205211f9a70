/**
 * One programme with 政策计算器 (GET /policies/programmes/:id). The calculator is
 * a GET form, so a result is a link; bad input re-renders the form with a message
 * per field and a 400. A member may have it filled from their own records.
 */
import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { refuseBadCharacters } from "../../../lib/form-text";
import { requestCtx } from "../../../middleware/request-ctx";
import type { CompiledProgramme } from "../../../engines/policy/evaluate";
import { latestFiguresYear } from "../../../engines/policy/prefill";
import { ProgrammePage } from "../../../../web/pages/policy/programme";
import { wasSubmitted } from "../calculator-form";
import { currentPolicyOf } from "../current-policy";
import { documentStatuses } from "../document-status";
import { loadEnterpriseProfiles } from "../enterprise-profiles";
import { listOpenApplications } from "../list-open-applications";
import { lprSeries } from "../../../lib/lpr";
import { calculatorState } from "./calculator-state";
import { isMember, isStaff, profileCalculatorHref, programmeParam, versionLine } from "./page-helpers";

/** The signed-in member's enterprise as the engine sees it; null for anyone else (a plain calculator). */
async function memberProfile(c: Context<AppEnv>, deps: AppDeps, today: string) {
  if (!isMember(c)) return null;
  const [e] = await loadEnterpriseProfiles(requestCtx(c, deps), today, c.get("auth")!.user.enterpriseId!);
  return e?.profile ? { ...e, figuresYear: latestFiguresYear(e.profile) } : null;
}

/** The member's open applications of this programme and whether a new one would be refused (the page then
 * says so, not a 409); nothing for anyone else. */
const standingOf = (
  c: Context<AppEnv>,
  deps: AppDeps,
  programmeId: string,
  programme: Promise<CompiledProgramme>,
  today: string,
) =>
  isMember(c)
    ? listOpenApplications(requestCtx(c, deps), {
        enterpriseId: c.get("auth")!.user.enterpriseId!,
        programmeId,
        programme,
        today,
      })
    : Promise.resolve(undefined);

/** How the page says where prefilled figures came from. */
const prefilledLine = (own: { name: string; figuresYear: number | null; awards: { records: unknown[] } }) =>
  `已按${own.name}${own.figuresYear ? `${own.figuresYear}年度数据、` : ""}已核实的资质` +
  `${own.awards.records.length ? "和平台上的获奖、在审记录" : ""}填入并测算(含申报主体条件)`;

export function programmePage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get("/programmes/:id", async (c) => {
    const ctx = requestCtx(c, deps);
    const raw = c.req.query();
    refuseBadCharacters(raw);
    const today = shanghaiDate(ctx.now);
    // The policy, the member's standing on this programme and (?from=profile) the member's own figures
    // and qualifications go out together: one round trip. The programme is checked first, so a bad id
    // answers as before; the profile is read on the server, so financial data never travels in a URL.
    const read = currentPolicyOf(ctx);
    const programme = read.then(({ policy }) => policy.compiled.programmes.get(programmeParam(c, policy).id)!);
    const standingRead = standingOf(c, deps, c.req.param("id") ?? "", programme, today);
    const profileRead = raw.from === "profile" ? memberProfile(c, deps, today) : Promise.resolve(null);
    for (const p of [programme, standingRead, profileRead]) p.catch(() => {});
    const { policy } = await read;
    const view = programmeParam(c, policy);
    const wantsProfile = raw.from === "profile" && !wasSubmitted(view.facts, raw);
    const [ownRead, standing] = await Promise.all([profileRead, standingRead]);
    const own = wantsProfile ? ownRead : null;
    const state = calculatorState({ policy, today, view, raw, own, lpr: lprSeries(ctx.zone.finance.lpr) });
    // The document's own status, for the 已到期 badge and its label; the result already fails "effective"
    // (decision 0013).
    const validity = documentStatuses(ctx.zone, policy, today).get(view.document.id);
    const page = (
      <ProgrammePage
        validity={validity && { status: validity.status, label: validity.label }}
        standing={standing}
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={c.get("auth")?.user}
        version={versionLine(policy)}
        staff={isStaff(c)}
        programme={view}
        values={state.values}
        errors={state.errors}
        echo={state.echo}
        result={state.result}
        awards={
          view.limits.length
            ? { rows: state.awardRows, programmes: policy.compiled.list.map((p) => ({ id: p.id, title: p.title.zh })) }
            : undefined
        }
        prefilled={own ? prefilledLine(own) : undefined}
        profileHref={isMember(c) && !own ? profileCalculatorHref(view.id) : undefined}
      />
    );
    if (own || standing) c.header("Cache-Control", "private, no-store");
    return c.html(page, state.errors ? 400 : 200);
  });
  return r;
}
