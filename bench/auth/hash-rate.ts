// The raw hash ceiling: argon2id verifications/s with the app's own parameters and functions
// (lib/auth/passwords.ts), in this separate process, with UV_THREADPOOL_SIZE verifications kept in flight.
//
//   UV_THREADPOOL_SIZE=2 PHASE_SECONDS=15 npx tsx bench/auth/hash-rate.ts   → one JSON line
import { argon2Options, hashPassword, verifyPassword } from "@/lib/auth/passwords";

const seconds = Number(process.env.PHASE_SECONDS ?? 15);
const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
const password = "Correct-Horse-Battery-Staple-42";

async function main() {
  const hash = await hashPassword(password);
  // Warm-up: each worker allocates its 19 MiB once before the window opens.
  await Promise.all(Array.from({ length: threads * 2 }, () => verifyPassword(hash, password)));
  let done = 0;
  let failed = 0;
  const deadline = performance.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: threads }, async () => {
      while (performance.now() < deadline) {
        const ok = await verifyPassword(hash, password);
        if (performance.now() > deadline) break;
        if (ok) done++;
        else failed++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const total = process.cpuUsage();
  console.log(
    JSON.stringify({
      verifications: done,
      failed,
      window_s: seconds,
      verifications_per_s: Number((done / seconds).toFixed(2)),
      threads,
      in_flight: threads,
      hash_impl: `argon2id m=${argon2Options.memoryCost} t=${argon2Options.timeCost} p=${argon2Options.parallelism} (@node-rs/argon2, lib/auth/passwords.ts)`,
      cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      process_cpu_s: Number(((total.user + total.system) / 1e6).toFixed(2)),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
