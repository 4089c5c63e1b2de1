CREATE TABLE "send_pacing" (
	"key" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminder_outbox" DROP CONSTRAINT "reminder_outbox_state_check";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "reminder_platform" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "digest_muted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "reminders_paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "reminder_policy" jsonb;--> statement-breakpoint
ALTER TABLE "reminder_outbox" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "reminder_outbox" ADD COLUMN "kind" text DEFAULT 'notice' NOT NULL;--> statement-breakpoint
ALTER TABLE "reminder_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "reminder_policy" jsonb;--> statement-breakpoint
ALTER TABLE "reminder_outbox" ADD CONSTRAINT "reminder_outbox_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_outbox" ADD CONSTRAINT "reminder_outbox_kind_check" CHECK (kind in ('notice', 'reminder', 'overdue', 'digest', 'officer_summary', 'non_submitters', 'one_off', 'snoozed'));--> statement-breakpoint
ALTER TABLE "reminder_outbox" ADD CONSTRAINT "reminder_outbox_state_check" CHECK (state in ('pending', 'sending', 'sent', 'failed', 'dead', 'skipped'));