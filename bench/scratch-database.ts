import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * A fresh, uniquely named database beside BENCH_DATABASE_URL's (default: the local server's `postgres`), for one
 * bench run; `drop()` removes it (forcing out any connection left) and closes the admin connection.
 */
export async function createScratchDatabase(prefix = "stepwise_bench") {
  const adminUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  };
  return { name, url, admin, drop };
}
