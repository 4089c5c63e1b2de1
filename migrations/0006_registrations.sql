CREATE TABLE "registration_drafts" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"unit_id" integer,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"school_year" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by_person_id" integer,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by_person_id" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "registrations_unit_year_unique" UNIQUE("unit_id","school_year"),
	CONSTRAINT "registrations_status_check" CHECK (status in ('submitted', 'approved', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "reminder_outbox" DROP CONSTRAINT "reminder_outbox_kind_check";--> statement-breakpoint
ALTER TABLE "registration_drafts" ADD CONSTRAINT "registration_drafts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_drafts" ADD CONSTRAINT "registration_drafts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_submitted_by_person_id_people_id_fk" FOREIGN KEY ("submitted_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_reviewed_by_person_id_people_id_fk" FOREIGN KEY ("reviewed_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_outbox" ADD CONSTRAINT "reminder_outbox_kind_check" CHECK (kind in ('notice', 'reminder', 'overdue', 'digest', 'officer_summary', 'non_submitters', 'one_off', 'snoozed', 'registration', 'draft'));