/**
 * `npm run bench`: the build and page-speed benchmark (issue 21). A benchmark, not a test: it prints its tables,
 * writes `bench/results.json` and the generated part of `src/docs/performance.md`, and exits 0 whatever the figures.
 *
 * For each dataset — `small` (the demo data/), `large` (generated: 120 units × 80 quarters ≈ 1,000,000 evidence rows,
 * 2,000 exemplars, 20,000 commitments), `double` (twice large) and `typical` (large with the demo's evidence density)
 * — it runs the stages of `npm run build` as the build does, timed (scripts/lib/bench/sites.ts), builds the bare-Astro
 * baseline with as many pages, and reports the build against the floor: the baseline's astro build plus pagefind on
 * our own dist/, run alone (`ratioToFloor`). For small and large it also profiles the astro stage per template, weighs the
 * heaviest page of each template, and times a rebuild after a one-quarter change; for large the search page's
 * timings (the two words, then the three commonest two-character names of people in the data); for small
 * Lighthouse's mobile preset on the main templates (scripts/lib/bench/browser.ts).
 *
 * Options: `--only small,large` runs some datasets; `--no-lighthouse`; `--keep` keeps the temporary folder;
 * `--query 诚信,承诺` sets the two search words. `BENCH_DIR` chooses the temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset, type ScaleOptions, type ScaleSummary } from './gen-scale.ts';
import { heaviestByTemplate } from './bench-weight.ts';
import { ROOT, round } from './lib/bench/stage.ts';
import { shanghaiDate } from '../src/lib/asof.ts';
import { decodeText, parseCsv } from '../src/lib/csv.ts';
import {
	AS_OF,
	astroProfile,
	baseline,
	buildSite,
	pagefindAlone,
	rebuildAfterOneQuarter,
} from './lib/bench/sites.ts';
import { lighthouseMedians, searchTimings, type LighthousePage } from './lib/bench/browser.ts';
import { resultsMarkdown, TARGET, writeGenerated } from './lib/bench/report.ts';

const { values: opts } = parseArgs({
	options: {
		only: { type: 'string', default: 'small,large,double,typical' },
		keep: { type: 'boolean', default: false },
		'no-lighthouse': { type: 'boolean', default: false },
		query: { type: 'string', default: '诚信,承诺' },
	},
});
const only = new Set(opts.only!.split(','));
const queries = opts.query!.split(',') as [string, string];

/** The generated datasets (`small` is the demo data/). */
const SIZES: Record<string, Omit<ScaleOptions, 'out'>> = {
	large: { units: 120, quarters: 80, exemplars: 2000, commitments: 20000 },
	double: { units: 240, quarters: 80, exemplars: 4000, commitments: 40000 },
	// The large dataset with the demo's density of evidence (about 15 rows per unit and quarter, not 104): what a
	// city's real files would hold, for comparison with the million-row stress case.
	typical: { units: 120, quarters: 80, exemplars: 2000, commitments: 20000, rows: 15 },
};
const NAMES = ['small', 'large', 'double', 'typical'];

/** The pages Lighthouse measures on the demo site: one of each main template. */
function lighthousePages(dist: string): LighthousePage[] {
	const first = (dir: string, test = (n: string) => !n.includes('.')) =>
		readdirSync(join(dist, dir)).filter(test).sort().at(-1)!;
	const quarter = first('grades', (n) => /^\d{4}-Q\d$/.test(n));
	const unit = readdirSync(join(dist, 'units')).sort()[0];
	const year = first('exemplars', (n) => /^\d{4}$/.test(n));
	const exemplar = readdirSync(join(dist, 'exemplars', year))
		.filter((n) => !n.includes('.'))
		.sort()[0];
	return [
		{ template: '首页', path: '/' },
		{ template: '季度结果', path: `/grades/${quarter}/` },
		{ template: '单位', path: `/units/${unit}/` },
		{ template: '诚信典型', path: `/exemplars/${year}/${exemplar}/` },
		{ template: '公开承诺', path: '/commitments/' },
		{ template: '搜索', path: `/search/?q=${encodeURIComponent(queries[0])}` },
		{ template: '单位（长辈模式）', path: `/units/${unit}/`, large: true },
	];
}

/**
 * The `n` two-character names that most candidates in a dataset have (ties in the file's order): the names issue 21's
 * search target is measured with, read from the data so that they are real names with pages to find.
 */
function twoCharacterNames(dataDir: string, n = 3): string[] {
	const file = join(dataDir, 'exemplars', 'candidates.csv');
	const { table } = parseCsv(decodeText(readFileSync(file), file).text ?? '', file);
	const column = table?.header.indexOf('姓名') ?? -1;
	const count = new Map<string, number>();
	for (const { cells } of table?.rows ?? []) {
		const name = cells[column];
		if (name && [...name].length === 2) count.set(name, (count.get(name) ?? 0) + 1);
	}
	return [...count]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([name]) => name);
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

const chineseFont = cjkFont();

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
				`\n生成 ${name} 数据：${summary.units} 个单位 × ${summary.quarters} 个季度，${summary.evidence.toLocaleString('en')} 行评价记录（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`,
			);
		}
		const { dist, astroLog, ...site } = await buildSite(base, name, dataDir);
		const bare = await baseline(base, `${name}-baseline`, site.pages);
		const alone = await pagefindAlone(base, `${name}-floor`, dist);
		const floorSeconds = bare.stages.astroBuild.seconds + alone.stage.seconds;
		const r: Record<string, unknown> = {
			dataset: describe(dataDir, summary),
			...site,
			floorPagefind: alone.stage,
			floorSeconds: round(floorSeconds, 2),
			ratioToFloor: round(site.buildSeconds / floorSeconds, 2),
			ratioToBareAstro: round(site.buildSeconds / bare.buildSeconds, 2),
			baseline: bare,
		};
		if (name === 'small' || name === 'large') {
			r.astroProfile = astroProfile(astroLog);
			r.templates = Object.fromEntries(
				[...heaviestByTemplate(dist)].map(([t, w]) => [
					t,
					{ page: w.page, beforeChart: w.beforeChart, chart: w.chart },
				]),
			);
			console.log(`\n[${name}] 改动一个季度之后重新构建`);
			r.rebuild = await rebuildAfterOneQuarter(base, `${name}-rebuild`, dataDir, dist);
		}
		if (name === 'large') {
			const names = twoCharacterNames(dataDir);
			console.log(`\n[${name}] 搜索“${[...queries, ...names].join('”“')}”`);
			r.search = await searchTimings(dist, queries, names);
		}
		if (name === 'small' && !opts['no-lighthouse']) {
			console.log(`\n[${name}] Lighthouse（移动端，每页 3 次）`);
			if (!chineseFont)
				console.log(
					'  这台机器没有中文字体：Chromium 把汉字画成方框，排版的时间不是手机上的样子（Debian：apt-get install fonts-noto-cjk）。',
				);
			r.lighthouse = await lighthouseMedians(dist, lighthousePages(dist));
		}
		results[name] = r;
		if (name !== 'small') rmSync(dataDir, { recursive: true, force: true });
		if (!opts.keep)
			for (const d of [name, `${name}-baseline`, `${name}-rebuild`])
				rmSync(join(base, d), { recursive: true, force: true });
	}
	console.log('\n[scoring] npm run bench:score');
	const s = spawnSync(process.execPath, [join(ROOT, 'scripts/bench-score.ts')], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	results.scoring = { rows: 1_000_000, seconds: Number(s.stdout.match(/用时 ([\d.]+) 秒/)?.[1] ?? NaN) };
} finally {
	if (!opts.keep && !process.env.BENCH_DIR) rmSync(base, { recursive: true, force: true });
}

const buildOf = (n: string) =>
	results[n] as { buildSeconds: number; buildCpuSeconds: number | null } | undefined;
const [large, double] = [buildOf('large'), buildOf('double')];
if (large && double) {
	results.doublingRatio = round(double.buildSeconds / large.buildSeconds, 2);
	if (large.buildCpuSeconds && double.buildCpuSeconds)
		results.doublingRatioCpu = round(double.buildCpuSeconds / large.buildCpuSeconds, 2);
}

/**
 * The font fontconfig gives simplified Chinese text, or null when the machine has no Chinese font: then Chromium draws
 * boxes for the characters, and the page-speed figures are not a phone's (every phone has one).
 */
function cjkFont(): string | null {
	const run = (cmd: string, args: string[]) =>
		spawnSync(cmd, args, { encoding: 'utf8' }).stdout?.trim() || '';
	if (!run('fc-list', [':lang=zh', 'family'])) return null;
	return run('fc-match', ['-f', '%{family[0]}', 'sans-serif:lang=zh-cn']) || null;
}

const version = (pkg: string) =>
	JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;
const out = {
	command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
	// The day in Shanghai, like every date of the site (a run after midnight there is dated the next day, not by UTC).
	date: shanghaiDate(Date.now()),
	machine: {
		cpus: cpus().length,
		cpu: cpus()[0]?.model,
		memoryGB: round(totalmem() / 2 ** 30, 1),
		node: process.version,
		astro: version('astro'),
		pagefind: version('pagefind'),
		lighthouse: version('lighthouse'),
		cjkFont: chineseFont,
	},
	asOf: AS_OF,
	/** The machine is shared: its load average (1, 5, 15 min) when the run ended. */
	loadAverage: loadavg().map((x) => round(x, 2)),
	targets: TARGET,
	benchMinutes: round((performance.now() - started) / 60000, 1),
	...results,
};
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(out, null, '\t') + '\n');
const markdown = resultsMarkdown(out);
writeGenerated(join(ROOT, 'src', 'docs', 'performance.md'), markdown);
console.log(
	`\n${markdown}\n结果写入 bench/results.json 和 src/docs/performance.md（用时 ${out.benchMinutes} 分钟）。`,
);
