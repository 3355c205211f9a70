CREATE INDEX `enterprises_industry_created_idx` ON `enterprises` (`industry`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_kind_idx` ON `outbox` (`kind`,`recipient`,`created_at`);--> statement-breakpoint
CREATE INDEX `onboarding_created_idx` ON `onboarding_applications` (`created_at`,`status`,`decided_at`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_submitted_idx` ON `subsidy_applications` (`submitted_at`,`status`,`programme_id`,`stage`);--> statement-breakpoint
CREATE INDEX `subsidy_applications_decided_idx` ON `subsidy_applications` (`status`,`decided_at`,`programme_id`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `subsidy_payments_paid_on_idx` ON `subsidy_payments` (`paid_on`,`programme_id`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `financing_needs_created_idx` ON `financing_needs` (`created_at`,`status`);