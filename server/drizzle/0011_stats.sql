CREATE TABLE `stats_finding_cells` (
	`scope` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`item` text NOT NULL,
	`hazard_level` text NOT NULL,
	`count` integer NOT NULL,
	`points_centi` integer NOT NULL,
	PRIMARY KEY(`scope`, `month`, `kind`, `item`, `hazard_level`)
);
--> statement-breakpoint
CREATE TABLE `stats_project_months` (
	`project_id` text NOT NULL,
	`month` text NOT NULL,
	`enterprise_count` integer NOT NULL,
	`self_count` integer NOT NULL,
	`monthly_count` integer NOT NULL,
	`spot_count` integer NOT NULL,
	`jgj59_count` integer NOT NULL,
	`jgj59_score_centi` integer NOT NULL,
	`excellent_count` integer NOT NULL,
	`pass_count` integer NOT NULL,
	`fail_count` integer NOT NULL,
	`band_0` integer NOT NULL,
	`band_1` integer NOT NULL,
	`band_2` integer NOT NULL,
	`band_3` integer NOT NULL,
	`band_4` integer NOT NULL,
	`finding_count` integer NOT NULL,
	PRIMARY KEY(`project_id`, `month`)
);
--> statement-breakpoint
CREATE INDEX `stats_project_months_month_idx` ON `stats_project_months` (`month`);--> statement-breakpoint
CREATE TABLE `stats_rollup_state` (
	`name` text PRIMARY KEY NOT NULL,
	`watermark` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inspections_materialized_idx` ON `inspections` (`materialized_at`);--> statement-breakpoint
CREATE INDEX `inspections_deleted_idx` ON `inspections` (`deleted_at`);