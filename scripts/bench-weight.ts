/**
 * `npm run bench:weight [-- DIST]`: the bytes a browser transfers (gzipped) for the heaviest page of each template
 * of a built site: the HTML, its stylesheets and its scripts with their static imports, with chart code counted
 * apart. Target (issue 4): no template over 60 KB gzipped before chart code; chart code only on chart pages.
 * Builds the demo data into a temporary folder when no DIST is given. A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped size of a file, memoised. */
const gz = new Map<string, number>();
const gzSize = (file: string) => {
	if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
	return gz.get(file)!;
};
const isChart = (file: string) => /Chart\.register|chartjs|Chart\.js v\d/.test(readFileSync(file, 'utf8'));

/** The JS modules a script pulls in statically, transitively. */
function moduleClosure(dist: string, entry: string, seen = new Set<string>()): Set<string> {
	if (seen.has(entry) || !existsSync(entry)) return seen;
	seen.add(entry);
	const src = readFileSync(entry, 'utf8');
	for (const m of src.matchAll(/(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']/g)) {
		const spec = m[1];
		const path = spec.startsWith('/') ? join(dist, spec) : join(entry, '..', spec);
		moduleClosure(dist, path, seen);
	}
	return seen;
}

export interface PageWeight {
	page: string;
	html: number;
	css: number;
	js: number;
	chart: number;
	beforeChart: number;
}

/** Weight of one built HTML page. */
export function pageWeight(dist: string, htmlFile: string): PageWeight {
	const html = readFileSync(htmlFile, 'utf8');
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) =>
		join(dist, m[1]),
	);
	const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => join(dist, m[1]));
	const modules = new Set<string>();
	for (const s of scripts) for (const f of moduleClosure(dist, s)) modules.add(f);
	let js = 0;
	let chart = 0;
	for (const f of modules) isChart(f) ? (chart += gzSize(f)) : (js += gzSize(f));
	const h = gzipSync(html, { level: 9 }).length;
	const c = css.filter(existsSync).reduce((s, f) => s + gzSize(f), 0);
	return {
		page: '/' + relative(dist, htmlFile).replace(/index\.html$/, ''),
		html: h,
		css: c,
		js,
		chart,
		beforeChart: h + c + js,
	};
}

/** Template of a page path: its first segment, with dynamic segments generalised. */
export function templateOf(page: string): string {
	const parts = page.split('/').filter(Boolean);
	if (parts.length === 0) return '/';
	if (parts.length === 1) return `/${parts[0]}/`;
	return `/${parts[0]}/${parts
		.slice(1)
		.map(() => '*')
		.join('/')}/`;
}

/** The heaviest page (before chart code) of each template. */
export function heaviestByTemplate(dist: string): Map<string, PageWeight> {
	const out = new Map<string, PageWeight>();
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const f = join(d, name);
			if (statSync(f).isDirectory()) {
				if (name !== 'pagefind' && name !== '_astro') walk(f);
			} else if (name === 'index.html') {
				const w = pageWeight(dist, f);
				const t = templateOf(w.page);
				if (!out.has(t) || out.get(t)!.beforeChart < w.beforeChart) out.set(t, w);
			}
		}
	};
	walk(dist);
	return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

if (import.meta.main) {
	let dist = process.argv[2];
	if (!dist) {
		const work = mkdtempSync(join(tmpdir(), 'xy-weight-'));
		dist = join(work, 'dist');
		const r = spawnSync('node', ['scripts/build.ts'], {
			stdio: 'inherit',
			env: { ...process.env, OUT_DIR: dist, CACHE_DIR: work, ASTRO_CACHE_DIR: join(work, 'astro') },
		});
		if (r.status !== 0) process.exit(1);
	}
	const kb = (n: number) => (n / 1024).toFixed(1);
	console.log(
		'\n模板                         最重的页面                                 HTML   CSS    JS   图表   合计(不含图表) KB',
	);
	let over = 0;
	for (const [t, w] of heaviestByTemplate(dist)) {
		if (w.beforeChart > 60 * 1024) over++;
		console.log(
			`${t.padEnd(28)} ${w.page.slice(0, 42).padEnd(42)} ${kb(w.html).padStart(6)} ${kb(w.css).padStart(5)} ${kb(w.js).padStart(5)} ${kb(w.chart).padStart(6)} ${kb(w.beforeChart).padStart(8)}${w.beforeChart > 60 * 1024 ? '  超过 60 KB' : ''}`,
		);
	}
	console.log(
		over
			? `\n${over} 个模板超过 60 KB（gzip，不含图表代码）。`
			: '\n所有模板都不超过 60 KB（gzip，不含图表代码）。',
	);
}
