CREATE TABLE `subsidy_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`programme_id` text NOT NULL,
	`enterprise_id` text NOT NULL,
	`created_by` text NOT NULL,
	`status` text NOT NULL,
	`stage` text,
	`facts` text DEFAULT '{}' NOT NULL,
	`form_values` text DEFAULT '{}' NOT NULL,
	`project_code` text,
	`policy_version` integer,
	`evaluation` text,
	`requested_fen` integer,
	`amount_fen` integer,
	`range_min_fen` integer,
	`range_max_fen` integer,
	`award_year` integer,
	`last_passed_by` text,
	`idempotency_key` text,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`stage_entered_at` integer,
	`due_on` text,
	`publicity_from` text,
	`publicity_to` text,
	`decided_at` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subsidy_applications_enterprise_idx` ON `subsidy_applications` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_stage_idx` ON `subsidy_applications` (`status`,`stage`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_programme_idx` ON `subsidy_applications` (`programme_id`,`award_year`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_applications_idempotency_unique` ON `subsidy_applications` (`enterprise_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `subsidy_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`stage` text,
	`to_stage` text,
	`amount_fen` integer,
	`note` text,
	FOREIGN KEY (`application_id`) REFERENCES `subsidy_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subsidy_events_application_idx` ON `subsidy_events` (`application_id`,`id`);--> statement-breakpoint
CREATE TABLE `subsidy_objections` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`lodged_at` integer NOT NULL,
	`name` text NOT NULL,
	`contact` text NOT NULL,
	`content` text NOT NULL,
	`status` text NOT NULL,
	`resolved_by` text,
	`resolved_at` integer,
	`resolution` text,
	FOREIGN KEY (`application_id`) REFERENCES `subsidy_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subsidy_objections_application_idx` ON `subsidy_objections` (`application_id`,`status`);--> statement-breakpoint
CREATE TABLE `subsidy_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`enterprise_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`paid_on` text NOT NULL,
	`voucher_no` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `subsidy_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_payments_voucher_unique` ON `subsidy_payments` (`voucher_no`);--> statement-breakpoint
CREATE INDEX `subsidy_payments_application_idx` ON `subsidy_payments` (`application_id`);--> statement-breakpoint
-- The timeline and the payment ledger are append-only: what happened stays as it happened.
CREATE TRIGGER `subsidy_events_no_update` BEFORE UPDATE ON `subsidy_events`
BEGIN
	SELECT RAISE(ABORT, 'subsidy_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_events_no_delete` BEFORE DELETE ON `subsidy_events`
BEGIN
	SELECT RAISE(ABORT, 'subsidy_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_payments_no_update` BEFORE UPDATE ON `subsidy_payments`
BEGIN
	SELECT RAISE(ABORT, 'subsidy_payments is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_payments_no_delete` BEFORE DELETE ON `subsidy_payments`
BEGIN
	SELECT RAISE(ABORT, 'subsidy_payments is append-only');
END;
