/**
 * 年度报表 reminders: members of enterprises that have not filed an open yearly report are told on the
 * 7th and the 1st working day before its due date (../features/yearly-reports/remind-unfiled.ts). Runs
 * before deliver-outbox.ts, so the mail leaves in the same run.
 */
import { zoneOrigin } from "../env";
import { remindUnfiled } from "../features/yearly-reports/remind-unfiled";
import { logJob, type ZoneJob } from "./zone-job";

export const reportRemindersJob: ZoneJob = async ({ deps, zone, db }) => {
  const reminded = await remindUnfiled({ db, zone, now: deps.now(), origin: zoneOrigin(deps.config, zone.slug) });
  if (reminded > 0) logJob("report-reminders", zone, { reminded });
};
