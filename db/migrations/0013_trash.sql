ALTER TABLE "loops" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "loops" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "loops" ADD CONSTRAINT "loops_deleted_by_accounts_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_deleted_by_accounts_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_deleted_by_accounts_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loops_deleted_idx" ON "loops" USING btree ("deleted_at") WHERE "loops"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "models_deleted_idx" ON "models" USING btree ("deleted_at") WHERE "models"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "deployments_deleted_idx" ON "deployments" USING btree ("deleted_at") WHERE "deployments"."deleted_at" is not null;