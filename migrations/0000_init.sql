CREATE TABLE `policy_clauses` (
	`document_id` text NOT NULL,
	`clause_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`section` text,
	`text` text NOT NULL,
	PRIMARY KEY(`document_id`, `clause_id`),
	FOREIGN KEY (`document_id`) REFERENCES `policy_documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `policy_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`doc_number` text,
	`issuer` text NOT NULL,
	`issued_on` text NOT NULL,
	`level` text NOT NULL,
	`summary` text NOT NULL,
	`source_seed` text NOT NULL,
	`source_url` text,
	`clause_count` integer NOT NULL,
	`content_hash` text NOT NULL,
	`position` integer NOT NULL,
	`synced_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
