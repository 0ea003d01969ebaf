/**
 * `npm run bench`: the build benchmark of issue 8. A benchmark, not a test: it prints a table, writes
 * `bench/results.json` and exits 0 whatever the figures are.
 *
 * For each dataset — `small` (the demo data/), `large` (generated: 120 units × 80 quarters ≈ 1,000,000 evidence rows,
 * 2,000 exemplars, 20,000 commitments), `double` (240 units × 80 quarters, 4,000 exemplars, 40,000 commitments:
 * twice the large data; the quarters stay 2006-Q4…2026-Q3 because no year may pass 2026) and `typical` (the large
 * dataset with the demo's evidence density, ≈ 144,000 rows) — it runs the stages of `npm run build` as the build does
 * (`scripts/stages.ts`: validate → score, accounting and evidence files side by side, grades files after scoring →
 * astro build → publish open data → pagefind) and records each stage's wall time, CPU time and peak memory (maximum
 * resident set size of the stage's process, from `/usr/bin/time`), the build's wall time, its peak memory (the most
 * that stages running at the same time held together, counting each at its own peak), the pages Astro built and the
 * milliseconds per page. It then builds the bare-Astro baseline in `bench/baseline/` (one dynamic route, trivial
 * pages) with as many pages, runs pagefind on it too, and reports our full build as a ratio to the baseline's full
 * build (`ratioToBareAstro`; also Astro alone, and on CPU time, which the other sessions sharing this machine
 * disturb less than wall time).
 * For `small` and `large` it also measures the gzipped weight of the heaviest page of each template
 * (`scripts/bench-weight.ts`), and for `large` the bytes a browser downloads from `/pagefind/` for a first search
 * (headless Chromium: open /search/, type a query, wait for the results).
 *
 * Every build goes into a temporary folder. Astro's build runs with that folder as its working directory (and
 * `--root` the project), because Astro puts its prerender chunks in `<cwd>/.astro/.prerender/` when the output
 * folder lies outside the working directory, and removes that folder when it finishes: two builds into temporary
 * folders from the project directory at the same time break each other.
 *
 * Options: `--only small,large,double` runs some datasets; `--keep` keeps the temporary folder; `--query 诚信` sets
 * the search term. `BENCH_DIR` chooses the temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset, type ScaleOptions, type ScaleSummary } from './gen-scale.ts';
import { heaviestByTemplate, type PageWeight } from './bench-weight.ts';
import { buildStages, runStages } from './stages.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
/** The as-of date of every benchmark build: 2026-11-22, as in the e2e tests. */
const EPOCH = '1795276800';
const TIME = '/usr/bin/time';
/** Issue 8's targets. */
const TARGET = { ratio: 1.5, memoryMB: 2048, doubling: 2.2, templateKB: 60, searchKB: 300 };

const { values: opts } = parseArgs({
	options: {
		only: { type: 'string', default: 'small,large,double,typical' },
		keep: { type: 'boolean', default: false },
		query: { type: 'string', default: '诚信' },
	},
});
const only = new Set(opts.only!.split(','));

interface Stage {
	seconds: number;
	/** Peak resident set size of the stage's process, MB (null when /usr/bin/time is missing). */
	peakMB: number | null;
	/**
	 * CPU seconds (user + system) of the stage's processes. The machine is shared with other sessions; wall time
	 * swings with their load, CPU time much less, so ratios are also given on it.
	 */
	cpuSeconds: number | null;
}
interface Build {
	stages: Record<string, Stage>;
	/** Wall time of the whole build, stages side by side included. */
	buildSeconds: number;
	/** Σ CPU seconds of the stages. */
	buildCpuSeconds: number | null;
	/** The most memory the stages running at any one time held together (each counted at its own peak). */
	peakMemoryMB: number | null;
	/** Pages (and endpoint files) Astro reports having built. */
	pages: number;
	/** HTML pages in the output. */
	htmlPages: number;
	/** Astro build stage milliseconds per page. */
	msPerPage: number;
}

const hasTime = existsSync(TIME);
const env0 = { ...process.env, PATH: `${BIN}:${process.env.PATH}`, SOURCE_DATE_EPOCH: EPOCH };

/** A finished stage: its figures, its output, and when it ran (`performance.now()` at its start and end). */
interface Ran {
	stage: Stage;
	stdout: string;
	from: number;
	to: number;
}

/** Runs one stage, timed; rejects with its output when it fails. */
async function stage(
	label: string,
	cmd: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
	logDir: string,
): Promise<Ran> {
	const name = label.replace(/\s+/g, '-');
	const rssFile = join(tmpdir(), `xy-bench-rss-${process.pid}-${name}`);
	const argv = hasTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...args] : args;
	const from = performance.now();
	const child = spawn(hasTime ? TIME : cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
	child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
	const status = await new Promise<number | null>((done) => child.on('close', done));
	const to = performance.now();
	const seconds = (to - from) / 1000;
	// Each stage's output is kept next to its build (with --keep), for a look at Astro's per-page times.
	writeFileSync(join(logDir, `${name}.log`), output);
	if (status !== 0) throw new Error(`${label} 失败（退出码 ${status}）：\n${output}`);
	let peakMB: number | null = null;
	let cpuSeconds: number | null = null;
	if (hasTime) {
		const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
		peakMB = Math.round(kb / 1024);
		cpuSeconds = round(user + sys, 2);
		rmSync(rssFile, { force: true });
	}
	process.stdout.write(
		`  ${label.padEnd(14)} ${seconds.toFixed(1).padStart(7)} 秒（CPU ${cpuSeconds ?? '—'} 秒） ${String(peakMB ?? '—').padStart(6)} MB\n`,
	);
	return { stage: { seconds: round(seconds, 2), peakMB, cpuSeconds }, stdout: output, from, to };
}

/**
 * The most memory held at once: at each stage's start, the peaks of the stages running then, added up (an upper
 * bound, since two stages need not reach their peaks at the same moment). Null without `/usr/bin/time`.
 */
function peakTogether(ran: readonly Ran[]): number | null {
	if (ran.some((r) => r.stage.peakMB === null)) return null;
	let most = 0;
	for (const r of ran) {
		const held = ran
			.filter((o) => o.from <= r.from && r.from < o.to)
			.reduce((sum, o) => sum + o.stage.peakMB!, 0);
		most = Math.max(most, held);
	}
	return most;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Counts `index.html` files under a folder (the HTML pages). */
function countHtml(dir: string): number {
	let n = 0;
	for (const name of readdirSync(dir)) {
		const f = join(dir, name);
		if (statSync(f).isDirectory()) n += countHtml(f);
		else if (name.endsWith('.html')) n++;
	}
	return n;
}

/** A work folder for one build, with the project's node_modules reachable from the prerender chunks. */
function workDir(base: string, name: string): string {
	const dir = join(base, name);
	mkdirSync(dir, { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	return dir;
}

/** A build's figures from its stages; its wall time runs from the first stage's start to the last one's end. */
function summarise(ran: Record<string, Ran>, pages: number, htmlPages: number, astro: Stage): Build {
	const all = Object.values(ran);
	const stages = Object.fromEntries(Object.entries(ran).map(([k, r]) => [k, r.stage]));
	const seconds = (Math.max(...all.map((r) => r.to)) - Math.min(...all.map((r) => r.from))) / 1000;
	const cpu = all.map((r) => r.stage.cpuSeconds);
	return {
		stages,
		buildSeconds: round(seconds, 2),
		buildCpuSeconds: cpu.every((c) => c !== null)
			? round(
					(cpu as number[]).reduce((s, c) => s + c, 0),
					2,
				)
			: null,
		peakMemoryMB: peakTogether(all),
		pages,
		htmlPages,
		msPerPage: round((astro.seconds * 1000) / pages, 2),
	};
}

/** Builds a data folder with the stages of `npm run build`. */
async function buildSite(base: string, name: string, dataDir: string): Promise<Build & { dist: string }> {
	const work = workDir(base, name);
	const dist = join(work, 'dist');
	const env = {
		...env0,
		DATA_DIR: dataDir,
		OUT_DIR: dist,
		CACHE_DIR: join(work, 'cache'),
		ASTRO_CACHE_DIR: join(work, 'astro'),
		// As scripts/build.ts does: one id for the stages of one build (src/loaders/snapshot.ts).
		XINYONG_BUILD_ID: `bench-${name}-${process.pid}`,
	};
	console.log(`\n[${name}] ${dataDir}`);
	// The stages of scripts/build.ts, run as it runs them. Astro runs from the work folder (see the top of this file).
	const ran = Object.fromEntries(
		await runStages(buildStages(ROOT, dist), (s) =>
			stage(s.key, s.command, s.args, s.key === 'astroBuild' ? work : ROOT, env, work),
		),
	);
	const pages = Number(ran.astroBuild.stdout.match(/(\d+) page\(s\) built/)?.[1] ?? NaN);
	return { ...summarise(ran, pages, countHtml(dist), ran.astroBuild.stage), dist };
}

/** Builds the bare-Astro baseline with `pages` trivial pages, and indexes it with pagefind. */
async function baseline(base: string, name: string, pages: number): Promise<Build> {
	const work = workDir(base, name);
	const dist = join(work, 'dist');
	const env = { ...env0, BASE_PAGES: String(pages), OUT_DIR: dist, ASTRO_CACHE_DIR: join(work, 'astro') };
	console.log(`\n[${name}] bench/baseline，${pages} 页`);
	const astroBuild = await stage(
		'astro build',
		join(BIN, 'astro'),
		['build', '--root', join(ROOT, 'bench/baseline')],
		work,
		env,
		work,
	);
	const pagefind = await stage(
		'pagefind',
		join(BIN, 'pagefind'),
		['--site', dist, '--silent'],
		work,
		env,
		work,
	);
	const built = Number(astroBuild.stdout.match(/(\d+) page\(s\) built/)?.[1] ?? NaN);
	return summarise({ astroBuild, pagefind }, built, countHtml(dist), astroBuild.stage);
}

/** Bytes Chromium downloads from /pagefind/ for a first query on the search page. */
async function searchBytes(dist: string, query: string) {
	const { serveStatic } = await import('../test/e2e/server.ts');
	const { launch } = await import('../test/e2e/browser.ts');
	const { server, url } = await serveStatic(dist);
	const browser = await launch();
	try {
		const page = await browser.newPage();
		const responses: import('playwright-core').Response[] = [];
		page.on('response', (r) => {
			if (new URL(r.url()).pathname.startsWith('/pagefind/')) responses.push(r);
		});
		await page.goto(`${url}/search/`);
		await page.fill('#search-q', query);
		await page.press('#search-q', 'Enter');
		await page.waitForFunction(
			() => /找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''),
			{
				timeout: 60_000,
			},
		);
		await page.waitForLoadState('networkidle');
		const status = (await page.textContent('#search-status'))?.trim();
		const files: { path: string; bytes: number }[] = [];
		for (const r of responses)
			files.push({ path: new URL(r.url()).pathname, bytes: (await r.body()).length });
		const kinds = new Map<string, number>();
		for (const f of files) {
			const kind =
				f.path.match(/\.(pf_\w+|js|wasm|json|css)$/)?.[1] ?? (f.path.includes('wasm') ? 'wasm' : 'other');
			kinds.set(kind, (kinds.get(kind) ?? 0) + f.bytes);
		}
		return {
			query,
			status,
			requests: files.length,
			bytes: files.reduce((s, f) => s + f.bytes, 0),
			byKind: Object.fromEntries(kinds),
			files,
		};
	} finally {
		await browser.close();
		server.close();
	}
}

/** Dataset sizes as counted from the generator's summary, or by reading the demo folder. */
function describe(dir: string, s?: ScaleSummary) {
	if (s)
		return {
			dir: 'generated',
			units: s.units,
			quarters: s.quarters,
			evidenceRows: s.evidence,
			exemplars: s.candidates,
			commitments: s.commitments,
		};
	const lines = (f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').length - 1;
	const ev = readdirSync(join(dir, 'evidence')).filter((f) => f.endsWith('.csv'));
	return {
		dir: 'data/',
		units: lines('units.csv'),
		quarters: ev.length,
		evidenceRows: ev.reduce((s, f) => s + lines(join('evidence', f)), 0),
		exemplars: lines('exemplars/candidates.csv'),
		commitments: lines('commitments/commitments.csv'),
	};
}

const templates = (dist: string) =>
	Object.fromEntries(
		[...heaviestByTemplate(dist)].map(([t, w]: [string, PageWeight]) => [
			t,
			{ page: w.page, html: w.html, css: w.css, js: w.js, chart: w.chart, beforeChart: w.beforeChart },
		]),
	);

/** The generated datasets (`small` is the demo data/). */
const SIZES: Record<string, Omit<ScaleOptions, 'out'>> = {
	large: { units: 120, quarters: 80, exemplars: 2000, commitments: 20000 },
	double: { units: 240, quarters: 80, exemplars: 4000, commitments: 40000 },
	// The large dataset with the demo's density of evidence (about 15 rows per unit and quarter, not 104): what a
	// city's real files would hold, for comparison with the million-row stress case.
	typical: { units: 120, quarters: 80, exemplars: 2000, commitments: 20000, rows: 15 },
};
const NAMES = ['small', 'large', 'double', 'typical'];

const base = process.env.BENCH_DIR
	? resolve(process.env.BENCH_DIR)
	: mkdtempSync(join(tmpdir(), 'xy-bench-'));
mkdirSync(base, { recursive: true });
const started = performance.now();
const results: Record<string, unknown> = {};
try {
	for (const name of NAMES.filter((n) => only.has(n))) {
		let dataDir = join(ROOT, 'data');
		let summary: ScaleSummary | undefined;
		if (name !== 'small') {
			dataDir = join(base, `data-${name}`);
			const t0 = performance.now();
			summary = generateDataset({ ...SIZES[name], out: dataDir });
			console.log(
				`\n生成 ${name} 数据：${summary.units} 个单位 × ${summary.quarters} 个季度，${summary.evidence.toLocaleString('en')} 行评价记录，${summary.candidates} 名候选人，${summary.commitments} 项承诺（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`,
			);
		}
		const site = await buildSite(base, name, dataDir);
		const bare = await baseline(base, `${name}-baseline`, site.pages);
		const { dist, ...build } = site;
		const r: Record<string, unknown> = {
			dataset: describe(dataDir, summary),
			...build,
			ratioToBareAstro: round(site.buildSeconds / bare.buildSeconds, 2),
			astroRatioToBareAstro: round(site.stages.astroBuild.seconds / bare.stages.astroBuild.seconds, 2),
			cpuRatioToBareAstro:
				site.buildCpuSeconds && bare.buildCpuSeconds
					? round(site.buildCpuSeconds / bare.buildCpuSeconds, 2)
					: null,
			baseline: bare,
		};
		if (name === 'small' || name === 'large') r.templates = templates(dist);
		if (name === 'large') {
			console.log(`\n[${name}] 首次搜索“${opts.query}”`);
			r.search = await searchBytes(dist, opts.query!);
		}
		results[name] = r;
		rmSync(dataDir === join(ROOT, 'data') ? join(base, '__none__') : dataDir, {
			recursive: true,
			force: true,
		});
		if (!opts.keep) rmSync(join(base, name), { recursive: true, force: true });
	}
	// Scoring alone: a million evidence rows through the scoring module (`npm run bench:score`).
	console.log('\n[scoring] npm run bench:score');
	const s = spawnSync('node', [join(ROOT, 'scripts/bench-score.ts')], {
		cwd: ROOT,
		env: env0,
		encoding: 'utf8',
	});
	const seconds = Number(s.stdout.match(/用时 ([\d.]+) 秒/)?.[1] ?? NaN);
	console.log(`  ${s.stdout.trim().split('\n').pop()}`);
	results.scoring = { rows: 1_000_000, seconds };
} finally {
	if (!opts.keep && !process.env.BENCH_DIR) rmSync(base, { recursive: true, force: true });
}

type Site = Build & {
	dataset: ReturnType<typeof describe>;
	ratioToBareAstro: number;
	astroRatioToBareAstro: number;
	cpuRatioToBareAstro: number | null;
	baseline: Build;
	templates?: Record<string, { page: string; beforeChart: number; chart: number }>;
	search?: Awaited<ReturnType<typeof searchBytes>>;
};
const sites = Object.fromEntries(Object.entries(results).filter(([k]) => NAMES.includes(k))) as Record<
	string,
	Site
>;
if (sites.large && sites.double) {
	results.doublingRatio = round(sites.double.buildSeconds / sites.large.buildSeconds, 2);
	if (sites.large.buildCpuSeconds && sites.double.buildCpuSeconds)
		results.doublingRatioCpu = round(sites.double.buildCpuSeconds / sites.large.buildCpuSeconds, 2);
}

const astroVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version;
const pagefindVersion = JSON.parse(
	readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8'),
).version;
const out = {
	command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
	date: new Date().toISOString().slice(0, 10),
	machine: {
		cpus: cpus().length,
		cpu: cpus()[0]?.model,
		memoryGB: round(totalmem() / 2 ** 30, 1),
		node: process.version,
		astro: astroVersion,
		pagefind: pagefindVersion,
	},
	asOf: '2026-11-22',
	/** The machine is shared: its load average (1, 5, 15 min) when the run ended. */
	loadAverage: loadavg().map((x) => round(x, 2)),
	targets: TARGET,
	benchMinutes: round((performance.now() - started) / 60000, 1),
	...results,
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(out, null, '\t') + '\n');

// ---- the table ----------------------------------------------------------------------------------------------
const fmt = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));
const row = (cells: string[], widths: number[]) =>
	cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
const W = [22, 9, 9, 9, 9, 9, 9, 9, 9, 8, 8, 8];
console.log(
	'\n构建各阶段用时（秒）与峰值内存（MB）；score、evidence、grades、account 按 CPU 核数同时运行，合计是整个构建的实际用时',
);
console.log(
	row(
		[
			'数据集',
			'validate',
			'score',
			'account',
			'evidence',
			'grades',
			'astro',
			'pagefind',
			'合计',
			'页数',
			'ms/页',
			'峰值MB',
		],
		W,
	),
);
for (const [name, s] of Object.entries(sites)) {
	const st = (k: string) => s.stages[k];
	console.log(
		row(
			[
				`${name}`,
				fmt(st('validate').seconds),
				fmt(st('score').seconds),
				fmt(st('account')?.seconds),
				fmt(st('evidenceData')?.seconds),
				fmt(st('gradesData')?.seconds),
				fmt(st('astroBuild').seconds),
				fmt(st('pagefind').seconds),
				fmt(s.buildSeconds),
				String(s.pages),
				fmt(s.msPerPage, 2),
				String(s.peakMemoryMB ?? '—'),
			],
			W,
		),
	);
	const b = s.baseline;
	console.log(
		row(
			[
				`${name} 纯 Astro 基线`,
				'',
				'',
				'',
				'',
				'',
				fmt(b.stages.astroBuild.seconds),
				fmt(b.stages.pagefind.seconds),
				fmt(b.buildSeconds),
				String(b.pages),
				fmt(b.msPerPage, 2),
				String(b.peakMemoryMB ?? '—'),
			],
			W,
		),
	);
	console.log(
		`${''.padEnd(W[0])} 与纯 Astro 之比：全流程 ${fmt(s.ratioToBareAstro, 2)}（目标 ≤ ${TARGET.ratio}），仅 astro build ${fmt(s.astroRatioToBareAstro, 2)}，按 CPU 时间 ${fmt(s.cpuRatioToBareAstro, 2)}（${fmt(s.buildCpuSeconds)} / ${fmt(b.buildCpuSeconds)} 秒）`,
	);
}
console.log(
	`\n评分 1,000,000 行评价记录：${fmt((results.scoring as { seconds: number }).seconds, 2)} 秒（目标 < 5 秒）`,
);
if (results.doublingRatio !== undefined)
	console.log(
		`\n数据翻倍后用时之比：${fmt(results.doublingRatio as number, 2)}（目标 ≤ ${TARGET.doubling}；按 CPU 时间 ${fmt(results.doublingRatioCpu as number, 2)}）`,
	);
for (const [name, s] of Object.entries(sites)) {
	if (!s.templates) continue;
	console.log(`\n${name}：各模板最重页面（gzip，KB；目标：不含图表代码 ≤ ${TARGET.templateKB} KB）`);
	for (const [t, w] of Object.entries(s.templates))
		console.log(
			`  ${t.padEnd(30)} ${w.page.slice(0, 44).padEnd(44)} ${fmt(w.beforeChart / 1024).padStart(7)}${w.chart ? ` + 图表 ${fmt(w.chart / 1024)}` : ''}${w.beforeChart > TARGET.templateKB * 1024 ? '  超过' : ''}`,
		);
}
if (sites.large?.search) {
	const s = sites.large.search;
	console.log(
		`\nlarge：首次搜索“${s.query}”下载 ${fmt(s.bytes / 1024)} KB（${s.requests} 个请求；目标 ≤ ${TARGET.searchKB} KB）：${Object.entries(
			s.byKind,
		)
			.map(([k, v]) => `${k} ${fmt(v / 1024)} KB`)
			.join('、')}；${s.status}`,
	);
}
console.log(`\n结果写入 bench/results.json（用时 ${out.benchMinutes} 分钟）。`);
