CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`comment` text,
	FOREIGN KEY (`application_id`) REFERENCES `onboarding_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_events_app_idx` ON `application_events` (`application_id`,`id`);--> statement-breakpoint
CREATE TABLE `enterprise_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor` text NOT NULL,
	`subject` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_history_idx` ON `enterprise_history` (`enterprise_id`,`id`);--> statement-breakpoint
CREATE TABLE `enterprise_qualifications` (
	`id` text PRIMARY KEY NOT NULL,
	`enterprise_id` text NOT NULL,
	`code` text NOT NULL,
	`certificate_no` text,
	`issued_on` text,
	`valid_until` text,
	`status` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` integer,
	`review_note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_qualifications_idx` ON `enterprise_qualifications` (`enterprise_id`,`code`);--> statement-breakpoint
CREATE TABLE `enterprise_yearly_figures` (
	`enterprise_id` text NOT NULL,
	`year` integer NOT NULL,
	`revenue_fen` integer,
	`rd_expense_fen` integer,
	`rd_super_deduction_fen` integer,
	`tax_paid_fen` integer,
	`employees` integer,
	`rd_staff` integer,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`enterprise_id`, `year`),
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`enterprise_id` text,
	`bank_id` text,
	`invited_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_user_id` text,
	`revoked_at` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_id`) REFERENCES `banks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invitations_email_idx` ON `invitations` (`email`);--> statement-breakpoint
CREATE TABLE `materials` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`blob_key` text NOT NULL,
	`uploaded_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `materials_owner_idx` ON `materials` (`owner_kind`,`owner_id`);--> statement-breakpoint
CREATE TABLE `onboarding_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`applicant_user_id` text NOT NULL,
	`company_name` text NOT NULL,
	`uscc` text NOT NULL,
	`legal_rep` text NOT NULL,
	`registered_on` text NOT NULL,
	`registered_capital_fen` integer NOT NULL,
	`address` text NOT NULL,
	`industry` text NOT NULL,
	`industry_class` text NOT NULL,
	`employees` integer NOT NULL,
	`contact_name` text NOT NULL,
	`contact_mobile` text NOT NULL,
	`contact_email` text NOT NULL,
	`qualifications` text NOT NULL,
	`review_note` text,
	`enterprise_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`applicant_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `onboarding_status_idx` ON `onboarding_applications` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `onboarding_uscc_live_unique` ON `onboarding_applications` (`uscc`) WHERE status <> 'rejected';--> statement-breakpoint
ALTER TABLE `banks` ADD `branch` text;--> statement-breakpoint
ALTER TABLE `banks` ADD `uscc` text;--> statement-breakpoint
ALTER TABLE `banks` ADD `contact_name` text;--> statement-breakpoint
ALTER TABLE `banks` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `banks` ADD `contact_email` text;--> statement-breakpoint
ALTER TABLE `banks` ADD `status` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `banks_uscc_unique` ON `banks` (`uscc`);--> statement-breakpoint
ALTER TABLE `enterprises` ADD `uscc` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `legal_rep` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `registered_on` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `registered_capital_fen` integer;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `address` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `industry` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `industry_class` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `employees` integer;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `contact_name` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `contact_mobile` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `contact_email` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `status` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `updated_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_uscc_unique` ON `enterprises` (`uscc`);