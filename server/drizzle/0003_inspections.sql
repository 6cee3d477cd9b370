CREATE TABLE `inspection_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` text NOT NULL,
	`kind` text NOT NULL,
	`sheet_id` text,
	`table_id` text,
	`item_id` text,
	`rule_id` text,
	`term_id` text,
	`points` text,
	`occurrences` integer,
	`hazard_level` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `inspection_findings_inspection_idx` ON `inspection_findings` (`inspection_id`);--> statement-breakpoint
CREATE INDEX `inspection_findings_item_idx` ON `inspection_findings` (`table_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `inspection_sheets` (
	`inspection_id` text NOT NULL,
	`sheet_id` text NOT NULL,
	`table_id` text NOT NULL,
	`label` text NOT NULL,
	`score` text,
	`not_applicable` integer NOT NULL,
	`saved` integer NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_sheets_pk` ON `inspection_sheets` (`inspection_id`,`sheet_id`);--> statement-breakpoint
CREATE INDEX `inspection_sheets_table_idx` ON `inspection_sheets` (`table_id`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_name` text NOT NULL,
	`project_id` text NOT NULL,
	`origin` text NOT NULL,
	`method` text NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`catalog_version` text,
	`policy` text,
	`total` text,
	`total_exact` text,
	`grade` text,
	`self_score` text,
	`inspectors` text NOT NULL,
	`rectification_required` integer NOT NULL,
	`rectification_deadline` text,
	`finding_count` integer NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`sealed_at` integer,
	`sealed_hash` text,
	`deleted_at` integer,
	`deleted_by_user_id` text,
	`materialized_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_doc_name_idx` ON `inspections` (`doc_name`);--> statement-breakpoint
CREATE INDEX `inspections_project_date_idx` ON `inspections` (`project_id`,`date`);--> statement-breakpoint
CREATE INDEX `inspections_origin_date_idx` ON `inspections` (`origin`,`date`);--> statement-breakpoint
CREATE TABLE `materialization_errors` (
	`doc_name` text PRIMARY KEY NOT NULL,
	`message` text NOT NULL,
	`issues` text NOT NULL,
	`at` integer NOT NULL
);
