CREATE TABLE `inspection_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`inspector_user_id` text,
	`inspector_name` text NOT NULL,
	`frequency` text NOT NULL,
	`start_date` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_plans_project_idx` ON `inspection_plans` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_terminations` (
	`project_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`application_date` text NOT NULL,
	`note` text NOT NULL,
	`files` text NOT NULL,
	`round` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`submitted_by_user_id` text NOT NULL,
	`return_reason` text,
	`returned_at` integer,
	`grade` text,
	`grade_reason` text,
	`revocations` text,
	`graded_at` integer,
	`graded_by_user_id` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_terminations_status_idx` ON `project_terminations` (`status`,`submitted_at`);