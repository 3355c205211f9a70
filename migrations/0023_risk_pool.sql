CREATE TABLE `risk_claims` (
	`id` text PRIMARY KEY NOT NULL,
	`pool_id` text NOT NULL,
	`loan_id` text NOT NULL,
	`bank_id` text NOT NULL,
	`enterprise_id` text NOT NULL,
	`product_id` text NOT NULL,
	`outstanding_fen` integer NOT NULL,
	`defaulted_on` text NOT NULL,
	`recovery_efforts` text NOT NULL,
	`coverage_percent` integer NOT NULL,
	`coverage_label` text NOT NULL,
	`status` text NOT NULL,
	`amount_fen` integer,
	`recovered_fen` integer DEFAULT 0 NOT NULL,
	`file_due_on` text NOT NULL,
	`review_due_on` text NOT NULL,
	`filed_by` text NOT NULL,
	`filed_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decision_note` text,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`pool_id`) REFERENCES `risk_pools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `risk_pool_loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_id`) REFERENCES `banks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risk_claims_open_unique` ON `risk_claims` (`loan_id`) WHERE status in ('submitted', 'approved');--> statement-breakpoint
CREATE INDEX `risk_claims_pool_status_idx` ON `risk_claims` (`pool_id`,`status`,`filed_at`,`id`);--> statement-breakpoint
CREATE INDEX `risk_claims_bank_time_idx` ON `risk_claims` (`bank_id`,`filed_at`,`id`);--> statement-breakpoint
CREATE INDEX `risk_claims_pool_bank_idx` ON `risk_claims` (`pool_id`,`bank_id`,`status`,`amount_fen`);--> statement-breakpoint
CREATE TABLE `risk_pool_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pool_id` text NOT NULL,
	`kind` text NOT NULL,
	`delta_fen` integer NOT NULL,
	`claim_id` text,
	`note` text DEFAULT '' NOT NULL,
	`actor_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`pool_id`) REFERENCES `risk_pools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_pool_ledger_pool_idx` ON `risk_pool_ledger` (`pool_id`,`id`);--> statement-breakpoint
CREATE INDEX `risk_pool_ledger_claim_idx` ON `risk_pool_ledger` (`claim_id`,`id`);--> statement-breakpoint
CREATE TABLE `risk_pool_loans` (
	`loan_id` text PRIMARY KEY NOT NULL,
	`pool_id` text NOT NULL,
	`bank_id` text NOT NULL,
	`product_id` text NOT NULL,
	`enterprise_id` text NOT NULL,
	`principal_fen` integer NOT NULL,
	`first_loan` integer NOT NULL,
	`credit` integer NOT NULL,
	`product_type` text NOT NULL,
	`disbursed_on` text NOT NULL,
	`registered_at` integer NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loan_applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pool_id`) REFERENCES `risk_pools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_id`) REFERENCES `banks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `loan_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_pool_loans_bank_idx` ON `risk_pool_loans` (`pool_id`,`bank_id`,`principal_fen`);--> statement-breakpoint
CREATE INDEX `risk_pool_loans_product_idx` ON `risk_pool_loans` (`pool_id`,`product_id`,`principal_fen`);--> statement-breakpoint
CREATE INDEX `risk_pool_loans_bank_time_idx` ON `risk_pool_loans` (`bank_id`,`registered_at`,`loan_id`);--> statement-breakpoint
CREATE TABLE `risk_pool_products` (
	`id` text PRIMARY KEY NOT NULL,
	`pool_id` text NOT NULL,
	`product_id` text NOT NULL,
	`bank_id` text NOT NULL,
	`enrolled_by` text NOT NULL,
	`enrolled_at` integer NOT NULL,
	`unenrolled_at` integer,
	FOREIGN KEY (`pool_id`) REFERENCES `risk_pools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `loan_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_id`) REFERENCES `banks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risk_pool_products_active_unique` ON `risk_pool_products` (`product_id`) WHERE unenrolled_at is null;--> statement-breakpoint
CREATE INDEX `risk_pool_products_pool_idx` ON `risk_pool_products` (`pool_id`,`unenrolled_at`);--> statement-breakpoint
CREATE TABLE `risk_pools` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`size_fen` integer NOT NULL,
	`balance_fen` integer NOT NULL,
	`per_loan_cap_fen` integer NOT NULL,
	`per_bank_cap_fen` integer NOT NULL,
	`coverage` text NOT NULL,
	`file_within_days` integer NOT NULL,
	`review_within_days` integer NOT NULL,
	`status` text NOT NULL,
	`basis` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "risk_pools_balance_not_negative" CHECK("risk_pools"."balance_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `risk_pools_status_idx` ON `risk_pools` (`status`,`created_at`);