CREATE TABLE `known_devices` (
	`user_id` text NOT NULL,
	`device_hash` text NOT NULL,
	`last_login_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `device_hash`)
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `enterprise_id` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `project_id` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `target` text;--> statement-breakpoint
CREATE INDEX `audit_enterprise_idx` ON `audit_log` (`enterprise_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_project_idx` ON `audit_log` (`project_id`,`at`);--> statement-breakpoint
ALTER TABLE `login_throttle` ADD `locks` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `login_throttle` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `login_throttle_updated_idx` ON `login_throttle` (`updated_at`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_used_at` integer;--> statement-breakpoint
CREATE INDEX `sessions_last_used_idx` ON `sessions` (`last_used_at`);--> statement-breakpoint
ALTER TABLE `blob_refs` ADD `granted` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `blob_uploads_user_at_idx` ON `blob_uploads` (`user_id`,`at`);