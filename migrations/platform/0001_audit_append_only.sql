CREATE TRIGGER `platform_audit_no_update` BEFORE UPDATE ON `platform_audit`
BEGIN
	SELECT RAISE(ABORT, 'platform_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `platform_audit_no_delete` BEFORE DELETE ON `platform_audit`
BEGIN
	SELECT RAISE(ABORT, 'platform_audit is append-only');
END;
