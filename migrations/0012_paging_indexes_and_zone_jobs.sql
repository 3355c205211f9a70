CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`cursor` text,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer,
	`messages` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`lease_token` text,
	`lease_until` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_status_idx` ON `jobs` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `enterprises_name_idx` ON `enterprises` (`name`,`id`,`uscc`);--> statement-breakpoint
CREATE INDEX `enterprises_industry_name_idx` ON `enterprises` (`industry`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `enterprises_status_name_idx` ON `enterprises` (`status`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `users_role_created_idx` ON `users` (`role`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `users_enterprise_idx` ON `users` (`enterprise_id`);--> statement-breakpoint
CREATE INDEX `invitations_enterprise_idx` ON `invitations` (`enterprise_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invitations_bank_idx` ON `invitations` (`bank_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `onboarding_updated_idx` ON `onboarding_applications` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `onboarding_status_updated_idx` ON `onboarding_applications` (`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `onboarding_industry_updated_idx` ON `onboarding_applications` (`industry`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `onboarding_applicant_idx` ON `onboarding_applications` (`applicant_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `enterprise_qualifications_holders_idx` ON `enterprise_qualifications` (`code`,`status`,`enterprise_id`);--> statement-breakpoint
CREATE INDEX `enterprise_qualifications_verified_idx` ON `enterprise_qualifications` (`enterprise_id`,`status`,`code`);--> statement-breakpoint
CREATE INDEX `enterprise_qualifications_status_idx` ON `enterprise_qualifications` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_queue_idx` ON `subsidy_applications` ((case when "due_on" is null then '' else "due_on" end),(case when "submitted_at" is null then 0 else "submitted_at" end),`id`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_queue_status_idx` ON `subsidy_applications` (`status`,(case when "due_on" is null then '' else "due_on" end),(case when "submitted_at" is null then 0 else "submitted_at" end),`id`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_queue_stage_idx` ON `subsidy_applications` (`status`,`stage`,(case when "due_on" is null then '' else "due_on" end),(case when "submitted_at" is null then 0 else "submitted_at" end),`id`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_queue_programme_idx` ON `subsidy_applications` (`programme_id`,(case when "due_on" is null then '' else "due_on" end),(case when "submitted_at" is null then 0 else "submitted_at" end),`id`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_member_idx` ON `subsidy_applications` (`enterprise_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_publicity_idx` ON `subsidy_applications` (`status`,`stage`,`publicity_to`,`id`);--> statement-breakpoint
CREATE INDEX `loan_applications_bank_time_idx` ON `loan_applications` (`bank_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `loan_applications_enterprise_time_idx` ON `loan_applications` (`enterprise_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `loan_applications_time_idx` ON `loan_applications` (`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `loan_products_catalogue_idx` ON `loan_products` (`status`,`min_rate_bp`,`name`,`id`);