ALTER TABLE "trusted_devices" ALTER COLUMN "label" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "trusted_devices" ADD COLUMN "user_agent" text;