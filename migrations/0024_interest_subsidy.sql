ALTER TABLE `subsidy_applications` ADD `loan_id` text;--> statement-breakpoint
ALTER TABLE `subsidy_applications` ADD `interest_confirmed_fen` integer;--> statement-breakpoint
ALTER TABLE `subsidy_applications` ADD `interest_confirmed_by` text;--> statement-breakpoint
ALTER TABLE `subsidy_applications` ADD `interest_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `subsidy_applications` ADD `interest_confirm_note` text;--> statement-breakpoint
CREATE INDEX `subsidy_applications_loan_idx` ON `subsidy_applications` (`loan_id`,`status`);