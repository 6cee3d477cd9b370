ALTER TABLE `dangerous_work_steps` ADD `people` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `dangerous_works` ADD `item_id` text;--> statement-breakpoint
ALTER TABLE `dangerous_works` ADD `parameters` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `project_equipment` ADD `installation_date` text;--> statement-breakpoint
ALTER TABLE `project_equipment` ADD `operators` text DEFAULT '[]' NOT NULL;