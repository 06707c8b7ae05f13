CREATE INDEX "model_files_sha256_idx" ON "model_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "task_files_sha256_idx" ON "task_files" USING btree ("sha256");