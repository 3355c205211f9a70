CREATE TABLE `data_consents` (
	`id` text PRIMARY KEY NOT NULL,
	`enterprise_id` text NOT NULL,
	`bank_id` text NOT NULL,
	`granted_by` text NOT NULL,
	`granted_at` integer NOT NULL,
	`revoked_by` text,
	`revoked_at` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_id`) REFERENCES `banks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_consents_pair_idx` ON `data_consents` (`enterprise_id`,`bank_id`,`revoked_at`);--> statement-breakpoint
CREATE TABLE `financing_needs` (
	`id` text PRIMARY KEY NOT NULL,
	`enterprise_id` text NOT NULL,
	`created_by` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`term_months` integer NOT NULL,
	`purpose` text NOT NULL,
	`guarantees` text NOT NULL,
	`needed_by` text NOT NULL,
	`valid_until` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `financing_needs_enterprise_idx` ON `financing_needs` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE INDEX `financing_needs_status_idx` ON `financing_needs` (`status`,`valid_until`);--> statement-breakpoint
CREATE TABLE `loan_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`bank_id` text NOT NULL,
	`enterprise_id` text NOT NULL,
	`need_id` text,
	`created_by` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`term_months` integer NOT NULL,
	`note` text,
	`status` text NOT NULL,
	`approved_amount_fen` integer,
	`approved_rate_bp` integer,
	`approved_term_months` integer,
	`disbursed_amount_fen` integer,
	`disbursed_on` text,
	`decline_reason` text,
	`referral_product_id` text,
	`idempotency_key` text,
	`submitted_at` integer NOT NULL,
	`accepted_at` integer,
	`decided_at` integer,
	`disbursed_at` integer,
	`accept_due_on` text NOT NULL,
	`decide_due_on` text,
	`escalated_at` integer,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `loan_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_id`) REFERENCES `banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loan_applications_bank_idx` ON `loan_applications` (`bank_id`,`status`);--> statement-breakpoint
CREATE INDEX `loan_applications_enterprise_idx` ON `loan_applications` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `loan_applications_idempotency_unique` ON `loan_applications` (`enterprise_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `loan_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`note` text,
	FOREIGN KEY (`application_id`) REFERENCES `loan_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loan_events_application_idx` ON `loan_events` (`application_id`,`id`);--> statement-breakpoint
CREATE TABLE `loan_products` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`min_amount_fen` integer NOT NULL,
	`max_amount_fen` integer NOT NULL,
	`min_rate_bp` integer NOT NULL,
	`max_rate_bp` integer NOT NULL,
	`min_term_months` integer NOT NULL,
	`max_term_months` integer NOT NULL,
	`guarantees` text NOT NULL,
	`industries` text DEFAULT '[]' NOT NULL,
	`qualifications` text DEFAULT '[]' NOT NULL,
	`min_years` integer DEFAULT 0 NOT NULL,
	`min_revenue_fen` integer DEFAULT 0 NOT NULL,
	`region` text,
	`features` text DEFAULT '' NOT NULL,
	`materials` text DEFAULT '[]' NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `banks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loan_products_bank_idx` ON `loan_products` (`bank_id`,`status`);--> statement-breakpoint
CREATE INDEX `loan_products_status_idx` ON `loan_products` (`status`,`type`);--> statement-breakpoint
-- A loan application's timeline is append-only.
CREATE TRIGGER `loan_events_no_update` BEFORE UPDATE ON `loan_events`
BEGIN
	SELECT RAISE(ABORT, 'loan_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `loan_events_no_delete` BEFORE DELETE ON `loan_events`
BEGIN
	SELECT RAISE(ABORT, 'loan_events is append-only');
END;
