/**
 * The example nginx configuration in scripts/deploy/nginx/: `nginx -t` accepts it as shipped (with a temporary
 * prefix, root and certificate), and a live nginx serving a small site with it sends the security headers, the
 * caching and the content types the site needs. nginx must be installed (`apt-get install -y nginx`; .ci/run does it):
 * without it this test fails rather than passing silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CSP_HEADER } from '../../src/lib/security.ts';
import { DEPLOY, MIME, NGINX, installNginx, nginx, serveWithNginx } from '../helpers/nginx.ts';

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'xy-nginx-'));
});
afterAll(() => {
	rmSync(work, { recursive: true, force: true });
});

describe('scripts/deploy/nginx', () => {
	it('needs nginx to be installed (apt-get install -y nginx; .ci/run installs it)', () => {
		expect(NGINX, '没有安装 nginx：请运行 apt-get install -y nginx').toBeDefined();
		expect(MIME, '找不到 nginx 的 mime.types').toBeDefined();
	});

	it('passes nginx -t as shipped (server names, TLS, includes)', () => {
		const dir = join(work, 't');
		mkdirSync(join(dir, 'ssl'), { recursive: true });
		mkdirSync(join(dir, 'dist'), { recursive: true });
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-subj',
				'/CN=xy.example.gov.cn',
				'-days',
				'1',
				'-keyout',
				join(dir, 'ssl', 'privkey.pem'),
				'-out',
				join(dir, 'ssl', 'fullchain.pem'),
			],
			{ stdio: 'ignore' },
		);
		const conf = installNginx(dir, readFileSync(join(DEPLOY, 'nginx', 'site.conf'), 'utf8'));
		const r = spawnSync(nginx().bin, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
		expect(r.stderr).toContain('syntax is ok');
		expect(r.stderr).toContain('test is successful');
		expect(r.stderr).not.toContain('[warn]');
		expect(r.status).toBe(0);
	});

	describe('serving a site', () => {
		let stop: () => void;
		let base: string;
		beforeAll(async () => {
			const dir = join(work, 'live');
			const files: Record<string, string> = {
				'index.html': '<!doctype html><title>首页</title>',
				'404.html': '<!doctype html><html lang="zh-CN"><title>页面不存在</title><h1>页面不存在</h1></html>',
				'grades/index.html': '<!doctype html><title>信用评价</title>',
				'_astro/site.B1x2y3z4.css': 'body{}',
				'pagefind/pagefind.js': `export const words = ${JSON.stringify('诚信'.repeat(200))};`,
				'pagefind/pagefind-entry.json': '{}',
				'pagefind/wasm.unknown.pagefind': '\0asm',
				'pagefind/pagefind.zh-cn_25c640886dc16.pf_meta': 'x',
				'pagefind/fragment/zh-cn_0b46e3c.pf_fragment': 'x'.repeat(400),
				'pagefind/index/zh-cn_15a6896.pf_index': 'x',
				'data/units.csv': '\uFEFFid,name\r\nfgw,区发展和改革委员会\r\n',
				'data/units.json': '[]',
			};
			for (const [p, body] of Object.entries(files)) {
				mkdirSync(dirname(join(dir, 'dist', p)), { recursive: true });
				writeFileSync(join(dir, 'dist', p), body);
			}
			chmodSync(work, 0o755);
			({ base, stop } = await serveWithNginx(dir, join(dir, 'dist')));
		});
		afterAll(() => {
			stop?.();
		});
		const head = async (path: string) => {
			const r = await fetch(base + path);
			await r.arrayBuffer();
			return { status: r.status, h: (k: string) => r.headers.get(k) };
		};

		it('sends the security headers on every response, the CSP being the site’s own', async () => {
			for (const path of [
				'/',
				'/grades/',
				'/_astro/site.B1x2y3z4.css',
				'/pagefind/fragment/zh-cn_0b46e3c.pf_fragment',
				'/missing/',
			]) {
				const { h } = await head(path);
				expect(h('content-security-policy'), path).toBe(CSP_HEADER);
				expect(h('strict-transport-security'), path).toBe('max-age=31536000');
				expect(h('x-content-type-options'), path).toBe('nosniff');
				expect(h('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
			}
		});

		it('serves pages and open data as UTF-8 and revalidates them; hashed assets are cached for a year', async () => {
			expect(
				await head('/grades/').then((r) => [r.status, r.h('content-type'), r.h('cache-control')]),
			).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
			expect((await head('/data/units.csv')).h('content-type')).toBe('text/csv; charset=utf-8');
			expect((await head('/data/units.json')).h('content-type')).toBe('application/json; charset=utf-8');
			expect((await head('/_astro/site.B1x2y3z4.css')).h('cache-control')).toBe(
				'public, max-age=31536000, immutable',
			);
			expect((await head('/grades')).status).toBe(200);
			expect((await head('/missing/')).status).toBe(404);
		});

		it('answers a missing address with the site’s Chinese 404.html and status 404, wherever it is', async () => {
			for (const path of [
				'/nonexistent/',
				'/grades/2099-Q1/',
				'/_astro/missing.js',
				'/pagefind/missing.js',
			]) {
				const r = await fetch(base + path);
				const body = await r.text();
				expect([path, r.status, r.headers.get('content-type')]).toEqual([
					path,
					404,
					'text/html; charset=utf-8',
				]);
				expect(body).toContain('<h1>页面不存在</h1>');
				expect(r.headers.get('content-security-policy'), path).toBe(CSP_HEADER);
			}
		});

		it('gives pagefind files their types, caching hashed index files for a year', async () => {
			const types = await Promise.all(
				[
					'/pagefind/pagefind.js',
					'/pagefind/pagefind-entry.json',
					'/pagefind/wasm.unknown.pagefind',
					'/pagefind/pagefind.zh-cn_25c640886dc16.pf_meta',
					'/pagefind/fragment/zh-cn_0b46e3c.pf_fragment',
					'/pagefind/index/zh-cn_15a6896.pf_index',
				].map(async (p) => {
					const { h } = await head(p);
					return [p.replace(/^.*\//, ''), h('content-type'), h('cache-control')];
				}),
			);
			expect(types).toEqual([
				['pagefind.js', 'application/javascript; charset=utf-8', 'no-cache'],
				['pagefind-entry.json', 'application/json; charset=utf-8', 'no-cache'],
				['wasm.unknown.pagefind', 'application/wasm', 'no-cache'],
				[
					'pagefind.zh-cn_25c640886dc16.pf_meta',
					'application/octet-stream',
					'public, max-age=31536000, immutable',
				],
				['zh-cn_0b46e3c.pf_fragment', 'application/octet-stream', 'public, max-age=31536000, immutable'],
				['zh-cn_15a6896.pf_index', 'application/octet-stream', 'public, max-age=31536000, immutable'],
			]);
		});

		it('compresses pagefind’s script for a browser that accepts gzip, and sends its index files as they are', async () => {
			const encoding = (path: string) =>
				new Promise<string | undefined>((done, fail) =>
					get(base + path, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
						r.resume();
						done(r.headers['content-encoding']);
					}).on('error', fail),
				);
			expect(await encoding('/pagefind/pagefind.js')).toBe('gzip');
			// Pagefind's fragments are gzip data already: compressing them again only costs the server.
			expect(await encoding('/pagefind/fragment/zh-cn_0b46e3c.pf_fragment')).toBeUndefined();
		});
	});
});

describe('scripts/deploy/ci.yml', () => {
	const text = readFileSync(join(DEPLOY, 'ci.yml'), 'utf8');
	/** The text of a job, from its `  name:` line to the next job. */
	const job = (name: string) => text.match(new RegExp(`^  ${name}:\\n((?:    .*\\n|\\n)*)`, 'm'))?.[1] ?? '';

	it('validates on every push', () => {
		expect(text).toMatch(/^on:\n  push:/m);
		expect(job('validate')).toContain('run: npm run validate');
		expect(job('validate')).not.toMatch(/^    if:/m);
	});

	it('builds daily so 公示 and overdue states roll over, and publishes dist/', () => {
		expect(text).toContain("- cron: '5 16 * * *'"); // 00:05 in Asia/Shanghai
		const publish = job('publish');
		expect(publish).toContain('needs: validate');
		expect(publish).toContain("github.event_name == 'schedule'");
		expect(publish).toContain('run: npm run build');
		expect(publish).toMatch(/rsync .*dist\//);
		// The as-of date is the day of the build: SOURCE_DATE_EPOCH must not be pinned.
		expect(text).not.toMatch(/SOURCE_DATE_EPOCH:/);
	});
});
