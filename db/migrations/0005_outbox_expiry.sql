ALTER TABLE "outbox" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "replace_key" text;--> statement-breakpoint
CREATE INDEX "outbox_replace_key_index" ON "outbox" USING btree ("replace_key");