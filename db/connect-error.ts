/** The driver's own error: Drizzle wraps driver errors ("Failed query: …"), and the driver's error is the cause. */
function driverError(error: unknown) {
  while (error instanceof Error && error.cause && !(error as { code?: string }).code) error = error.cause;
  return error;
}

/** What went wrong, in words that name no host, port, database or query: what an unauthenticated caller may read. */
export function connectErrorKind(error: unknown): string {
  const code = (driverError(error) as { code?: string })?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "unknown host";
  if (code === "CONNECT_TIMEOUT" || code === "ETIMEDOUT") return "timed out";
  if (code === "3D000") return "no such database";
  if (code === "28P01" || code === "28000") return "credentials refused";
  return "database error";
}

/** Turns a driver error into one line a person can act on (no stack, no password): for logs and the console. */
export function describeConnectError(error: unknown, url?: string): string {
  const where = url ? safeTarget(url) : "the embedded database";
  error = driverError(error);
  const message = error instanceof Error ? error.message : String(error);
  switch (connectErrorKind(error)) {
    case "connection refused":
      return `Cannot reach PostgreSQL at ${where}: connection refused. Is the server running? Check DATABASE_URL.`;
    case "unknown host":
      return `Cannot reach PostgreSQL at ${where}: unknown host. Check DATABASE_URL.`;
    case "timed out":
      return `Cannot reach PostgreSQL at ${where}: timed out. Check DATABASE_URL and the network.`;
    case "no such database":
      return `PostgreSQL at ${where} has no such database. Create it or fix DATABASE_URL.`;
    case "credentials refused":
      return `PostgreSQL at ${where} refused the credentials. Check DATABASE_URL.`;
    default:
      return `Database error at ${where}: ${message.split("\n")[0]}`;
  }
}

function safeTarget(url: string) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}
