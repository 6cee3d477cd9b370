DROP INDEX `projects_enterprise_idx`;--> statement-breakpoint
DROP INDEX `projects_region_idx`;--> statement-breakpoint
CREATE INDEX `projects_enterprise_idx` ON `projects` (`enterprise_id`,`status`,`filing_number`,`id`,`constructor_credit_code`,`start_date`,`completion_filing_date`,`required_inspections_per_year`);--> statement-breakpoint
CREATE INDEX `projects_region_idx` ON `projects` (`region_code`,`status`,`filing_number`,`id`,`constructor_credit_code`,`start_date`,`completion_filing_date`,`required_inspections_per_year`);--> statement-breakpoint
DROP INDEX `rectifications_project_idx`;--> statement-breakpoint
CREATE INDEX `rectifications_project_opened_idx` ON `rectifications` (`project_id`,`opened_at`,`state`,`deadline`,`days_to_close`);--> statement-breakpoint
CREATE INDEX `rectifications_project_idx` ON `rectifications` (`project_id`,`state`,`deadline`);--> statement-breakpoint
ALTER TABLE `stats_project_years` ADD `jgj59_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_project_years` ADD `jgj59_score_centi` integer DEFAULT 0 NOT NULL;