CREATE TABLE `application_numbers` (
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`kind`, `year`)
);
--> statement-breakpoint
ALTER TABLE `subsidy_applications` ADD `number_year` integer;--> statement-breakpoint
ALTER TABLE `subsidy_applications` ADD `number_seq` integer;--> statement-breakpoint
-- Hand-written backfill: existing applications are numbered per year of creation (Asia/Shanghai), in created order.
UPDATE `subsidy_applications` SET `number_year` = CAST(strftime('%Y', `created_at` / 1000, 'unixepoch', '+8 hours') AS INTEGER);--> statement-breakpoint
UPDATE `subsidy_applications` SET `number_seq` = (
	SELECT COUNT(*) FROM `subsidy_applications` AS `o`
	WHERE `o`.`number_year` = `subsidy_applications`.`number_year`
		AND (`o`.`created_at` < `subsidy_applications`.`created_at` OR (`o`.`created_at` = `subsidy_applications`.`created_at` AND `o`.`id` <= `subsidy_applications`.`id`))
);--> statement-breakpoint
INSERT INTO `application_numbers` (`kind`, `year`, `last`) SELECT 'subsidy', `number_year`, MAX(`number_seq`) FROM `subsidy_applications` GROUP BY `number_year`;--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_applications_number_unique` ON `subsidy_applications` (`number_year`,`number_seq`);--> statement-breakpoint
ALTER TABLE `loan_applications` ADD `number_year` integer;--> statement-breakpoint
ALTER TABLE `loan_applications` ADD `number_seq` integer;--> statement-breakpoint
-- Hand-written backfill: existing loan applications are numbered per year of submission (Asia/Shanghai), in submitted order.
UPDATE `loan_applications` SET `number_year` = CAST(strftime('%Y', `submitted_at` / 1000, 'unixepoch', '+8 hours') AS INTEGER);--> statement-breakpoint
UPDATE `loan_applications` SET `number_seq` = (
	SELECT COUNT(*) FROM `loan_applications` AS `o`
	WHERE `o`.`number_year` = `loan_applications`.`number_year`
		AND (`o`.`submitted_at` < `loan_applications`.`submitted_at` OR (`o`.`submitted_at` = `loan_applications`.`submitted_at` AND `o`.`id` <= `loan_applications`.`id`))
);--> statement-breakpoint
INSERT INTO `application_numbers` (`kind`, `year`, `last`) SELECT 'loan', `number_year`, MAX(`number_seq`) FROM `loan_applications` GROUP BY `number_year`;--> statement-breakpoint
CREATE UNIQUE INDEX `loan_applications_number_unique` ON `loan_applications` (`number_year`,`number_seq`);
