import type { TwilioConfig } from "../config";
import { TransportError, type Transport } from "./transport";

/** Seconds in a Retry-After header (429/503), as milliseconds; HTTP dates and junk are ignored. */
function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  return value && /^\d{1,6}$/.test(value.trim()) ? Number(value) * 1000 : undefined;
}

/**
 * Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, HTTP Basic
 * auth with the account SID and auth token. 2xx = accepted (the reply's `sid` is kept); 429 and 5xx, timeouts and
 * network errors are worth retrying; any other 4xx (bad number, unverified sender…) will not get better.
 * Error messages name the status and Twilio's error code only: the reply may quote the request.
 */
export function twilioTransport(config: TwilioConfig): Transport {
  const url = `${config.apiBase}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;

  return {
    name: "twilio",
    async send(message) {
      if (message.channel !== "sms") throw new TransportError("twilio sends SMS only", { retryable: false });
      const form = new URLSearchParams({ To: message.recipient, Body: message.body });
      if (config.messagingServiceSid) form.set("MessagingServiceSid", config.messagingServiceSid);
      else form.set("From", config.from!);

      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { authorization, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
          body: form,
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
        throw new TransportError(timedOut ? `twilio: no answer within ${config.timeoutMs} ms` : "twilio: connection failed", {
          retryable: true,
        });
      }

      const reply = (await response.json().catch(() => null)) as { sid?: unknown; code?: unknown } | null;
      if (response.ok) {
        // Accepted even without a readable sid: sending again could deliver the code twice.
        return { providerMessageId: typeof reply?.sid === "string" ? reply.sid : undefined };
      }
      const code = typeof reply?.code === "number" ? ` (Twilio error ${reply.code})` : "";
      throw new TransportError(`twilio: HTTP ${response.status}${code}`, {
        retryable: response.status === 429 || response.status >= 500,
        status: response.status,
        retryAfterMs: retryAfterMs(response),
      });
    },
  };
}
