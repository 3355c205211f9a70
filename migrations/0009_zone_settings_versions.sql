CREATE TABLE `zone_settings_versions` (
	`version` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`data` text NOT NULL,
	`changed_by_user_id` text,
	`changed_by_email` text,
	`changed_at` integer NOT NULL,
	`restored_from` integer
);
