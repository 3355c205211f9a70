CREATE TABLE `subsidy_stage_times` (
	`stage` text PRIMARY KEY NOT NULL,
	`total_ms` integer DEFAULT 0 NOT NULL,
	`completed` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `subsidy_applications_dashboard_idx` ON `subsidy_applications` (`status`,`programme_id`,`stage`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_award_year_idx` ON `subsidy_applications` (`award_year`,`status`,`programme_id`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `subsidy_payments_programme_idx` ON `subsidy_payments` (`programme_id`,`amount_fen`);--> statement-breakpoint
-- The stays already in the timeline, paired as the dashboard used to pair them on every view: each
-- stage move with the application's move before it (dashboard.ts, STAGE_MOVES).
INSERT INTO `subsidy_stage_times` (`stage`, `total_ms`, `completed`)
SELECT `entered_stage`, sum(`at` - `entered_at`), count(*) FROM (
	SELECT `stage`, `action`, `at`, lag(`to_stage`) OVER w AS `entered_stage`, lag(`action`) OVER w AS `entered_by`,
		lag(`at`) OVER w AS `entered_at`
	FROM `subsidy_events`
	WHERE `action` IN ('submitted', 'resubmitted', 'passed', 'advanced', 'awarded', 'returned', 'rejected')
	WINDOW w AS (PARTITION BY `application_id` ORDER BY `id`)
)
WHERE `entered_stage` IS NOT NULL AND `entered_by` <> 'returned'
	AND (`stage` = `entered_stage` OR `action` IN ('returned', 'rejected'))
GROUP BY `entered_stage`;
--> statement-breakpoint
-- From now on, each stay when the move that ends it is written: a stage is entered by a move naming it
-- as `to_stage` and left by the application's next move — one from that stage, a return or a
-- rejection (a return enters nothing). The timeline is append-only, so a sum kept on insert stays exact.
CREATE TRIGGER `subsidy_events_stage_time` AFTER INSERT ON `subsidy_events`
WHEN NEW.`action` IN ('submitted', 'resubmitted', 'passed', 'advanced', 'awarded', 'returned', 'rejected')
BEGIN
	INSERT INTO `subsidy_stage_times` (`stage`, `total_ms`, `completed`)
	SELECT `prev`.`to_stage`, NEW.`at` - `prev`.`at`, 1
	FROM (
		SELECT `to_stage`, `action`, `at` FROM `subsidy_events`
		WHERE `application_id` = NEW.`application_id` AND `id` < NEW.`id`
			AND `action` IN ('submitted', 'resubmitted', 'passed', 'advanced', 'awarded', 'returned', 'rejected')
		ORDER BY `id` DESC LIMIT 1
	) AS `prev`
	WHERE `prev`.`to_stage` IS NOT NULL AND `prev`.`action` <> 'returned'
		AND (NEW.`stage` = `prev`.`to_stage` OR NEW.`action` IN ('returned', 'rejected'))
	ON CONFLICT (`stage`) DO UPDATE SET `total_ms` = `total_ms` + excluded.`total_ms`, `completed` = `completed` + 1;
END;
