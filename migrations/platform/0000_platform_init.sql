CREATE TABLE `operator_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`ok` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `operator_attempts_email_idx` ON `operator_attempts` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `operator_attempts_ip_idx` ON `operator_attempts` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `operator_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`remember` integer NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `operator_sessions_user_idx` ON `operator_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_email_unique` ON `operators` (`email`);--> statement-breakpoint
CREATE TABLE `platform_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`result` text NOT NULL,
	`ip` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `platform_audit_at_idx` ON `platform_audit` (`at`);--> statement-breakpoint
CREATE TABLE `tenant_hostnames` (
	`hostname` text PRIMARY KEY NOT NULL,
	`tenant_slug` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_slug`) REFERENCES `tenants`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tenant_hostnames_tenant_idx` ON `tenant_hostnames` (`tenant_slug`);--> statement-breakpoint
CREATE TABLE `tenants` (
	`slug` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`province` text NOT NULL,
	`city` text NOT NULL,
	`phone` text NOT NULL,
	`template` text NOT NULL,
	`status` text NOT NULL,
	`db_name` text NOT NULL,
	`provision_step` text,
	`provision_error` text,
	`rev` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_db_name_unique` ON `tenants` (`db_name`);--> statement-breakpoint
CREATE INDEX `tenants_rev_idx` ON `tenants` (`rev`);