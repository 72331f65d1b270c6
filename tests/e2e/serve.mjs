// A plain static file server for dist/, mounted both at / and under a
// sub-path, as a docs site would host it. No rewrites: a path either names a
// file (a directory means its index.html) or is a 404.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.DIST ?? '../../dist');
const port = Number(process.env.PORT ?? 8091);
export const SUB_PATH = '/docs/sandbox';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
};

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === SUB_PATH) {
    res.writeHead(301, { location: `${SUB_PATH}/` }).end();
    return;
  }
  if (path.startsWith(`${SUB_PATH}/`)) path = path.slice(SUB_PATH.length);
  let file = join(root, normalize(path));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
