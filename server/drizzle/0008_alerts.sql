CREATE TABLE `alert_recipients` (
	`alert_id` text NOT NULL,
	`user_id` text NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`alert_id`, `user_id`),
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_recipients_user_idx` ON `alert_recipients` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `alert_verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`alert_id` text NOT NULL,
	`user_id` text NOT NULL,
	`finding` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_verifications_alert_idx` ON `alert_verifications` (`alert_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`rule` text NOT NULL,
	`project_id` text NOT NULL,
	`enterprise_id` text,
	`subject` text NOT NULL,
	`period` text NOT NULL,
	`level` text NOT NULL,
	`state` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`days_left` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_key_idx` ON `alerts` (`key`);--> statement-breakpoint
CREATE INDEX `alerts_project_idx` ON `alerts` (`project_id`,`state`);--> statement-breakpoint
CREATE INDEX `alerts_enterprise_idx` ON `alerts` (`enterprise_id`,`rule`);--> statement-breakpoint
CREATE TABLE `enterprise_webhooks` (
	`enterprise_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`secret` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`grade` text NOT NULL,
	`reason` text NOT NULL,
	`automatic` integer NOT NULL,
	`source` text,
	`decided_at` integer NOT NULL,
	`decided_by_user_id` text,
	`revoked_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_evaluations_source_idx` ON `project_evaluations` (`project_id`,`source`);--> statement-breakpoint
CREATE INDEX `project_evaluations_project_idx` ON `project_evaluations` (`project_id`,`decided_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`enterprise_id` text NOT NULL,
	`alert_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`last_status_code` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_enterprise_idx` ON `webhook_deliveries` (`enterprise_id`,`created_at`);