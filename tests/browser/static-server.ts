/**
 * A tiny static file server for the built site, on 127.0.0.1 and a free port. Serves `<dir>` under `base`
 * (`/` or `/sub/`), directory URLs as their index.html, and `404.html` with status 404 for anything missing, like a
 * static host would. Records every 404 so tests can assert none happened.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
};

export interface StaticServer {
  origin: string;
  /** Paths that were answered with 404. */
  misses: string[];
  close(): Promise<void>;
}

/** Resolves a request path to a file in `dir`, or null. Never leaves `dir`. */
export function resolveFile(dir: string, base: string, pathname: string): string | null {
  if (!pathname.startsWith(base)) return null;
  let rel = decodeURIComponent(pathname.slice(base.length));
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  const file = normalize(join(dir, rel));
  if (!file.startsWith(normalize(dir) + sep) && file !== normalize(dir)) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  if (existsSync(join(file, "index.html"))) return join(file, "index.html");
  return null;
}

export async function serveStatic(dir: string, base = "/"): Promise<StaticServer> {
  const misses: string[] = [];
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = resolveFile(dir, base, pathname);
    if (!file) {
      misses.push(pathname);
      res.writeHead(404, { "content-type": TYPES[".html"] });
      const notFound = join(dir, "404.html");
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    misses,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
