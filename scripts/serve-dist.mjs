#!/usr/bin/env node
// A small static file server for the built add-in (dist/): the browser mode of the task pane, for
// anyone without Excel (WPS users included). Listens on the loopback interface only.
//
//   node scripts/serve-dist.mjs [--dir dist] [--port 8080]     (or PORT=8080)
//   npm run preview                                            (production build, then this)
//
// --port 0 picks a free port. The first line on stdout is always "Serving <dir> at <url>", so that
// scripts (the end-to-end test) can read the address. GET and HEAD only; no directory listings.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file a URL path names inside `root`, or null when it leaves `root`. */
export function filePathFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, `.${path.startsWith('/') ? path : `/${path}`}`);
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/**
 * Serves `dir` on 127.0.0.1:`port`; resolves with the server and its URL once listening.
 * @example const { url, server } = await serveDist({ dir: 'dist', port: 0 }); … server.close();
 */
export function serveDist({ dir, port }) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = filePathFor(root, request.url ?? '/');
    const info = file === null ? null : await stat(file).catch(() => null);
    if (file === null || info === null || !info.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address !== null ? address.port : port;
      resolvePromise({ server, url: `http://127.0.0.1:${actualPort}/` });
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: process.env.PORT ?? '8080' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port "${values.port}". Example: --port 8080`);
    process.exit(2);
  }
  const dir = resolve(values.dir);
  if (!(await stat(join(dir, 'taskpane.html')).catch(() => null))) {
    console.error(`${dir} has no taskpane.html: build first (npm run build).`);
    process.exit(2);
  }
  const { url } = await serveDist({ dir, port }).catch((error) => {
    console.error(`Cannot listen on 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  });
  console.log(`Serving ${dir} at ${url}`);
  console.log(`城管月报助手（浏览器版）：${url}taskpane.html   Case Brief in the browser. Ctrl+C 停止 / to stop.`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
