/**
 * The builds a benchmark run times: our site from a data folder (the stages of `npm run build`, as it runs them),
 * the bare-Astro baseline with as many pages, and a rebuild after a one-quarter change.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { buildStages, runStages } from '../../stages.ts';
import { templateOf } from '../../bench-weight.ts';
import {
	BIN,
	ROOT,
	countHtml,
	round,
	sampleTreeRss,
	summarise,
	timeStage,
	workDir,
	type Build,
	type Ran,
} from './stage.ts';

/** The as-of date of every benchmark build: 2026-11-22, as in the e2e tests. */
export const EPOCH = '1795276800';
export const AS_OF = '2026-11-22';
/** Astro's telemetry is off for the baseline as for the build's astro stage (scripts/stages.ts). */
const env0 = {
	...process.env,
	PATH: `${BIN}:${process.env.PATH}`,
	SOURCE_DATE_EPOCH: EPOCH,
	ASTRO_TELEMETRY_DISABLED: '1',
};

export type SiteBuild = Build & { dist: string; astroLog: string };

/**
 * Builds a data folder with the stages of `npm run build` into `<base>/<name>/dist`. Astro runs from the work folder
 * (it puts its prerender chunks in `<cwd>/.astro/` when the output lies outside the working directory). The caches
 * (`cache/`, Astro's `astro/`) stay in the work folder, so a second build into the same one reuses them as an
 * office machine's second `npm run build` would.
 */
export async function buildSite(base: string, name: string, dataDir: string): Promise<SiteBuild> {
	const work = workDir(base, name);
	const dist = join(work, 'dist');
	const env = {
		...env0,
		DATA_DIR: dataDir,
		OUT_DIR: dist,
		CACHE_DIR: join(work, 'cache'),
		ASTRO_CACHE_DIR: join(work, 'astro'),
		// As scripts/build.ts does: one id for the stages of one build (src/loaders/snapshot.ts).
		XINYONG_BUILD_ID: `bench-${name}-${process.pid}-${Date.now()}`,
	};
	console.log(`\n[${name}] ${dataDir}`);
	rmSync(dist, { recursive: true, force: true });
	const memory = sampleTreeRss(process.pid);
	let ran: Record<string, Ran>;
	let peak: number | null;
	try {
		ran = Object.fromEntries(
			await runStages(buildStages(ROOT, dist), (s) =>
				timeStage(s.key, s.command, s.args, s.key === 'astroBuild' ? work : ROOT, { ...env, ...s.env }, work),
			),
		);
	} finally {
		peak = memory.stop();
	}
	console.log(`  峰值内存（各阶段进程同时占用，每 100 毫秒取样）${peak ?? '—'} MB`);
	return { ...summarise(ran, countHtml(dist), peak), dist, astroLog: ran.astroBuild.stdout };
}

/** Builds the bare-Astro baseline (`bench/baseline/`) with `pages` trivial pages, and indexes it with pagefind. */
export async function baseline(base: string, name: string, pages: number): Promise<Build> {
	const work = workDir(base, name);
	const dist = join(work, 'dist');
	const env = { ...env0, BASE_PAGES: String(pages), OUT_DIR: dist, ASTRO_CACHE_DIR: join(work, 'astro') };
	console.log(`\n[${name}] bench/baseline，${pages} 页`);
	const astroBuild = await timeStage(
		'astro build',
		join(BIN, 'astro'),
		['build', '--root', join(ROOT, 'bench/baseline')],
		work,
		env,
		work,
	);
	const pagefind = await timeStage(
		'pagefind',
		join(BIN, 'pagefind'),
		['--site', dist, '--silent'],
		work,
		env,
		work,
	);
	return summarise({ astroBuild, pagefind }, countHtml(dist));
}

/**
 * The floor's pagefind: the pagefind command of the build, run alone on the site our build wrote (its index goes to a
 * folder of its own, so the site stays as built). Inside the build pagefind shares the two cores with the stages
 * beside it and takes longer; that slowdown is our build's doing, not work any implementation must do.
 */
export async function pagefindAlone(base: string, name: string, dist: string): Promise<Ran> {
	const work = workDir(base, name);
	const { command, args } = buildStages(ROOT, dist).find((s) => s.key === 'pagefind')!;
	console.log(`\n[${name}] 下限里的 pagefind：单独为 ${dist} 建索引`);
	return timeStage('pagefind', command, [...args, '--output-path', join(work, 'pagefind')], work, env0, work);
}

/** Milliseconds Astro reports for a page, from its `(+12ms)` / `(+1.20s)` note. */
function renderMs(note: string): number {
	const m = note.match(/\(\+([\d.]+)(ms|s)\)/);
	return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : 0;
}

/**
 * Where the astro stage's time goes, by template: the pages of each and the render time Astro logs for each page
 * (`├─ /units/t1/index.html (+12ms)`). Astro renders four pages at a time, so the sum is more than the stage's wall
 * time; the shares are what counts. Pages Astro logs without a time took under a millisecond.
 */
export function astroProfile(
	astroLog: string,
): Record<string, { pages: number; ms: number; msPerPage: number }> {
	const by = new Map<string, { pages: number; ms: number }>();
	for (const line of stripVTControlCharacters(astroLog).split('\n')) {
		const m = line.match(/[├└]─ (\/\S*)(.*)$/);
		if (!m) continue;
		const page = m[1].replace(/index\.html$/, '');
		const t = templateOf(page.endsWith('/') ? page : page.replace(/[^/]*$/, '') + '*');
		const e = by.get(t) ?? { pages: 0, ms: 0 };
		e.pages++;
		e.ms += renderMs(m[2]);
		by.set(t, e);
	}
	return Object.fromEntries(
		[...by]
			.sort((a, b) => b[1].ms - a[1].ms)
			.map(([t, e]) => [t, { pages: e.pages, ms: Math.round(e.ms), msPerPage: round(e.ms / e.pages, 2) }]),
	);
}

/** Every file under a folder with its SHA-256, by relative path. */
function tree(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const f = join(d, e.name);
			if (e.isDirectory()) walk(f);
			else out.set(relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex'));
		}
	};
	walk(dir);
	return out;
}

/** Files that differ between two built sites (present in one only, or with other bytes). */
export function differingFiles(a: string, b: string): string[] {
	const ta = tree(a);
	const tb = tree(b);
	return [...new Set([...ta.keys(), ...tb.keys()])].filter((f) => ta.get(f) !== tb.get(f)).sort();
}

/**
 * A CSV text without the rows whose cell `column` (0-based) is `quarter`. The cells before it are ids, which hold no
 * comma or quote, so a split finds it.
 */
function rowsWithout(text: string, column: number, quarter: string): string {
	return text
		.split(/(?<=\n)/)
		.filter((l, i) => i === 0 || l.split(',')[column] !== quarter)
		.join('');
}

/** The latest quarter in a data folder's releases file, and the file's lines without it. */
function withoutLatestRelease(dataDir: string): { quarter: string; lines: string } {
	const file = join(dataDir, 'releases', 'releases.csv');
	const lines = readFileSync(file, 'utf8').split(/(?<=\n)/);
	const quarterOf = (l: string) =>
		l
			.replace(/^\ufeff/, '')
			.split(',')[0]
			.replace(/"/g, '');
	const quarters = lines
		.slice(1)
		.map(quarterOf)
		.filter((q) => /^\d{4}-Q[1-4]$/.test(q));
	const quarter = quarters.sort().at(-1)!;
	return { quarter, lines: lines.filter((l) => quarterOf(l) !== quarter).join('') };
}

export interface Rebuild {
	/** The quarter taken out and added back. */
	quarter: string;
	/** The build of the data without it (the office's previous build). */
	beforeSeconds: number;
	/** The build after adding the quarter's evidence file and release row back, with the caches of the one before. */
	rebuildSeconds: number;
	stages: Record<string, number>;
	/** Files of the rebuilt site that differ from a clean build of the same data: must be none. */
	differsFromClean: string[];
}

/**
 * What the office waits for after a one-quarter change: the data without its latest released quarter is built
 * first, then the quarter's evidence file (and its release row and snapshot, when it has one) is added back and the
 * site is built again in the same work folder, with the caches the first build left. The rebuilt site is compared
 * with `cleanDist`, a clean build of the whole data.
 */
export async function rebuildAfterOneQuarter(
	base: string,
	name: string,
	dataDir: string,
	cleanDist: string,
): Promise<Rebuild> {
	const data = join(base, `${name}-data`);
	cpSync(dataDir, data, { recursive: true });
	const releases = join(data, 'releases', 'releases.csv');
	const full = readFileSync(releases);
	const { quarter, lines } = withoutLatestRelease(data);
	const moved = [join('evidence', `${quarter}.csv`), join('releases', `${quarter}.json`)];
	const aside = join(base, `${name}-aside`);
	for (const f of moved)
		try {
			cpSync(join(data, f), join(aside, f));
			rmSync(join(data, f));
		} catch {
			// A quarter without a release snapshot.
		}
	writeFileSync(releases, lines);
	// A quarter not yet released has no corrections, and no objection to its results: their rows go with it.
	const dependants = [
		{ file: join(data, 'releases', 'corrections.csv'), column: 1 },
		{ file: join(data, 'objections.csv'), column: 3 },
	].flatMap(({ file, column }) => {
		if (!existsSync(file)) return [];
		const text = readFileSync(file);
		writeFileSync(file, rowsWithout(text.toString('utf8'), column, quarter));
		return [{ file, text }];
	});
	const before = await buildSite(base, name, data);
	console.log(`  加回 ${quarter} 的评价记录和发布记录后再次构建：`);
	cpSync(aside, data, { recursive: true });
	writeFileSync(releases, full);
	for (const d of dependants) writeFileSync(d.file, d.text);
	const after = await buildSite(base, name, data);
	const differsFromClean = differingFiles(after.dist, cleanDist);
	rmSync(data, { recursive: true, force: true });
	rmSync(aside, { recursive: true, force: true });
	return {
		quarter,
		beforeSeconds: before.buildSeconds,
		rebuildSeconds: after.buildSeconds,
		stages: Object.fromEntries(Object.entries(after.stages).map(([k, s]) => [k, s.seconds])),
		differsFromClean,
	};
}
