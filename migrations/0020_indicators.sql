CREATE TABLE `indicator_values` (
	`indicator_id` text NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`note` text NOT NULL,
	`entered_by` text,
	`entered_at` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `year`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`baseline_year` integer NOT NULL,
	`baseline_value` real,
	`targets` text DEFAULT '{}' NOT NULL,
	`source` text NOT NULL,
	`source_note` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_code_unique` ON `indicators` (`code`);--> statement-breakpoint
CREATE INDEX `indicators_order_idx` ON `indicators` (`sort_order`,`code`);