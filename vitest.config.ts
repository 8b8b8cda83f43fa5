import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    // PGlite takes ~2 s to start and argon2id runs for real (19 MiB, t=2) in the auth tests.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test file opens its own database, so files never share state.
    restoreMocks: true,
    unstubEnvs: true,
  },
});
