/**
 * 东营高新区's policy set: the supports named in seed 002 (Dongying's national
 * innovative city work plan, 2018), with their test cases. The plan prints no
 * amounts, so awards are case by case (一事一议 / set at review) or in kind.
 */
import { definePolicySet } from "../../policy";
import zone from "../zone";
import { enterpriseParts } from "./enterprises";
import { financeParts } from "./finance";
import { platformParts } from "./platforms";
import { productParts } from "./products";
import { projectParts } from "./projects";
import { talentParts } from "./talent";

const parts = [enterpriseParts, platformParts, talentParts, projectParts, financeParts, productParts];

export default definePolicySet({
  zone: "dongying",
  label: "2026年版",
  effectiveFrom: "2026-01-01",
  documents: zone.documents,
  programmes: parts.flatMap((p) => p.programmes),
  cases: parts.flatMap((p) => p.cases),
});
