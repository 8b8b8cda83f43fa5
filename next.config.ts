import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled once per process (i18n/messages.ts, when STEPWISE_PRECOMPILED_MESSAGES is set below) and
// formatted by next-intl's parser-free formatter, which `precompile` swaps in: no ICU parser in the browser's bundle.
// (`path` names the catalogs, which are read from disk, never imported.)
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { format: "json", path: "./messages", locales: "infer", precompile: true } },
});

// The Content-Security-Policy carries a per-request nonce, so it is set in proxy.ts; the rest are static.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // A separate build folder lets a second build (another checkout's tests) run without clobbering .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  experimental: { authInterrupts: true },
  env: { STEPWISE_PRECOMPILED_MESSAGES: "1" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
