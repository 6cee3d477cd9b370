CREATE TABLE `dangerous_work_steps` (
	`project_id` text NOT NULL,
	`work_id` text NOT NULL,
	`step` text NOT NULL,
	`date` text,
	`note` text NOT NULL,
	`conclusion` text,
	`files` text NOT NULL,
	PRIMARY KEY(`project_id`, `work_id`, `step`)
);
--> statement-breakpoint
CREATE TABLE `dangerous_works` (
	`project_id` text NOT NULL,
	`work_id` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`project_id`, `work_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dangerous_works_category_idx` ON `dangerous_works` (`category`);--> statement-breakpoint
CREATE TABLE `project_account_issues` (
	`user_id` text PRIMARY KEY NOT NULL,
	`password_issued_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_equipment` (
	`project_id` text NOT NULL,
	`equipment_id` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`registration_number` text NOT NULL,
	`last_inspection_date` text,
	`next_inspection_date` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`project_id`, `equipment_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rectification_orders` (
	`inspection_id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`requirement` text NOT NULL,
	`deadline` text NOT NULL,
	`ordered_by_user_id` text NOT NULL,
	`ordered_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rectification_orders_project_idx` ON `rectification_orders` (`project_id`);--> statement-breakpoint
DROP INDEX `projects_enterprise_idx`;--> statement-breakpoint
ALTER TABLE `projects` ADD `builder_name` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `supervision_firm_name` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `project_manager` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `area` real;--> statement-breakpoint
ALTER TABLE `projects` ADD `contract_amount` real;--> statement-breakpoint
ALTER TABLE `projects` ADD `structure` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `special` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `required_inspections_per_year` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `completion_filing_date` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `registered_at` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `registered_by_user_id` text;--> statement-breakpoint
CREATE INDEX `projects_region_idx` ON `projects` (`region_code`,`status`,`filing_number`);--> statement-breakpoint
CREATE INDEX `projects_enterprise_idx` ON `projects` (`enterprise_id`,`status`,`filing_number`);