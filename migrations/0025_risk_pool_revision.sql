ALTER TABLE `risk_pools` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `risk_claims_status_time_idx` ON `risk_claims` (`status`,`filed_at`,`id`);