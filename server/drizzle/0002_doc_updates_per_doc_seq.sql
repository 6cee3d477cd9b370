PRAGMA foreign_keys=OFF;--> statement-breakpoint
-- Edited after generation: WITHOUT ROWID (drizzle's schema cannot express it). Existing seqs were global and
-- increasing, so they are increasing per document too.
CREATE TABLE `__new_doc_updates` (
	`doc_name` text NOT NULL,
	`seq` integer NOT NULL,
	`update` blob NOT NULL,
	PRIMARY KEY(`doc_name`, `seq`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_doc_updates`("doc_name", "seq", "update") SELECT "doc_name", "seq", "update" FROM `doc_updates`;--> statement-breakpoint
DROP TABLE `doc_updates`;--> statement-breakpoint
ALTER TABLE `__new_doc_updates` RENAME TO `doc_updates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;