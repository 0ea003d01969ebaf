/**
 * The example nginx configuration of scripts/deploy/nginx/ run for real: written into a private prefix with its
 * absolute paths pointed there, and started in the foreground (one process, owned and stopped by the test) to serve
 * a folder. nginx must be installed (`apt-get install -y nginx`; .ci/run does it).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const DEPLOY = resolve(import.meta.dirname, '..', '..', 'scripts', 'deploy');
export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find(existsSync);
export const MIME = ['/etc/nginx/mime.types', '/usr/local/nginx/conf/mime.types'].find(existsSync);

/**
 * The nginx binary and its mime.types, or an error that says what to install: every test that needs nginx fails with
 * this message when it is missing, none is skipped and none fails on an undefined path instead.
 */
export function nginx(): { bin: string; mime: string } {
	if (!NGINX)
		throw new Error(
			'没有安装 nginx，无法检查部署配置：请运行 apt-get install -y nginx（CI 的 .ci/run 会安装）',
		);
	if (!MIME) throw new Error(`找不到 nginx 的 mime.types（${NGINX} 已安装）：请重新安装 nginx 软件包`);
	return { bin: NGINX, mime: MIME };
}

/**
 * Writes the shipped config into `dir` with its absolute paths pointed there (the site's root to `root`, default
 * `dir/dist`), and a main nginx.conf around the given server block. Returns the main config's path.
 */
export function installNginx(dir: string, server: string, root = `${dir}/dist`): string {
	mkdirSync(join(dir, 'conf', 'xinyong'), { recursive: true });
	mkdirSync(join(dir, 'logs'), { recursive: true });
	const local = (text: string) =>
		text
			.replaceAll('/etc/nginx/xinyong/', `${dir}/conf/xinyong/`)
			.replaceAll('/etc/ssl/xinyong/', `${dir}/ssl/`)
			.replaceAll('/srv/xinyong/dist', root);
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
export function freePort(): Promise<number> {
	return new Promise((done) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => done(port));
		});
	});
}

/**
 * Starts nginx with the shipped locations.conf serving `root` on 127.0.0.1 (its private files in `dir`); resolves
 * once it answers, with its base URL and a function that stops it.
 */
export async function serveWithNginx(dir: string, root: string): Promise<{ base: string; stop: () => void }> {
	const port = await freePort();
	const conf = installNginx(
		dir,
		`server {\n\tlisten 127.0.0.1:${port};\n\troot /srv/xinyong/dist;\n\tinclude /etc/nginx/xinyong/locations.conf;\n}\n`,
		root,
	);
	// One process, in the foreground, so the test owns it and stops it by its pid.
	const server = spawn(nginx().bin, ['-p', dir, '-c', conf, '-g', 'daemon off; master_process off;'], {
		stdio: 'ignore',
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 200; i++) {
		try {
			await fetch(base + '/');
			return { base, stop: () => server.kill('SIGTERM') };
		} catch {
			await new Promise((r) => setTimeout(r, 50));
		}
	}
	server.kill('SIGTERM');
	throw new Error(`nginx 没有启动：${readFileSync(join(dir, 'logs', 'error.log'), 'utf8')}`);
}
