CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient_user_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`project_id` text,
	`subject_id` text,
	`sender_user_id` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`recipient_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_recipient_idx` ON `notifications` (`recipient_user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `rectifications` (
	`inspection_id` text PRIMARY KEY NOT NULL,
	`doc_name` text NOT NULL,
	`project_id` text NOT NULL,
	`origin` text NOT NULL,
	`state` text NOT NULL,
	`deadline` text NOT NULL,
	`requirement` text NOT NULL,
	`rectifier_name` text NOT NULL,
	`rectifier_user_id` text,
	`rounds` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	`days_to_close` integer,
	`last_reply_at` integer,
	`last_review_at` integer,
	`materialized_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rectifications_project_idx` ON `rectifications` (`project_id`,`state`);--> statement-breakpoint
CREATE INDEX `rectifications_state_deadline_idx` ON `rectifications` (`state`,`deadline`);--> statement-breakpoint
CREATE TABLE `inspection_file_deletions` (
	`inspection_id` text NOT NULL,
	`sha256` text NOT NULL,
	`deleted_at` integer NOT NULL,
	`deleted_by_user_id` text NOT NULL,
	PRIMARY KEY(`inspection_id`, `sha256`),
	FOREIGN KEY (`deleted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
