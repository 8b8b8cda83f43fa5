// First-load JS per app route, from the build's own manifests (Next 16 with Turbopack no longer prints the
// "First Load JS" column). For a route it is the union of
//   - build-manifest.json `rootMainFiles`: the runtime every app page boots with, and
//   - every `entryJSFiles` list of the route's server/app/<route>/page_client-reference-manifest.js: the chunks of the
//     root layout, each nested layout, the error/not-found boundaries and the page itself,
// which are exactly the <script src> tags the HTML of that route carries (checked in a browser: see bench/README.md).
// `polyfillFiles` are left out: they are `nomodule` scripts, which no browser that runs the app's modules fetches.
// Chunks loaded later by `import()` are not first-load JS. Sizes are gzip at zlib's default level, what `next start`
// sends (its `compression` middleware, gzip only, default options).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export interface RouteJs {
  route: string;
  files: number;
  raw_kb: number;
  gzip_kb: number;
}

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

export function firstLoadJs(distDir: string): RouteJs[] {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const routes = JSON.parse(readFileSync(join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const size = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const bytes = readFileSync(join(distDir, file));
      s = { raw: bytes.length, gzip: gzipSync(bytes).length };
      sizes.set(file, s);
    }
    return s;
  };

  const out: RouteJs[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page")) continue; // route handlers ship no JS
    const manifestFile = join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifestFile)) continue;
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[entry]; run it in an empty context.
    const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
    const manifest = sandbox.__RSC_MANIFEST?.[entry];
    if (!manifest?.entryJSFiles) throw new Error(`no entryJSFiles for ${entry} in ${manifestFile}`);
    const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const s = size(file);
      raw += s.raw;
      gzip += s.gzip;
    }
    out.push({ route, files: files.size, raw_kb: kb(raw), gzip_kb: kb(gzip) });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}
