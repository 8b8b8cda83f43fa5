ALTER TABLE "sessions" ADD COLUMN "authenticated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Sessions open before this column proved their factors when they began (revoked ones are never read again).
UPDATE "sessions" SET "authenticated_at" = "created_at" WHERE "revoked_at" IS NULL;
