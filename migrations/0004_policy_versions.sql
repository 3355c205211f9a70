CREATE TABLE `policy_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`effective_from` text NOT NULL,
	`content_hash` text NOT NULL,
	`data` text NOT NULL,
	`programme_count` integer NOT NULL,
	`case_count` integer NOT NULL,
	`changes` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	`published_via` text NOT NULL,
	`note` text
);
--> statement-breakpoint
-- A published policy version is immutable: applications cite it by number.
CREATE TRIGGER `policy_versions_no_update` BEFORE UPDATE ON `policy_versions`
BEGIN
	SELECT RAISE(ABORT, 'policy versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `policy_versions_no_delete` BEFORE DELETE ON `policy_versions`
BEGIN
	SELECT RAISE(ABORT, 'policy versions are immutable');
END;
