CREATE TABLE "app_passwords" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"last_used_ip" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "authenticator_apps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"sealed_secret" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_used_step" bigint,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backup_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passkeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"credential_id" text NOT NULL,
	"public_key" text NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL,
	"transports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"name" text NOT NULL,
	"device_type" text NOT NULL,
	"backed_up" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webauthn_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_key" text NOT NULL,
	"user_id" uuid,
	"purpose" text NOT NULL,
	"challenge" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_second_factor" text;--> statement-breakpoint
ALTER TABLE "app_passwords" ADD CONSTRAINT "app_passwords_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authenticator_apps" ADD CONSTRAINT "authenticator_apps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_codes" ADD CONSTRAINT "backup_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passkeys" ADD CONSTRAINT "passkeys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_passwords_password_hash_index" ON "app_passwords" USING btree ("password_hash");--> statement-breakpoint
CREATE INDEX "app_passwords_user_id_index" ON "app_passwords" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "authenticator_apps_user_id_index" ON "authenticator_apps" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "backup_codes_user_id_code_hash_index" ON "backup_codes" USING btree ("user_id","code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "passkeys_credential_id_index" ON "passkeys" USING btree ("credential_id");--> statement-breakpoint
CREATE INDEX "passkeys_user_id_index" ON "passkeys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "webauthn_challenges_owner_key_index" ON "webauthn_challenges" USING btree ("owner_key");--> statement-breakpoint
-- Lockout risk counts the new factors too (lib/two-step/enrollment/count-factors.ts is the same rule in code):
-- a confirmed authenticator app, each passkey, and unused backup codes (together one factor).
CREATE OR REPLACE FUNCTION "stepwise_lockout_risk"(account uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT u.two_step_enabled_at IS NOT NULL AND (
    (SELECT count(*) FROM trusted_phones p JOIN countries c ON c.code = p.country_code
       WHERE p.user_id = u.id AND p.verified_at IS NOT NULL AND p.removed_at IS NULL AND c.sms_supported)
    + (SELECT count(*) FROM trusted_devices d WHERE d.user_id = u.id AND d.receives_codes AND d.revoked_at IS NULL)
    + (SELECT count(*) FROM authenticator_apps a WHERE a.user_id = u.id AND a.confirmed_at IS NOT NULL)
    + (SELECT count(*) FROM passkeys k WHERE k.user_id = u.id)
    + (SELECT least(count(*), 1) FROM backup_codes b WHERE b.user_id = u.id AND b.used_at IS NULL) <= 1
    OR NOT EXISTS (SELECT 1 FROM recovery_keys k WHERE k.user_id = u.id AND k.replaced_at IS NULL AND k.confirmed_at IS NOT NULL))
  FROM users u WHERE u.id = account
$$;
