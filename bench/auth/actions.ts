// Server actions as the browser posts them: `Next-Action: <id>` (from the build's server-reference-manifest.json),
// `Accept: text/x-component`, the router state of the page it was submitted from, and React's reply encoding of
// `useActionState`'s arguments (previous state, FormData) as multipart form data.
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestEntry {
  workers: Record<string, unknown>;
  exportedName?: string;
  filename?: string;
}

/** The id of `exportedName` as compiled for `page` (e.g. "app/(public)/verify/page"). */
export function actionId(distDir: string, page: string, exportedName: string) {
  const manifest = JSON.parse(readFileSync(join(distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const ids = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === exportedName && page in entry.workers);
  if (ids.length !== 1) throw new Error(`expected one server action ${exportedName} on ${page} in ${distDir}, found ${ids.length}`);
  return ids[0]![0];
}

/**
 * The `Next-Router-State-Tree` Chromium sent from /<segment> of the (public) group (captured from a real sign-in):
 * the client router's segment tree, URI-encoded JSON.
 */
export const routerStateTree = (segment: string) =>
  encodeURIComponent(JSON.stringify(["", { children: ["(public)", { children: [segment, { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] }, null, null, 0] }, null, null, 16]));

/** React's encodeReply([prevState, formData]) as Chromium sent it: the form's fields prefixed "_1_", the arguments in "0". */
export function actionBody(fields: Record<string, string>, prevState: unknown = {}) {
  return formBody([...Object.entries(fields).map(([k, v]) => [`_1_${k}`, v] as [string, string]), ["0", JSON.stringify([prevState, "$K1"])]]);
}

/** A FormData body as Chromium encodes it (multipart, a WebKit boundary), fields in the order given. */
export function formBody(fields: Record<string, string> | [string, string][]) {
  const boundary = `----WebKitFormBoundary${Math.random().toString(36).slice(2, 18)}`;
  const parts = (Array.isArray(fields) ? fields : Object.entries(fields)).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: `${parts.join("")}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}
