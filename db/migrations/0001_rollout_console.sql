CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"country_code" char(2),
	"before" jsonb,
	"after" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "country_pauses" (
	"country_code" char(2) PRIMARY KEY NOT NULL,
	"paused_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"paused_by" uuid,
	"source" text DEFAULT 'staff' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "start_on_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "ramp_steps" jsonb DEFAULT '[{"percent":100,"afterMinutes":0}]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "requested_by" uuid;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "pause_reason" text;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "sms_failure_threshold" real DEFAULT 0.25 NOT NULL;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "code_failure_threshold" real DEFAULT 0.5 NOT NULL;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "guardrail_min_sample" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "country_pauses" ADD CONSTRAINT "country_pauses_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_id_index" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_action_index" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_log_country_code_index" ON "audit_log" USING btree ("country_code");--> statement-breakpoint
ALTER TABLE "waves" ADD CONSTRAINT "waves_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waves" ADD CONSTRAINT "waves_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waves" ADD CONSTRAINT "waves_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The audit log is append-only: whatever the role or code path, the database refuses to change or remove a row.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
