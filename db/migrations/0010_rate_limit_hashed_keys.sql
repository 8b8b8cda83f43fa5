-- Counters are now stored under a keyed hash of their key (lib/auth/rate-limit.ts), which never holds a colon.
-- The rows of plain keys (emails, IP addresses) would never be read again: they go now rather than at their
-- window's end.
DELETE FROM "rate_limits" WHERE "key" LIKE '%:%';
