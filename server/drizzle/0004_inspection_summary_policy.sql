ALTER TABLE `enterprises` ADD `scoring_policy` text DEFAULT 'provincial' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspection_sheets` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inspections` ADD `comment` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspections` ADD `materializer_version` integer DEFAULT 0 NOT NULL;