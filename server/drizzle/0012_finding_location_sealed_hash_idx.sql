ALTER TABLE `inspection_findings` ADD `location` text;--> statement-breakpoint
CREATE INDEX `documents_sealed_hash_idx` ON `documents` (`sealed_hash`);