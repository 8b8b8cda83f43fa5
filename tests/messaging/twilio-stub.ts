import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
}

/** What the stub answers: a status and JSON body, or "hang" (never answers, to exercise timeouts). */
export type StubReply = { status: number; json?: unknown; headers?: Record<string, string> } | "hang";

/**
 * A local stand-in for api.twilio.com on a free port. `reply` decides each answer (default: 201 with a fresh sid);
 * every request is recorded with its form fields parsed.
 */
export function setupTwilioStub() {
  const requests: StubRequest[] = [];
  let sids = 0;
  const defaultReply = (): StubReply => ({ status: 201, json: { sid: `SM${String(++sids).padStart(32, "0")}`, status: "queued" } });
  const stub = {
    requests,
    baseUrl: "",
    reply: defaultReply as (request: StubRequest) => StubReply,
    reset() {
      requests.length = 0;
      stub.reply = defaultReply;
    },
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: StubRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))),
      };
      requests.push(request);
      const reply = stub.reply(request);
      if (reply === "hang") return;
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(JSON.stringify(reply.json ?? {}));
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    stub.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return stub;
}

/** Environment for SMS_TRANSPORT=twilio against the stub. */
export function twilioEnv(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SMS_TRANSPORT: "twilio",
    TWILIO_ACCOUNT_SID: "ACstubaccount",
    TWILIO_AUTH_TOKEN: "stub-auth-token",
    TWILIO_FROM: "+15550006789",
    TWILIO_API_BASE: baseUrl,
    ...extra,
  };
}
