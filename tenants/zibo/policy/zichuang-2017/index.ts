/**
 * Seed 000 (zibo-zichuang-2017), clauses 6–30 (14 lives in ../rd-inclusive.ts):
 * the programmes in clause order and their cases. Clauses 9, 13, 19 and 29
 * name no amount, ratio or form of support and have no programme.
 */
import {
  cooperationCases,
  expertWorkstation,
  industryAcademia,
  innovationAlliance,
  majorPlatformProject,
  techContract,
} from "./cooperation";
import {
  enterpriseCases,
  hitechCert,
  hitechFirstFail,
  projectMatching,
  scienceAwardMatching,
  zoneScienceAward,
} from "./enterprise";
import { growth30High, growth30Mid, growth50City, growthCases } from "./growth";
import {
  incubationCases,
  incubatorActivities,
  incubatorRecognition,
  incubatorSpace,
  overseasRdInstitution,
  overseasTalentProject,
} from "./incubation";
import { industryInstitute, instituteProject, institutesCases, rdInstitution } from "./institutes";
import {
  inventionPatent,
  ipCases,
  ipEnterprise,
  ipStandard,
  patentAgencyBreakthrough,
  patentAward,
  patentForeign,
} from "./ip";
import { rdInclusive, rdInclusiveCases } from "../rd-inclusive";
import { talentCases, talentEngineering, talentStartup } from "./talent";
import { techTransferAgency, techTransferCentre, techTransferDeals, transferCases } from "./transfer";

export const zichuangProgrammes = [
  incubatorRecognition, // 6
  incubatorSpace, // 7
  incubatorActivities, // 7
  overseasTalentProject, // 8
  overseasRdInstitution, // 8
  instituteProject, // 10
  industryInstitute, // 11
  rdInstitution, // 12
  rdInclusive, // 14
  hitechCert, // 15
  hitechFirstFail, // 15
  projectMatching, // 16
  scienceAwardMatching, // 17
  zoneScienceAward, // 17
  growth30Mid, // 18
  growth30High, // 18
  growth50City, // 18
  techTransferCentre, // 20
  techTransferAgency, // 21
  techTransferDeals, // 21
  industryAcademia, // 22
  expertWorkstation, // 22
  innovationAlliance, // 23
  techContract, // 24
  majorPlatformProject, // 25
  patentAward, // 26
  ipEnterprise, // 26
  ipStandard, // 26
  inventionPatent, // 27
  patentForeign, // 27
  patentAgencyBreakthrough, // 28
  talentStartup, // 30
  talentEngineering, // 30
];

export const zichuangCases = [
  ...incubationCases,
  ...institutesCases,
  ...rdInclusiveCases,
  ...enterpriseCases,
  ...growthCases,
  ...transferCases,
  ...cooperationCases,
  ...ipCases,
  ...talentCases,
];
