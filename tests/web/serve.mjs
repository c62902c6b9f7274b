// A small static server for the built site (build/web), as a plain web host would serve it:
// the right types (wasm must be application/wasm), gzip when the browser asks, no caching
// headers beyond revalidation (an ETag, answered with 304 when it still matches, as the service
// worker's first copy of the files is). Counts the bytes it sends, for the budgets bench.
// Usage as a program: node serve.mjs DIR [PORT]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.json': 'application/json', '.unknot': 'application/x-unknot-homework',
};

export function startServer(root, port = 0) {
  const stats = { bytes: 0, requests: [] };
  // Compressed once, before the first request, as a host serving precompressed files does: the
  // time to compress is not part of what a visitor waits for.
  const gzipped = new Map();
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      else if (!file.endsWith('.png')) gzipped.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
    }
  };
  walk(path.resolve(root));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = {
      'content-type': types[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    let body = fs.readFileSync(file);
    const etag = '"' + crypto.createHash('sha1').update(body).digest('hex').slice(0, 20) + '"';
    headers.etag = etag;
    if (req.headers['if-none-match'] === etag) {
      stats.requests.push({ path: rel, bytes: 0, notModified: true });
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && !file.endsWith('.png')) {
      if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(body, { level: 9 }));
      body = gzipped.get(file);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    stats.bytes += body.length;
    stats.requests.push({ path: rel, bytes: body.length });
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: server.address().port,
        stats,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'build/web';
  const { port } = await startServer(dir, Number(process.argv[3] || 8080));
  console.log(`Serving ${dir} at http://localhost:${port}/`);
}
