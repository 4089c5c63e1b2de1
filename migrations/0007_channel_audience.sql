ALTER TABLE "channels" ADD COLUMN "audience" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "subject_rule" text;