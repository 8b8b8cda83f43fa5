import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    // Runs PGlite's initdb + migrations once; each DB test file opens a copy (see tests/helpers/test-db.ts).
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Opening a database takes seconds and argon2id runs for real (19 MiB, t=2); generous for a busy CI box.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Every test file opens its own database, so files never share state and can run side by side.
    // The tests are CPU-bound (PGlite's WASM, argon2id) and the main process idles: one worker per core
    // (Vitest's default of cores - 1 means a single worker on a 2-core CI machine, ~2x slower).
    maxWorkers: availableParallelism(),
    restoreMocks: true,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses; Vite resolves it.
    server: { deps: { inline: ["next-auth"] } },
    unstubEnvs: true,
    // Rate-limit keys, codes and sealed secrets are keyed from AUTH_SECRET, as in the app; tests that need another or
    // none stub it themselves.
    env: { AUTH_SECRET: "vitest-only-secret-vitest-only-secret-0000" },
  },
});
