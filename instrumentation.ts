// Next.js calls register() once per server process at start-up (never during `next build`).
export async function register() {
  // The documented guard shape: bundlers drop the Node-only imports from any Edge build of this file.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { messagingConfig } = await import("@/lib/messaging/config");
    const { totpKey } = await import("@/lib/crypto/totp-key");
    try {
      messagingConfig();
      totpKey();
    } catch (error) {
      // Misconfigured messaging or a missing TOTP key would fail every sign-in that needs a code: stop now, with one line saying why.
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    }
    const { startOutboxWorker } = await import("@/lib/messaging/outbox-worker");
    startOutboxWorker();
    const { startRateLimitSweeper } = await import("@/lib/auth/rate-limit-sweeper");
    startRateLimitSweeper();
  }
}
