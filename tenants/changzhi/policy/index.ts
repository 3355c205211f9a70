/**
 * 长治高新区's policy set: the supports named in seed 004 (the zone's 双创
 * three-year action plan 2021—2023, 长高发〔2020〕65号), with their test cases.
 * The plan prints no amounts, so awards are case by case (set at review) or in kind.
 * Its validity ends 2023-12-31 (decision 0013): the engine refuses every programme
 * after it, so the cases are dated inside the period and each programme has expiry cases.
 * Beside it, the demo 贴息 programme (演示, issue 19) on its own demo document, in force 2025—2027.
 */
import { definePolicySet } from "../../policy";
import zone from "../zone";
import { expiryCases } from "./common";
import { enterpriseParts } from "./enterprises";
import { financeParts } from "./finance";
import { interestSubsidyParts } from "./interest-subsidy";
import { platformParts } from "./platforms";
import { serviceParts } from "./services";
import { talentParts } from "./talent";

const parts = [platformParts, enterpriseParts, serviceParts, talentParts, financeParts];
const planProgrammes = parts.flatMap((p) => p.programmes);
const programmes = [...planProgrammes, ...interestSubsidyParts.programmes];

export default definePolicySet({
  zone: "changzhi",
  label: "2026年版",
  effectiveFrom: "2026-01-01",
  documents: zone.documents,
  programmes,
  cases: [...parts.flatMap((p) => p.cases), ...expiryCases(planProgrammes), ...interestSubsidyParts.cases],
});
