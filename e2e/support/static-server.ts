// A tiny static server for the built SPA, behaving like a CDN in front of it: long-lived
// caching for hashed assets, gzip when the browser accepts it, and index.html for every
// client-side route.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.txt']);

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

export async function serveStatic(
  root: string,
  port: number,
  host = '127.0.0.1',
): Promise<StaticServer> {
  const cache = new Map<string, { raw: Buffer; gzip?: Buffer }>();

  async function load(file: string) {
    const hit = cache.get(file);
    if (hit) return hit;
    const raw = await readFile(file);
    const entry = {
      raw,
      gzip: COMPRESSIBLE.has(extname(file)) ? gzipSync(raw, { level: 9 }) : undefined,
    };
    cache.set(file, entry);
    return entry;
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const relative = normalize(pathname).replace(/^([/\\])+/, '');
      let file = join(root, relative);
      if (!file.startsWith(root + sep) && file !== root) {
        res.writeHead(403).end();
        return;
      }
      let body: { raw: Buffer; gzip?: Buffer };
      try {
        body = await load(file);
      } catch {
        // Missing assets are real 404s; anything else is a client-side route.
        if (pathname.startsWith('/assets/') || extname(pathname) !== '') {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
          return;
        }
        file = join(root, 'index.html');
        body = await load(file);
      }
      const gzip = body.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const payload = gzip && body.gzip ? body.gzip : body.raw;
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': payload.length,
        'Cache-Control': file.includes(`${sep}assets${sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : payload);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => done());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
