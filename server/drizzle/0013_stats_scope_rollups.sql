CREATE TABLE `stats_project_scopes` (
	`project_id` text PRIMARY KEY NOT NULL,
	`region_code` text,
	`enterprise_id` text,
	`credit_code` text NOT NULL,
	`status` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stats_project_scopes_region_idx` ON `stats_project_scopes` (`region_code`);--> statement-breakpoint
CREATE INDEX `stats_project_scopes_enterprise_idx` ON `stats_project_scopes` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `stats_project_years` (
	`project_id` text NOT NULL,
	`year` text NOT NULL,
	`enterprise_count` integer NOT NULL,
	PRIMARY KEY(`project_id`, `year`)
);
--> statement-breakpoint
CREATE TABLE `stats_scope_months` (
	`scope` text NOT NULL,
	`month` text NOT NULL,
	`status` text NOT NULL,
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
	`monthly_projects` integer NOT NULL,
	PRIMARY KEY(`scope`, `month`, `status`)
);
--> statement-breakpoint
DROP INDEX `stats_project_months_month_idx`;--> statement-breakpoint
ALTER TABLE `stats_project_months` ADD `region_code` text;--> statement-breakpoint
ALTER TABLE `stats_project_months` ADD `enterprise_id` text;--> statement-breakpoint
ALTER TABLE `stats_project_months` ADD `credit_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_project_months` ADD `status` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `stats_project_months_region_idx` ON `stats_project_months` (`region_code`,`month`,`credit_code`,`jgj59_count`,`jgj59_score_centi`);--> statement-breakpoint
CREATE INDEX `stats_project_months_enterprise_idx` ON `stats_project_months` (`enterprise_id`,`month`);