/**
 * The example nginx configuration in scripts/deploy/nginx/: `nginx -t` accepts it as shipped (with a temporary
 * prefix, root and certificate), and a live nginx serving a small site with it sends the security headers, the
 * caching and the content types the site needs. nginx must be installed (`apt-get install -y nginx`; .ci/run does it):
 * without it this test fails rather than passing silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CSP_HEADER } from '../../src/lib/security.ts';

const root = resolve(import.meta.dirname, '..', '..');
const DEPLOY = join(root, 'scripts', 'deploy');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find(existsSync);
const MIME = ['/etc/nginx/mime.types', '/usr/local/nginx/conf/mime.types'].find(existsSync);

/**
 * The nginx binary and its mime.types, or an error that says what to install: every test that needs nginx fails with
 * this message when it is missing, none is skipped and none fails on an undefined path instead.
 */
function nginx(): { bin: string; mime: string } {
	if (!NGINX)
		throw new Error(
			'没有安装 nginx，无法检查部署配置：请运行 apt-get install -y nginx（CI 的 .ci/run 会安装）',
		);
	if (!MIME) throw new Error(`找不到 nginx 的 mime.types（${NGINX} 已安装）：请重新安装 nginx 软件包`);
	return { bin: NGINX, mime: MIME };
}

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'xy-nginx-'));
});
afterAll(() => {
	rmSync(work, { recursive: true, force: true });
});

/** Writes the shipped config into `dir` with its absolute paths pointed there, and a main nginx.conf around it. */
function install(dir: string, server: string): string {
	mkdirSync(join(dir, 'conf', 'xinyong'), { recursive: true });
	mkdirSync(join(dir, 'logs'), { recursive: true });
	const local = (text: string) =>
		text
			.replaceAll('/etc/nginx/xinyong/', `${dir}/conf/xinyong/`)
			.replaceAll('/etc/ssl/xinyong/', `${dir}/ssl/`)
			.replaceAll('/srv/xinyong/dist', `${dir}/dist`);
	for (const f of ['locations.conf', 'security-headers.conf'])
		writeFileSync(join(dir, 'conf', 'xinyong', f), local(readFileSync(join(DEPLOY, 'nginx', f), 'utf8')));
	cpSync(nginx().mime, join(dir, 'conf', 'mime.types'));
	writeFileSync(join(dir, 'conf', 'server.conf'), local(server));
	const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
		.map((t) => `\t${t}_temp_path ${dir}/${t};`)
		.join('\n');
	writeFileSync(
		join(dir, 'conf', 'nginx.conf'),
		`pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n\taccess_log off;\n${temp}\n\tinclude ${dir}/conf/server.conf;\n}\n`,
	);
	return join(dir, 'conf', 'nginx.conf');
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
	return new Promise((done) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => done(port));
		});
	});
}

describe('scripts/deploy/nginx', () => {
	it('needs nginx to be installed (apt-get install -y nginx; .ci/run installs it)', () => {
		expect(nginx().bin).toMatch(/\/nginx$/);
	});

	it('passes nginx -t as shipped (server names, TLS, includes)', () => {
		const { bin } = nginx();
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
		const conf = install(dir, readFileSync(join(DEPLOY, 'nginx', 'site.conf'), 'utf8'));
		const r = spawnSync(bin, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
		expect(r.stderr).toContain('syntax is ok');
		expect(r.stderr).toContain('test is successful');
		expect(r.stderr).not.toContain('[warn]');
		expect(r.status).toBe(0);
	});

	describe('serving a site', () => {
		let server: ChildProcess;
		let base: string;
		beforeAll(async () => {
			// Without nginx there is nothing to start: each test below then fails with what to install (a failing
			// hook would only mark them skipped).
			if (!NGINX || !MIME) return;
			const { bin } = nginx();
			const dir = join(work, 'live');
			const files: Record<string, string> = {
				'index.html': '<!doctype html><title>首页</title>',
				'grades/index.html': '<!doctype html><title>信用评价</title>',
				'_astro/site.B1x2y3z4.css': 'body{}',
				'pagefind/pagefind.js': 'export {}',
				'pagefind/pagefind-entry.json': '{}',
				'pagefind/wasm.unknown.pagefind': '\0asm',
				'pagefind/pagefind.zh-cn_25c640886dc16.pf_meta': 'x',
				'pagefind/fragment/zh-cn_0b46e3c.pf_fragment': 'x',
				'pagefind/index/zh-cn_15a6896.pf_index': 'x',
				'data/units.csv': '\uFEFFid,name\r\nfgw,区发展和改革委员会\r\n',
				'data/units.json': '[]',
			};
			for (const [p, body] of Object.entries(files)) {
				mkdirSync(dirname(join(dir, 'dist', p)), { recursive: true });
				writeFileSync(join(dir, 'dist', p), body);
			}
			const port = await freePort();
			const conf = install(
				dir,
				`server {\n\tlisten 127.0.0.1:${port};\n\troot /srv/xinyong/dist;\n\tinclude /etc/nginx/xinyong/locations.conf;\n}\n`,
			);
			chmodSync(work, 0o755);
			// One process, in the foreground, so the test owns it and stops it by its pid.
			server = spawn(bin, ['-p', dir, '-c', conf, '-g', 'daemon off; master_process off;'], {
				stdio: 'ignore',
			});
			base = `http://127.0.0.1:${port}`;
			for (let i = 0; i < 100; i++) {
				try {
					await fetch(base + '/');
					return;
				} catch {
					await new Promise((r) => setTimeout(r, 50));
				}
			}
			throw new Error(`nginx 没有启动：${readFileSync(join(dir, 'logs', 'error.log'), 'utf8')}`);
		});
		afterAll(() => {
			server?.kill('SIGTERM');
		});
		const head = async (path: string) => {
			nginx();
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
