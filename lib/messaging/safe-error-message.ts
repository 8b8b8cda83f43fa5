import { TransportError } from "./transports/transport";

/**
 * One line about an error, safe for logs and the outbox's lastError: a TransportError's own message, otherwise the
 * error's name and the first line of its (or its cause's) message — never query parameters, which can hold a body.
 */
export function safeErrorMessage(error: unknown): string {
  if (error instanceof TransportError) return error.message;
  if (!(error instanceof Error)) return "unknown error";
  // Drizzle wraps driver errors as "Failed query: <sql>\nparams: <values>"; the cause says what went wrong.
  const source = error.cause instanceof Error ? error.cause : error;
  const firstLine = source.message.split("\n", 1)[0]!.slice(0, 200);
  return `${source.name}: ${firstLine}`;
}
