/**
 * Limits for every `next start` we launch (`nextStart` below). A request's headers (request line and cookies
 * included) are capped at 7 KiB, under nginx's default 8 KiB buffers: Next answers a URL with repeated slashes with a
 * redirect that repeats the whole URL twice (Location and Refresh), so with Node's default of 16 KiB one request
 * could make response headers over 16 KiB, more than Node's own HTTP client (and many proxies) will parse. Past the
 * cap Node answers 431 before any app code runs. Our largest legitimate requests (a server action with its cookies
 * and router state) use about 3 KiB.
 */
const maxHeaderBytes = 7168;

/**
 * How long an idle keep-alive connection stays open. The server must be the last to close one: a client or proxy
 * that sends a request on a connection just as the server closes it gets a reset instead of an answer, and nginx
 * does not resend a POST. Node's default (5 s, closed 1 s after that) is shorter than nginx's upstream
 * `keepalive_timeout` and most load balancers' idle timeout (60 s), and Playwright's request client keeps idle
 * connections with no limit: under load its requests after ~6 s of quiet were reset (1 in ~300, reproduced here).
 */
const keepAliveTimeoutMs = 65_000;

/** `next start` on `port` (and `hostname`, if given) with both limits: what to spawn, its arguments and environment. */
export function nextStart({ port, hostname, env }: { port: string | number; hostname?: string; env: NodeJS.ProcessEnv }) {
  return {
    command: "node_modules/.bin/next",
    args: ["start", "-p", String(port), ...(hostname ? ["-H", hostname] : []), "--keepAliveTimeout", String(keepAliveTimeoutMs)],
    env: { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, `--max-http-header-size=${maxHeaderBytes}`].filter(Boolean).join(" ") },
  };
}
