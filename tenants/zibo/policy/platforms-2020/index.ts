/**
 * Seed 001 (淄政办字〔2020〕43号, Zibo city's innovation-platform opinions): every
 * clause that names an award, as programmes with their cases, in clause order.
 */
import { incubatorParts } from "./incubators";
import { makerSpaceParts } from "./maker-spaces";
import { platformParts } from "./platforms";
import { sharingParts } from "./sharing";
import { transferParts } from "./transfer";
import { voucherParts } from "./voucher";

const parts = [platformParts, sharingParts, incubatorParts, makerSpaceParts, voucherParts, transferParts];

export const platformsProgrammes = parts.flatMap((p) => p.programmes);
export const platformsCases = parts.flatMap((p) => p.cases);
