/**
 * 淄博高新区's policy set: the programmes of seed 000 (clauses 6–30) and seed 001,
 * with their test cases. Published to the zone's database by `npm run
 * policy:publish -- zibo` (and by `npm start` / `db:sync` when it changed).
 */
import { definePolicySet } from "../../policy";
import zone from "../zone";
import { platformsCases, platformsProgrammes } from "./platforms-2020/index";
import { zichuangCases, zichuangProgrammes } from "./zichuang-2017/index";

export default definePolicySet({
  zone: "zibo",
  label: "2026年版",
  effectiveFrom: "2026-01-01",
  documents: zone.documents,
  programmes: [...zichuangProgrammes, ...platformsProgrammes],
  cases: [...zichuangCases, ...platformsCases],
});
