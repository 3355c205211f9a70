CREATE TABLE `report_chases` (
	`year` integer NOT NULL,
	`enterprise_id` text NOT NULL,
	`day` text NOT NULL,
	`source` text NOT NULL,
	`event_key` text NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	PRIMARY KEY(`year`, `enterprise_id`, `day`),
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_chases_event_idx` ON `report_chases` (`event_key`);--> statement-breakpoint
CREATE INDEX `report_chases_enterprise_idx` ON `report_chases` (`enterprise_id`,`year`,`day`);--> statement-breakpoint
CREATE TABLE `report_windows` (
	`year` integer PRIMARY KEY NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`opened_at` integer NOT NULL,
	`opened_by` text,
	`closed_at` integer,
	`closed_by` text,
	`reminded_on` text
);
--> statement-breakpoint
CREATE INDEX `report_windows_status_idx` ON `report_windows` (`status`,`year`);--> statement-breakpoint
ALTER TABLE `enterprise_yearly_figures` ADD `invention_patents_filed` integer;--> statement-breakpoint
ALTER TABLE `enterprise_yearly_figures` ADD `invention_patents_granted` integer;--> statement-breakpoint
ALTER TABLE `enterprise_yearly_figures` ADD `valid_invention_patents` integer;--> statement-breakpoint
ALTER TABLE `enterprise_yearly_figures` ADD `exports_fen` integer;