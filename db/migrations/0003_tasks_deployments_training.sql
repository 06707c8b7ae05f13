CREATE TYPE "public"."deployment_status" AS ENUM('waiting', 'loading', 'running', 'failed');--> statement-breakpoint
CREATE TYPE "public"."training_job_status" AS ENUM('waiting', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."task_assignment_state" AS ENUM('leased', 'answered', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."task_request_status" AS ENUM('pending', 'complete', 'aborted');--> statement-breakpoint
CREATE TABLE "deployment_operations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"deployment_row_id" uuid NOT NULL,
	"ownerid" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"input" jsonb NOT NULL,
	"output" jsonb,
	"explanation" jsonb,
	"latency_ms" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"deployment_id" text NOT NULL,
	"model_id" uuid NOT NULL,
	"version_ref" text,
	"version" integer,
	"ownerid" text DEFAULT '' NOT NULL,
	"placement" jsonb NOT NULL,
	"inference_data" smallint DEFAULT 0 NOT NULL,
	"status" "deployment_status" DEFAULT 'waiting' NOT NULL,
	"reason" text,
	"auto_retrain_on_drift" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drift_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"deployment_row_id" uuid NOT NULL,
	"method" smallint NOT NULL,
	"window_size" integer NOT NULL,
	"reference_size" integer NOT NULL,
	"drifted" boolean,
	"features" jsonb NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"placement" jsonb NOT NULL,
	"status" "training_job_status" DEFAULT 'waiting' NOT NULL,
	"log" text DEFAULT '' NOT NULL,
	"reason" text,
	"result_version" integer,
	"promoted" boolean DEFAULT false NOT NULL,
	"metrics" jsonb,
	"trigger" text DEFAULT 'api' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "task_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"cruncher_id" text NOT NULL,
	"state" "task_assignment_state" DEFAULT 'leased' NOT NULL,
	"lease_until" timestamp with time zone,
	"answer" jsonb,
	"leased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "task_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"cruncher_id" text NOT NULL,
	"filename" text NOT NULL,
	"contenttype" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"mode" "api_key_mode" NOT NULL,
	"type" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" "task_request_status" DEFAULT 'pending' NOT NULL,
	"response" jsonb,
	"max_crunchers" smallint DEFAULT 1 NOT NULL,
	"min_agreements" smallint DEFAULT 1 NOT NULL,
	"exclude_crunchers" text[] DEFAULT '{}' NOT NULL,
	"slots_taken" smallint DEFAULT 0 NOT NULL,
	"hook_url" text,
	"hook_state" text,
	"idempotency_key" text,
	"key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "task_webhook_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"url" text NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_webhook_secrets" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deployment_operations" ADD CONSTRAINT "deployment_operations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_operations" ADD CONSTRAINT "deployment_operations_deployment_row_id_deployments_id_fk" FOREIGN KEY ("deployment_row_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_checks" ADD CONSTRAINT "drift_checks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_checks" ADD CONSTRAINT "drift_checks_deployment_row_id_deployments_id_fk" FOREIGN KEY ("deployment_row_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_jobs" ADD CONSTRAINT "training_jobs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_jobs" ADD CONSTRAINT "training_jobs_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_request_id_task_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."task_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_request_id_task_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."task_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_requests" ADD CONSTRAINT "task_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_requests" ADD CONSTRAINT "task_requests_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_webhook_attempts" ADD CONSTRAINT "task_webhook_attempts_request_id_task_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."task_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_webhook_attempts" ADD CONSTRAINT "task_webhook_attempts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_webhook_secrets" ADD CONSTRAINT "task_webhook_secrets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deployment_operations_deployment_idx" ON "deployment_operations" USING btree ("deployment_row_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployment_operations_owner_idx" ON "deployment_operations" USING btree ("account_id","ownerid","id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "deployments_account_deployment_id_key" ON "deployments" USING btree ("account_id","deployment_id");--> statement-breakpoint
CREATE INDEX "deployments_account_created_idx" ON "deployments" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "deployments_model_idx" ON "deployments" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "drift_checks_deployment_idx" ON "drift_checks" USING btree ("deployment_row_id","created_at");--> statement-breakpoint
CREATE INDEX "training_jobs_account_created_idx" ON "training_jobs" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_assignments_request_cruncher_key" ON "task_assignments" USING btree ("request_id","cruncher_id");--> statement-breakpoint
CREATE INDEX "task_assignments_cruncher_idx" ON "task_assignments" USING btree ("cruncher_id","answered_at");--> statement-breakpoint
CREATE INDEX "task_assignments_expiry_idx" ON "task_assignments" USING btree ("lease_until") WHERE state = 'leased';--> statement-breakpoint
CREATE INDEX "task_files_request_idx" ON "task_files" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "task_requests_list_idx" ON "task_requests" USING btree ("account_id","mode","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "task_requests_status_list_idx" ON "task_requests" USING btree ("account_id","mode","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "task_requests_queue_idx" ON "task_requests" USING btree ("created_at","id") WHERE status = 'pending' and mode = 'live';--> statement-breakpoint
CREATE UNIQUE INDEX "task_requests_idempotency_key" ON "task_requests" USING btree ("account_id","mode","idempotency_key");--> statement-breakpoint
CREATE INDEX "task_requests_hook_due_idx" ON "task_requests" USING btree ("completed_at") WHERE hook_state = 'due';--> statement-breakpoint
CREATE INDEX "task_requests_test_pending_idx" ON "task_requests" USING btree ("created_at") WHERE status = 'pending' and mode = 'test';--> statement-breakpoint
CREATE INDEX "task_webhook_attempts_request_idx" ON "task_webhook_attempts" USING btree ("request_id","created_at");