CREATE TABLE "country_gauges" (
	"country_code" char(2) NOT NULL,
	"gauge" text NOT NULL,
	"value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "country_gauges_country_code_gauge_pk" PRIMARY KEY("country_code","gauge")
);
--> statement-breakpoint
CREATE TABLE "daily_rollups" (
	"day" date NOT NULL,
	"country_code" char(2) NOT NULL,
	"metric" text NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_rollups_day_country_code_metric_method_pk" PRIMARY KEY("day","country_code","metric","method")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lockout_risk" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "daily_rollups_metric_day_index" ON "daily_rollups" USING btree ("metric","day");--> statement-breakpoint
-- One definition of "at lockout risk", used both per account (lib/analytics/refresh-lockout-risk.ts) and by the
-- rebuild: 2SV on, and at most one working second factor (verified phone our carriers reach, or a trusted browser
-- receiving codes) or no confirmed current Recovery Key. Once 2SV is on nobody can reset the password without them.
CREATE FUNCTION "stepwise_lockout_risk"(account uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT u.two_step_enabled_at IS NOT NULL AND (
    (SELECT count(*) FROM trusted_phones p JOIN countries c ON c.code = p.country_code
       WHERE p.user_id = u.id AND p.verified_at IS NOT NULL AND p.removed_at IS NULL AND c.sms_supported)
    + (SELECT count(*) FROM trusted_devices d WHERE d.user_id = u.id AND d.receives_codes AND d.revoked_at IS NULL) <= 1
    OR NOT EXISTS (SELECT 1 FROM recovery_keys k WHERE k.user_id = u.id AND k.replaced_at IS NULL AND k.confirmed_at IS NOT NULL))
  FROM users u WHERE u.id = account
$$;--> statement-breakpoint
-- Recomputes every rollup and gauge from the raw events and accounts (npm run db:rollups; tests compare the two).
CREATE FUNCTION "stepwise_rebuild_rollups"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM daily_rollups;
  INSERT INTO daily_rollups (day, country_code, metric, method, count)
    SELECT (e.at AT TIME ZONE 'UTC')::date, coalesce(e.country_code, 'ZZ'), e.type, coalesce(e.method, ''), count(*)
    FROM events e GROUP BY 1, 2, 3, 4;
  UPDATE users SET lockout_risk = stepwise_lockout_risk(id) WHERE lockout_risk IS DISTINCT FROM stepwise_lockout_risk(id);
  DELETE FROM country_gauges;
  INSERT INTO country_gauges (country_code, gauge, value)
    SELECT country_code, 'lockout_risk', count(*) FROM users WHERE lockout_risk GROUP BY country_code;
  INSERT INTO country_gauges (country_code, gauge, value)
    SELECT country_code, 'accounts', sum(count) FROM daily_rollups WHERE metric = 'account_created' GROUP BY country_code;
  INSERT INTO country_gauges (country_code, gauge, value)
    SELECT country_code, 'enrolled', sum(CASE metric WHEN 'two_step_enabled' THEN count ELSE -count END)
    FROM daily_rollups WHERE metric IN ('two_step_enabled', 'two_step_disabled') GROUP BY country_code;
$$;--> statement-breakpoint
-- Backfill: events learn their account's country, accounts get their creation event, then rollups are built.
UPDATE "events" e SET "country_code" = u."country_code" FROM "users" u WHERE e."user_id" = u."id" AND e."country_code" IS NULL;--> statement-breakpoint
INSERT INTO "events" ("at", "type", "user_id", "country_code") SELECT "created_at", 'account_created', "id", "country_code" FROM "users";--> statement-breakpoint
SELECT stepwise_rebuild_rollups();
