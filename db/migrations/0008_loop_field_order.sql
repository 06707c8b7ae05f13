-- json keeps a loop's fields in the order they were defined (jsonb orders keys by length, then bytes).
ALTER TABLE "loops" ALTER COLUMN "input_schema" SET DATA TYPE json USING "input_schema"::json;--> statement-breakpoint
ALTER TABLE "loops" ALTER COLUMN "output_schema" SET DATA TYPE json USING "output_schema"::json;
