/**
 * 长治高新区's policy set: the supports named in seed 004 (the zone's 双创
 * three-year action plan 2021—2023, 长高发〔2020〕65号), with their test cases.
 * The plan prints no amounts, so awards are case by case (set at review) or in kind.
 * Its validity ends 2023-12-31 (decision 0013): the engine refuses every programme
 * after it, so the cases are dated inside the period and each programme has expiry cases.
 */
import { definePolicySet } from "../../policy";
import zone from "../zone";
import { expiryCases } from "./common";
import { enterpriseParts } from "./enterprises";
import { financeParts } from "./finance";
import { platformParts } from "./platforms";
import { serviceParts } from "./services";
import { talentParts } from "./talent";

const parts = [platformParts, enterpriseParts, serviceParts, talentParts, financeParts];
const programmes = parts.flatMap((p) => p.programmes);

export default definePolicySet({
  zone: "changzhi",
  label: "2026年版",
  effectiveFrom: "2026-01-01",
  documents: zone.documents,
  programmes,
  cases: [...parts.flatMap((p) => p.cases), ...expiryCases(programmes)],
});
