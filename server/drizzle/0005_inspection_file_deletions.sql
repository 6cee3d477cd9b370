CREATE TABLE `inspection_file_deletions` (
	`inspection_id` text NOT NULL,
	`sha256` text NOT NULL,
	`deleted_at` integer NOT NULL,
	`deleted_by_user_id` text NOT NULL,
	PRIMARY KEY(`inspection_id`, `sha256`),
	FOREIGN KEY (`deleted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
