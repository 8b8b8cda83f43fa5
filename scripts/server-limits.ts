/**
 * Node options for every `next start` we launch. A request's headers (request line and cookies included) are capped
 * at 7 KiB, under nginx's default 8 KiB buffers: Next answers a URL with repeated slashes with a redirect that
 * repeats the whole URL twice (Location and Refresh), so with Node's default of 16 KiB one request could make
 * response headers over 16 KiB, more than Node's own HTTP client (and many proxies) will parse. Past the cap Node
 * answers 431 before any app code runs. Our largest legitimate requests (a server action with its cookies and
 * router state) use about 3 KiB.
 */
export function withServerLimits(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, "--max-http-header-size=7168"].filter(Boolean).join(" ") };
}
