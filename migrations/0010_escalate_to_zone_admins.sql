ALTER TABLE `loan_applications` ADD `admin_escalated_at` integer;--> statement-breakpoint
-- Hand-written: until this migration the zone admins were told in the same run that flagged an
-- application overdue (escalated_at). Those rows are escalated already: mark them so, or the first
-- run after this migration would tell the admins a second time.
UPDATE `loan_applications` SET `admin_escalated_at` = `escalated_at` WHERE `escalated_at` IS NOT NULL AND `admin_escalated_at` IS NULL;
