ALTER TABLE `invitations` ADD `name` text;--> statement-breakpoint
CREATE INDEX `invitations_role_idx` ON `invitations` (`role`,`created_at`);--> statement-breakpoint
CREATE INDEX `subsidy_objections_status_idx` ON `subsidy_objections` (`status`,`lodged_at`,`id`);