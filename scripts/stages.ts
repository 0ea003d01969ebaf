/**
 * The stages of `npm run build`: run by `scripts/build.ts`, and timed stage by stage by `npm run bench`. Each stage is
 * its own process; the validated dataset passes from one to the next as a snapshot (src/loaders/snapshot.ts).
 *
 * A stage starts once the stages it needs (`after`) have passed, and stages that do not need each other run side by
 * side, as many at a time as the machine has cores: after validation, scoring, the row accounting and the evidence
 * files need only the validated dataset. On two cores that part of the large benchmark takes about 7 s instead of
 * 12 s, and overlaps the slow disk's waits.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroLine } from './lib/stage-output.ts';

export interface BuildStage {
	/** The stage's key in `bench/results.json`. */
	key: string;
	/** What the build prints when the stage has passed or failed. */
	label: string;
	command: string;
	args: string[];
	/** The stages whose results this one reads. */
	after: string[];
	/** The working directory, when not the project's. */
	cwd?: string;
	/** Environment variables the stage needs besides the build's. */
	env?: Record<string, string>;
	/**
	 * The stage runs beside others without making them share the terminal: a stage beside only background stages
	 * still counts as alone (it prints as it goes, the office sees what the wait is for), and a background stage's
	 * output comes in one piece when it has ended.
	 */
	background?: boolean;
	/** What the office sees of a line of the stage's output (undefined: nothing), when not the line itself. */
	tidy?: (line: string) => string | undefined;
}

/**
 * The stages for the project at `root`, building into `outDir`, in the order they start when they can.
 * @param astroCwd the astro stage's working directory: a folder of this build's own inside the project. Astro puts
 *   its prerender chunks in `<cwd>/.astro/.prerender/` when the output folder lies outside the working directory and
 *   removes them when it finishes, so two builds from the project directory would break each other's; the folder
 *   must lie inside the project so that the chunks find `node_modules/`.
 */
export function buildStages(root: string, outDir: string, astroCwd?: string): BuildStage[] {
	const node = (file: string, ...args: string[]) => ({
		command: process.execPath,
		args: [...NODE_FLAGS, file, ...args],
	});
	const script = (name: string, ...args: string[]) => ({
		...node(join(root, 'scripts', name), ...args),
		env: COMPILE_CACHE,
	});
	return [
		{
			key: 'validate',
			label: '检查数据',
			...script('validate.ts'),
			// The photos are decoded (sharp, on libuv's threads) while the checks run on the main thread. With libuv's
			// four threads they took both cores from the checks for a while; with one, the checks keep a core. Large,
			// alternating six pairs: 11.7–13.0 s → 10.7–11.9 s, each pair faster, 0.7 s on average.
			env: { ...COMPILE_CACHE, UV_THREADPOOL_SIZE: '1' },
			after: [],
		},
		{ key: 'score', label: '计算评分', ...script('score.ts', '--quiet'), after: ['validate'] },
		{
			key: 'evidenceData',
			label: '写出评价记录开放数据',
			...script('opendata.ts', '--part', 'evidence'),
			after: ['validate'],
		},
		{
			key: 'gradesData',
			label: '写出评价结果开放数据',
			...script('opendata.ts', '--part', 'grades'),
			after: ['score'],
		},
		{
			key: 'account',
			label: '核对数据去向',
			...script('account.ts'),
			after: ['validate'],
			// Nothing of the site reads its result: only the check of what was published, at the end. So the pages do not
			// wait for it, and it runs beside the astro build's first seconds where a core is free (at city scale it came
			// last of the four stages after validation, 2.4 s alone). A build whose accounting fails still publishes nothing.
			background: true,
		},
		{
			key: 'astroBuild',
			label: '生成网站',
			...node(join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root),
			after: ['score', 'evidenceData', 'gradesData'],
			cwd: astroCwd,
			// Vite bundles with rolldown, whose allocator (mimalloc) keeps freed memory for a while before it gives it
			// back; the pages are rendered in the same process right after. Giving it back at once lowers the stage's
			// peak by about 200 MB at city scale (large: 2.01–2.12 GB → 1.83–1.88 GB over four runs, same time).
			//
			// Astro's telemetry is off: on a machine's first build it prints a notice in English to the office, and at
			// every build's end it tries to post to telemetry.astro.build, which a closed network never answers.
			env: { MIMALLOC_PURGE_DELAY: '0', ASTRO_TELEMETRY_DISABLED: '1' },
			// Astro's account of its steps in English is left out, its count of pages said in Chinese.
			tidy: astroLine,
		},
		{
			key: 'twinData',
			label: '写出中文表头的 CSV',
			...script('opendata.ts', '--twins'),
			// Beside the astro build, on the core it leaves idle much of the time: at city scale 160 files and a million
			// rows, 8～10 s and 0.3 GB beside Astro's 1.7 GB (the two stages' peaks do not meet: the build's peak stayed
			// at 1.83～1.84 GB), Astro no slower. After the search index, as they were, they added 7.4 s to the end of
			// every build.
			after: ['evidenceData', 'gradesData'],
			background: true,
		},
		{
			key: 'pagefind',
			label: '建立搜索索引',
			// Pagefind, told to skip the pages kept out of the index (scripts/lib/search-glob.ts).
			...script('search-index.ts', '--site', outDir, '--silent'),
			// The index reads only the HTML pages Astro wrote; the open data is put into /data/ after it. After the
			// Chinese twins too, though it does not read them: nothing is ever beside Pagefind's 1.8 GB.
			after: ['astroBuild', 'twinData', 'account'],
		},
		{
			key: 'publishData',
			label: '发布开放数据',
			...script('opendata.ts', '--publish', outDir),
			// After the search index, not beside it: Pagefind's index-building peak (about 1.8 GB at city scale) landed
			// on the open-data stages (0.35 GB) and the check (0.45 GB) whenever Pagefind ran a few seconds faster than
			// usual, and the build went over 2 GB (2,059 and 2,300 MB in two bench runs). After it, the peak is the
			// largest single stage's.
			after: ['pagefind'],
		},
		{
			key: 'verifyPublished',
			label: '核对发布结果',
			...script('account.ts', '--verify', outDir),
			// It compares the site with the accounting's counts (`accounts.json`).
			after: ['publishData', 'account'],
		},
	];
}

/**
 * Node's compile cache for the script stages, where Astro keeps its own (`module.enableCompileCache()`, the system's
 * temporary folder): the code a stage compiled is kept and the next build's stages start from it, about 0.3 s each.
 * The demo build, three runs each, alternating: 13.3～13.4 s → 11.8～13.0 s. Node checks each entry against the code it
 * was made from, and writes it aside and renames it; `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
const COMPILE_CACHE = {
	NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'node-compile-cache'),
};

/**
 * The V8 flags of every Node stage. `--max-semi-space-size=32` caps the young generation, where the rows being read
 * and the objects of the page being rendered are made. Node's default grows with the machine's memory (64 MiB each
 * here, with 24 GB); copying the survivors of that much at every scavenge made validating the double benchmark
 * dataset (two million rows) take 20.8–21.6 s and 2.5 GB, against 15.1–16.3 s and 1.8 GB with 32 (three runs each;
 * large: the same time). The astro stage peaks about 120 MB lower at the same speed; 16 made it 2 s slower. Fixed
 * here, the build also behaves the same on a machine with more or less memory. See src/docs/performance.md.
 */
export const NODE_FLAGS = ['--max-semi-space-size=32'];

/** How many stages run at once. */
export const STAGE_JOBS = Math.max(1, availableParallelism());

/**
 * Runs the stages, each once those it needs have passed, at most `jobs` at a time, starting ready stages in list
 * order. `run` is told whether the stage can never run beside another (every other stage comes before or after it,
 * or runs in the `background`).
 * Resolves with each stage's result when all have passed; rejects with the first failure once the stages already
 * running have finished (`run` settles only when its process has ended), so that nothing is left writing when the
 * caller cleans up.
 */
export async function runStages<T>(
	stages: readonly BuildStage[],
	run: (stage: BuildStage, alone: boolean) => Promise<T>,
	jobs = STAGE_JOBS,
): Promise<Map<string, T>> {
	const needs = (key: string): Set<string> => {
		const all = new Set<string>();
		for (const k of stages.find((s) => s.key === key)?.after ?? [])
			for (const n of [k, ...needs(k)]) all.add(n);
		return all;
	};
	const ancestors = new Map(stages.map((s) => [s.key, needs(s.key)]));
	const alone = (s: BuildStage) =>
		!s.background &&
		stages.every(
			(o) => o === s || o.background || ancestors.get(s.key)!.has(o.key) || ancestors.get(o.key)!.has(s.key),
		);

	const results = new Map<string, T>();
	const started = new Set<string>();
	const running = new Set<Promise<void>>();
	let failure: { error: unknown } | undefined;
	for (;;) {
		for (const s of stages) {
			if (failure || running.size >= jobs) break;
			if (started.has(s.key) || !s.after.every((k) => results.has(k))) continue;
			started.add(s.key);
			const p: Promise<void> = run(s, alone(s))
				.then(
					(r) => void results.set(s.key, r),
					(error: unknown) => void (failure ??= { error }),
				)
				.finally(() => running.delete(p));
			running.add(p);
		}
		if (running.size === 0) break;
		await Promise.race(running);
	}
	if (failure) throw failure.error;
	const stuck = stages.filter((s) => !started.has(s.key)).map((s) => s.key);
	if (stuck.length) throw new Error(`这些构建阶段等待的阶段不存在：${stuck.join('、')}`);
	return results;
}
