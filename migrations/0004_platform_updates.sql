CREATE TABLE "adapter_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"sealed" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_updates" (
	"platform" text NOT NULL,
	"update_id" text NOT NULL,
	"payload" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	CONSTRAINT "inbound_updates_platform_update_id_pk" PRIMARY KEY("platform","update_id")
);
--> statement-breakpoint
CREATE INDEX "inbound_updates_pending_idx" ON "inbound_updates" USING btree ("platform","handled_at");