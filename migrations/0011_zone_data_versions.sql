CREATE TABLE `zone_data_versions` (
	`area` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- What anonymous visitors read, by area: each write to an area's tables bumps its version in the
-- same statement (a trigger runs inside it), so a cached public page keyed by these versions can
-- never outlive the data it shows (worker/middleware/page-cache.ts, docs/decisions/0019).
INSERT INTO `zone_data_versions` (`area`, `version`) VALUES ('policy', 0), ('publicity', 0), ('finance', 0), ('settings', 0);
--> statement-breakpoint
CREATE TRIGGER `policy_documents_insert_bumps_policy` AFTER INSERT ON `policy_documents`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `policy_documents_update_bumps_policy` AFTER UPDATE ON `policy_documents`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `policy_documents_delete_bumps_policy` AFTER DELETE ON `policy_documents`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `policy_clauses_insert_bumps_policy` AFTER INSERT ON `policy_clauses`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `policy_clauses_update_bumps_policy` AFTER UPDATE ON `policy_clauses`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `policy_clauses_delete_bumps_policy` AFTER DELETE ON `policy_clauses`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `policy_versions_insert_bumps_policy` AFTER INSERT ON `policy_versions`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `policy_versions_update_bumps_policy` AFTER UPDATE ON `policy_versions`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `policy_versions_delete_bumps_policy` AFTER DELETE ON `policy_versions`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'policy';
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_applications_insert_bumps_publicity` AFTER INSERT ON `subsidy_applications`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'publicity';
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_applications_update_bumps_publicity` AFTER UPDATE ON `subsidy_applications`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'publicity';
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_applications_delete_bumps_publicity` AFTER DELETE ON `subsidy_applications`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'publicity';
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_objections_insert_bumps_publicity` AFTER INSERT ON `subsidy_objections`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'publicity';
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_objections_update_bumps_publicity` AFTER UPDATE ON `subsidy_objections`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'publicity';
END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_objections_delete_bumps_publicity` AFTER DELETE ON `subsidy_objections`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'publicity';
END;
--> statement-breakpoint
CREATE TRIGGER `loan_products_insert_bumps_finance` AFTER INSERT ON `loan_products`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'finance';
END;
--> statement-breakpoint
CREATE TRIGGER `loan_products_update_bumps_finance` AFTER UPDATE ON `loan_products`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'finance';
END;
--> statement-breakpoint
CREATE TRIGGER `loan_products_delete_bumps_finance` AFTER DELETE ON `loan_products`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'finance';
END;
--> statement-breakpoint
CREATE TRIGGER `banks_insert_bumps_finance` AFTER INSERT ON `banks`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'finance';
END;
--> statement-breakpoint
CREATE TRIGGER `banks_update_bumps_finance` AFTER UPDATE ON `banks`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'finance';
END;
--> statement-breakpoint
CREATE TRIGGER `banks_delete_bumps_finance` AFTER DELETE ON `banks`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'finance';
END;
--> statement-breakpoint
CREATE TRIGGER `zone_settings_versions_insert_bumps_settings` AFTER INSERT ON `zone_settings_versions`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'settings';
END;
--> statement-breakpoint
CREATE TRIGGER `zone_settings_versions_update_bumps_settings` AFTER UPDATE ON `zone_settings_versions`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'settings';
END;
--> statement-breakpoint
CREATE TRIGGER `zone_settings_versions_delete_bumps_settings` AFTER DELETE ON `zone_settings_versions`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'settings';
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_rename_bumps_publicity` AFTER UPDATE OF `name` ON `enterprises`
BEGIN
	UPDATE `zone_data_versions` SET `version` = `version` + 1 WHERE `area` = 'publicity';
END;
