CREATE TABLE `doc_snapshots` (
	`doc_name` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`state_vector` blob NOT NULL,
	`through_seq` integer NOT NULL,
	`compacted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `doc_updates` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_name` text NOT NULL,
	`update` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `doc_updates_doc_idx` ON `doc_updates` (`doc_name`,`seq`);--> statement-breakpoint
CREATE TABLE `documents` (
	`name` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`id` text NOT NULL,
	`project_id` text NOT NULL,
	`method` text,
	`origin` text,
	`creator_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`sealed_at` integer,
	`sealed_hash` text,
	`sealed_by_user_id` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_project_idx` ON `documents` (`project_id`,`kind`);--> statement-breakpoint
CREATE TABLE `blob_refs` (
	`sha256` text NOT NULL,
	`doc_name` text NOT NULL,
	PRIMARY KEY(`sha256`, `doc_name`)
);
--> statement-breakpoint
CREATE INDEX `blob_refs_doc_idx` ON `blob_refs` (`doc_name`);--> statement-breakpoint
CREATE TABLE `blob_uploads` (
	`sha256` text NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`sha256`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`uploader_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`uploader_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
