CREATE TYPE "public"."workspace_role" AS ENUM('owner', 'admin', 'member', 'viewer', 'cruncher');
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "workspace_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workspace_members" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" "workspace_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_members_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"personal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "loop_examples" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "loop_predictions" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "loops" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "model_aliases" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "model_files" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "models" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "deployment_operations" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "deployments" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "drift_checks" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "training_jobs" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "task_assignments" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "task_files" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "task_requests" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "task_webhook_attempts" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "task_webhook_secrets" RENAME COLUMN "account_id" TO "workspace_id";
--> statement-breakpoint
ALTER TABLE "loop_examples" DROP CONSTRAINT "loop_examples_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "loop_predictions" DROP CONSTRAINT "loop_predictions_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "loops" DROP CONSTRAINT "loops_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "model_aliases" DROP CONSTRAINT "model_aliases_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "model_files" DROP CONSTRAINT "model_files_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "models" DROP CONSTRAINT "models_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "deployment_operations" DROP CONSTRAINT "deployment_operations_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "deployments" DROP CONSTRAINT "deployments_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "drift_checks" DROP CONSTRAINT "drift_checks_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "training_jobs" DROP CONSTRAINT "training_jobs_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "task_assignments" DROP CONSTRAINT "task_assignments_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "task_files" DROP CONSTRAINT "task_files_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "task_requests" DROP CONSTRAINT "task_requests_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "task_webhook_attempts" DROP CONSTRAINT "task_webhook_attempts_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "task_webhook_secrets" DROP CONSTRAINT "task_webhook_secrets_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER INDEX "loops_account_created_idx" RENAME TO "loops_workspace_created_idx";
--> statement-breakpoint
ALTER INDEX "models_account_created_idx" RENAME TO "models_workspace_created_idx";
--> statement-breakpoint
ALTER INDEX "deployments_account_deployment_id_key" RENAME TO "deployments_workspace_deployment_id_key";
--> statement-breakpoint
ALTER INDEX "deployments_account_created_idx" RENAME TO "deployments_workspace_created_idx";
--> statement-breakpoint
ALTER INDEX "training_jobs_account_created_idx" RENAME TO "training_jobs_workspace_created_idx";
--> statement-breakpoint
DROP INDEX "task_requests_queue_idx";
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "disabled_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "workspace_id" uuid;
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "role" "workspace_role" DEFAULT 'member' NOT NULL;
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "request_count" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_invited_by_accounts_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_accepted_by_accounts_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "audit_events_workspace_idx" ON "audit_events" USING btree ("workspace_id","id" DESC NULLS LAST);
--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("workspace_id","actor_id","id" DESC NULLS LAST);
--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_invitations_token_key" ON "workspace_invitations" USING btree ("token_hash");
--> statement-breakpoint
CREATE INDEX "workspace_invitations_workspace_idx" ON "workspace_invitations" USING btree ("workspace_id","created_at");
--> statement-breakpoint
CREATE INDEX "workspace_members_account_idx" ON "workspace_members" USING btree ("account_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "workspaces_slug_key" ON "workspaces" USING btree (lower("slug"));
--> statement-breakpoint
-- Each account becomes the owner of a personal workspace whose id is its account id, so every row
-- keeps its owner id and every API key keeps working.
INSERT INTO "workspaces" ("id", "slug", "name", "personal", "created_at")
  SELECT "id", lower("username"), "username", true, "created_at" FROM "accounts";
--> statement-breakpoint
INSERT INTO "workspace_members" ("workspace_id", "account_id", "role", "created_at")
  SELECT "id", "id", 'owner', "created_at" FROM "accounts";
--> statement-breakpoint
-- Crunchers answered every member's tasks: they keep doing so as crunchers of those workspaces.
INSERT INTO "workspace_members" ("workspace_id", "account_id", "role")
  SELECT m."id", c."id", 'cruncher' FROM "accounts" c CROSS JOIN "accounts" m
  WHERE c."role" = 'cruncher' AND m."role" = 'member';
--> statement-breakpoint
-- A cruncher's keys never acted (keys acted for members only); they stay that way.
UPDATE "api_keys" SET "revoked_at" = now()
  WHERE "revoked_at" IS NULL AND "account_id" IN (SELECT "id" FROM "accounts" WHERE "role" = 'cruncher')
--> statement-breakpoint
UPDATE "api_keys" SET "workspace_id" = "account_id";
--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "workspace_id" SET NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_token_key" ON "password_resets" USING btree ("token_hash");
--> statement-breakpoint
CREATE INDEX "password_resets_account_idx" ON "password_resets" USING btree ("account_id");
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "loop_examples" ADD CONSTRAINT "loop_examples_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "loop_predictions" ADD CONSTRAINT "loop_predictions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "loops" ADD CONSTRAINT "loops_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "model_files" ADD CONSTRAINT "model_files_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deployment_operations" ADD CONSTRAINT "deployment_operations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "drift_checks" ADD CONSTRAINT "drift_checks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "training_jobs" ADD CONSTRAINT "training_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "task_requests" ADD CONSTRAINT "task_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "task_webhook_attempts" ADD CONSTRAINT "task_webhook_attempts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "task_webhook_secrets" ADD CONSTRAINT "task_webhook_secrets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "api_keys_workspace_created_idx" ON "api_keys" USING btree ("workspace_id","created_at");
--> statement-breakpoint
CREATE INDEX "task_requests_queue_idx" ON "task_requests" USING btree ("workspace_id","created_at","id") WHERE status = 'pending' and mode = 'live';
