/**
 * A minimal static file server for the built site on 127.0.0.1, as any web server would serve `dist/`:
 * `/path/` serves `path/index.html`, unknown paths get 404. Hand-written (40 lines) so the e2e suite needs no
 * server package; it serves only files under the root.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

/** Types the nginx recipe compresses (its `gzip_types`, and HTML); pagefind's index files and wasm are octet-stream
 * here (already compressed by pagefind), and sent as they are. */
const COMPRESSED = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/**
 * Serves `root` on 127.0.0.1 at a free port; resolves to the server and its base URL.
 * @param options.gzip compress text as the nginx recipe does, for measurements of what a phone downloads (the
 *   benchmark's Lighthouse runs); the tests read the bytes as they are.
 */
export function serveStatic(
	root: string,
	options: { gzip?: boolean } = {},
): Promise<{ server: Server; url: string }> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = normalize(join(root, path));
		if (!file.startsWith(normalize(root) + sep) && file !== normalize(root))
			return void res.writeHead(403).end();
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			return void res.end(
				existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : 'Not found',
			);
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const body = readFileSync(file);
		if (options.gzip && COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'])))
			return void res
				.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' })
				.end(gzipSync(body));
		res.writeHead(200, { 'content-type': type });
		res.end(body);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const addr = server.address();
			resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
		}),
	);
}
