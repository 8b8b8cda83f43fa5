ALTER TABLE "enrollments" ADD COLUMN "session_id" text;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "proved_at" timestamp with time zone;