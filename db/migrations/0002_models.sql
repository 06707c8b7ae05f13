CREATE TABLE "model_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"filekind" text NOT NULL,
	"filename" text NOT NULL,
	"contenttype" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"version" integer,
	"estimator" jsonb,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"modelname" text NOT NULL,
	"modelkind" text NOT NULL,
	"hyperparameter" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"modelperformance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"trainingresource" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"runresource" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"featurelist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inference" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"modeltags" text[] DEFAULT '{}' NOT NULL,
	"drift_detection" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_files" ADD CONSTRAINT "model_files_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_files" ADD CONSTRAINT "model_files_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_files" ADD CONSTRAINT "model_files_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "model_aliases_model_name_key" ON "model_aliases" USING btree ("model_id","name");--> statement-breakpoint
CREATE INDEX "model_files_model_idx" ON "model_files" USING btree ("model_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "model_files_model_version_key" ON "model_files" USING btree ("model_id","version");--> statement-breakpoint
CREATE INDEX "models_account_created_idx" ON "models" USING btree ("account_id","created_at");