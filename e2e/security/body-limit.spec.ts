import { connect } from "node:net";
import { expect, test } from "@playwright/test";

/**
 * Raw HTTP/1.1 on one keep-alive connection: `requests` written back to back (the body of each in 16 KiB pieces,
 * `pauseMs` apart, as a slow upload); resolves with the replies' status codes once `expected` have arrived.
 */
function exchange(origin: string, requests: { head: string; bodyBytes: number }[], expected: number, pauseMs = 0): Promise<string[]> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    const statuses = () => received.match(/^HTTP\/1\.1 \d+/gm)?.map((s) => s.slice(9)) ?? [];
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`replies so far: ${statuses().join(", ")}`))), 15_000);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (statuses().length >= expected) settle(() => resolve(statuses()));
    });
    socket.on("error", (error) => settle(() => reject(error)));
    socket.on("connect", async () => {
      for (const { head, bodyBytes } of requests) {
        socket.write(head);
        for (let sent = 0; sent < bodyBytes; sent += 16_384) {
          socket.write("a".repeat(Math.min(16_384, bodyBytes - sent)));
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
      }
    });
  });
}

// API routes refuse a body over 64 KiB from its Content-Length alone (lib/layout/api-route.ts), without reading it.
// The unread rest is still taken off the wire after the reply, so a client that reuses the connection is answered.
for (const [name, bytes, pauseMs] of [["2 MB sent at once", 2_000_000, 0], ["70 kB sent slowly", 70_000, 20]] as const) {
  test(`an API body over the limit (${name}) gets a 413, and the next request on the connection its answer`, async ({ baseURL }) => {
    const host = new URL(baseURL!).host;
    const statuses = await exchange(
      baseURL!,
      [
        { head: `POST /api/verify HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${baseURL}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${bytes}\r\n\r\n`, bodyBytes: bytes },
        { head: `GET /api/health HTTP/1.1\r\nHost: ${host}\r\n\r\n`, bodyBytes: 0 },
      ],
      2,
      pauseMs,
    );
    expect(statuses).toEqual(["413", "200"]);
  });
}
