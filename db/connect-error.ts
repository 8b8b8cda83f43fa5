/** Turns a driver error into one line a person can act on (no stack, no password). */
export function describeConnectError(error: unknown, url?: string): string {
  const where = url ? safeTarget(url) : "the embedded database";
  // Drizzle wraps driver errors ("Failed query: …"); the driver's own error is the cause.
  while (error instanceof Error && error.cause && !(error as { code?: string }).code) error = error.cause;
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED") return `Cannot reach PostgreSQL at ${where}: connection refused. Is the server running? Check DATABASE_URL.`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `Cannot reach PostgreSQL at ${where}: unknown host. Check DATABASE_URL.`;
  if (code === "CONNECT_TIMEOUT" || code === "ETIMEDOUT") return `Cannot reach PostgreSQL at ${where}: timed out. Check DATABASE_URL and the network.`;
  if (code === "3D000") return `PostgreSQL at ${where} has no such database. Create it or fix DATABASE_URL.`;
  if (code === "28P01" || code === "28000") return `PostgreSQL at ${where} refused the credentials. Check DATABASE_URL.`;
  return `Database error at ${where}: ${message.split("\n")[0]}`;
}

function safeTarget(url: string) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}
