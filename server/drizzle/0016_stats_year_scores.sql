ALTER TABLE `stats_project_years` ADD `jgj59_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_project_years` ADD `jgj59_score_centi` integer DEFAULT 0 NOT NULL;