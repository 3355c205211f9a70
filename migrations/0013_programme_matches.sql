CREATE TABLE `programme_match_runs` (
	`programme_id` text PRIMARY KEY NOT NULL,
	`job_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`evaluated_on` text NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `programme_matches` (
	`programme_id` text NOT NULL,
	`job_id` integer NOT NULL,
	`enterprise_id` text NOT NULL,
	`name` text NOT NULL,
	`tier_rank` integer NOT NULL,
	`tier` text NOT NULL,
	`version_id` integer NOT NULL,
	`met` integer NOT NULL,
	`missed` integer NOT NULL,
	`untold` integer NOT NULL,
	`result` text NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `job_id`, `enterprise_id`)
);
--> statement-breakpoint
CREATE INDEX `programme_matches_list_idx` ON `programme_matches` (`programme_id`,`job_id`,`tier_rank`,`name`,`enterprise_id`);