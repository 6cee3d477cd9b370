DROP INDEX `rectifications_project_idx`;--> statement-breakpoint
CREATE INDEX `rectifications_project_opened_idx` ON `rectifications` (`project_id`,`opened_at`,`state`,`deadline`,`days_to_close`);--> statement-breakpoint
CREATE INDEX `rectifications_project_idx` ON `rectifications` (`project_id`,`state`,`deadline`);