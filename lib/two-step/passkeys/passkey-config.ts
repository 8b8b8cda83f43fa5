import { EnvError } from "@/lib/env";

export interface PasskeyConfig {
  /** The relying party id: the domain passkeys are bound to (never the port or scheme). */
  rpID: string;
  rpName: string;
  /** Every origin a ceremony may come from (clientDataJSON.origin must be one of them). */
  origins: string[];
}

export class PasskeyConfigError extends EnvError {
  constructor(message: string) {
    super(message);
    this.name = "PasskeyConfigError";
  }
}

const rpName = "Stepwise";

/**
 * Where passkeys live, from WEBAUTHN_ORIGIN (comma-separated origins; default http://localhost:$PORT) and
 * WEBAUTHN_RP_ID (default: the first origin's host name). Pure: reads only the record it is given.
 * The browser refuses an RP id that is not the origin's host or a parent domain of it, so a mismatch is a
 * configuration error here rather than every ceremony failing later.
 */
export function passkeyConfig(source: Record<string, string | undefined> = process.env): PasskeyConfig {
  const listed = (source.WEBAUTHN_ORIGIN ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  const raw = listed.length ? listed : [`http://localhost:${source.PORT?.trim() || "3000"}`];
  const origins = raw.map(parseOrigin);
  const rpID = (source.WEBAUTHN_RP_ID?.trim() || hostOf(origins[0]!) || "localhost").toLowerCase();
  const outside = origins.filter((o) => hostOf(o) !== rpID && !hostOf(o).endsWith(`.${rpID}`));
  if (outside.length) throw new PasskeyConfigError(`WEBAUTHN_RP_ID ${rpID} must be the host of, or a parent domain of, every WEBAUTHN_ORIGIN (not ${outside.join(", ")})`);
  return { rpID, rpName, origins };
}

function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PasskeyConfigError(`WEBAUTHN_ORIGIN ${value} is not a URL (expected e.g. https://accounts.example.com)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new PasskeyConfigError(`WEBAUTHN_ORIGIN ${value} must be http(s)`);
  // clientDataJSON carries the bare origin: "https://host[:port]", never a path or a trailing slash.
  return url.origin;
}

const hostOf = (origin: string) => new URL(origin).hostname;
