-- Hand-written: sessions are now stored as the SHA-256 of the secret the cookie carries, so a session
-- written before (stored as sent) can never be found again. End them all here rather than leave rows
-- nobody can use; everyone signs in once more.
DELETE FROM `sessions`;--> statement-breakpoint
-- Hand-written: the index below makes "one open application per enterprise and product" a constraint
-- (open = submitted, accepted, approved: OPEN_LOAN_STATUSES in worker/db/tables/finance.ts, the same
-- statuses the "你已申请过这个产品,正在办理中" check used). Idempotency keys were already unique per
-- enterprise (loan_applications_idempotency_unique, 0006; NULL keys are distinct in SQLite). Parallel applications made duplicates before
-- it existed, and CREATE UNIQUE INDEX fails on any, so settle them first, deterministically: of the open
-- applications of one enterprise for one product, the earliest submitted stays (ties by id); every later
-- one is withdrawn by the system, with the timeline event and audit row a withdrawal always has (the
-- timeline is append-only by convention and each status change has its event). No mail is sent: the kept
-- application is the one the bank and the enterprise know, the duplicates were the same request again.
INSERT INTO `loan_events` (`application_id`, `at`, `actor_id`, `actor`, `action`, `note`)
SELECT `d`.`id`, CAST(strftime('%s', 'now') AS INTEGER) * 1000, NULL, 'system', 'withdrawn', '重复申请:本企业对同一产品已有一笔更早提交、正在办理的申请,系统撤回了这一笔。'
FROM `loan_applications` AS `d`
WHERE `d`.`status` IN ('submitted', 'accepted', 'approved') AND EXISTS (
	SELECT 1 FROM `loan_applications` AS `k`
	WHERE `k`.`enterprise_id` = `d`.`enterprise_id` AND `k`.`product_id` = `d`.`product_id` AND `k`.`status` IN ('submitted', 'accepted', 'approved')
		AND (`k`.`submitted_at` < `d`.`submitted_at` OR (`k`.`submitted_at` = `d`.`submitted_at` AND `k`.`id` < `d`.`id`))
);--> statement-breakpoint
INSERT INTO `audit_log` (`at`, `actor_id`, `actor`, `action`, `target`, `result`, `ip`, `detail`)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'system', 'finance.loan_withdrawn', `d`.`id`, 'ok', NULL, json_object('reason', 'duplicate_open_application', 'migration', '0008')
FROM `loan_applications` AS `d`
WHERE `d`.`status` IN ('submitted', 'accepted', 'approved') AND EXISTS (
	SELECT 1 FROM `loan_applications` AS `k`
	WHERE `k`.`enterprise_id` = `d`.`enterprise_id` AND `k`.`product_id` = `d`.`product_id` AND `k`.`status` IN ('submitted', 'accepted', 'approved')
		AND (`k`.`submitted_at` < `d`.`submitted_at` OR (`k`.`submitted_at` = `d`.`submitted_at` AND `k`.`id` < `d`.`id`))
);--> statement-breakpoint
-- The kept (earliest) application stays open, so every later one still finds it while this runs.
UPDATE `loan_applications` SET `status` = 'withdrawn', `escalated_at` = NULL, `revision` = `revision` + 1
WHERE `status` IN ('submitted', 'accepted', 'approved') AND EXISTS (
	SELECT 1 FROM `loan_applications` AS `k`
	WHERE `k`.`enterprise_id` = `loan_applications`.`enterprise_id` AND `k`.`product_id` = `loan_applications`.`product_id` AND `k`.`status` IN ('submitted', 'accepted', 'approved')
		AND (`k`.`submitted_at` < `loan_applications`.`submitted_at` OR (`k`.`submitted_at` = `loan_applications`.`submitted_at` AND `k`.`id` < `loan_applications`.`id`))
);--> statement-breakpoint
CREATE UNIQUE INDEX `loan_applications_open_unique` ON `loan_applications` (`enterprise_id`,`product_id`) WHERE status in ('submitted', 'accepted', 'approved');--> statement-breakpoint
-- Hand-written: the same for consents, "one active consent per enterprise and bank". Parallel grants left
-- several active rows for one pair; the earliest grant stays active (ties by id), the others are revoked
-- now by the system (revoked_by NULL: no person did it), each with an audit row. The enterprise's consent
-- to that bank is unchanged: the earliest grant still stands.
INSERT INTO `audit_log` (`at`, `actor_id`, `actor`, `action`, `target`, `result`, `ip`, `detail`)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'system', 'finance.consent_revoked', 'bank:' || `d`.`bank_id`, 'ok', NULL, json_object('enterpriseId', `d`.`enterprise_id`, 'consentId', `d`.`id`, 'reason', 'duplicate_active_consent', 'migration', '0008')
FROM `data_consents` AS `d`
WHERE `d`.`revoked_at` IS NULL AND EXISTS (
	SELECT 1 FROM `data_consents` AS `k`
	WHERE `k`.`enterprise_id` = `d`.`enterprise_id` AND `k`.`bank_id` = `d`.`bank_id` AND `k`.`revoked_at` IS NULL
		AND (`k`.`granted_at` < `d`.`granted_at` OR (`k`.`granted_at` = `d`.`granted_at` AND `k`.`id` < `d`.`id`))
);--> statement-breakpoint
UPDATE `data_consents` SET `revoked_at` = CAST(strftime('%s', 'now') AS INTEGER) * 1000, `revoked_by` = NULL
WHERE `revoked_at` IS NULL AND EXISTS (
	SELECT 1 FROM `data_consents` AS `k`
	WHERE `k`.`enterprise_id` = `data_consents`.`enterprise_id` AND `k`.`bank_id` = `data_consents`.`bank_id` AND `k`.`revoked_at` IS NULL
		AND (`k`.`granted_at` < `data_consents`.`granted_at` OR (`k`.`granted_at` = `data_consents`.`granted_at` AND `k`.`id` < `data_consents`.`id`))
);--> statement-breakpoint
CREATE UNIQUE INDEX `data_consents_active_unique` ON `data_consents` (`enterprise_id`,`bank_id`) WHERE revoked_at is null;
