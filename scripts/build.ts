/**
 * `npm run build`: the stages of `scripts/stages.ts` (validate → score, row accounting and evidence files side by
 * side, grades files after scoring → astro build, the open data's Chinese CSV twins beside it → the pagefind index →
 * the open data into the site → the check of what was published).
 *
 * The site is built into a staging folder next to `OUT_DIR` and swapped in only when every stage has passed. On a
 * failure, or on SIGINT/SIGTERM, the stages still running are stopped (each stage runs in its own process group, so
 * the signal reaches everything it started), the staging folder is removed and the previous `OUT_DIR` is left
 * exactly as it was. An `OUT_DIR` that is or holds the data, the sources or the project is refused before anything
 * is deleted, and two builds never share an output or cache folder (a lock file; the second one is refused).
 *
 * A stage that runs alone prints as it goes; stages running side by side each print their output in one piece when
 * they finish, so that their lines never interleave. No stack trace is passed on, nor Astro's line for every page
(`lib/stage-output.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildStages, runStages, type BuildStage } from './stages.ts';
import { buildPaths, outDirDanger } from './lib/build-paths.ts';
import { notASite, outDirLockPath, removeStale, swapIn, takeLock, type Lock } from './lib/out-dir.ts';
import { stackFilter, stackNote, systemHints, systemProblem } from './lib/stage-output.ts';
import { asOfDate, buildEpoch } from '../src/lib/asof.ts';
import { changedWhile, dataListing } from '../src/loaders/data-listing.ts';

const root = resolve(import.meta.dirname, '..');
const id = `${process.pid}-${Date.now()}`;
const paths = buildPaths(process.env, root, process.cwd(), id);

function refuse(message: string): never {
	console.error(`构建被拒绝：${message}。没有删除或改动任何文件。`);
	process.exit(2);
}

// A malformed SOURCE_DATE_EPOCH is said before any stage, not as the uncaught error of the first stage that reads it.
try {
	asOfDate();
} catch (e) {
	refuse((e as Error).message);
}

const danger = outDirDanger(paths) ?? notASite(paths.outDir);
if (danger) refuse(`${danger}；请把 OUT_DIR 设为单独的输出目录（默认 dist/）`);

const locks: Lock[] = [];
for (const [path, what] of [
	[outDirLockPath(paths.outDir), `输出目录 ${paths.outDir}`],
	[join(paths.cacheDir, 'build.lock'), `中间文件目录 ${paths.cacheDir}`],
] as const) {
	let lock: ReturnType<typeof takeLock>;
	try {
		lock = takeLock(path);
	} catch (e) {
		// The folder cannot be written (no permission, a file in the way): said in Chinese, not as Node's stack trace.
		for (const l of locks) l.release();
		if (process.env.DEBUG) console.error(e);
		refuse(`无法为${what} 建立锁文件。${systemProblem(e).replace(/。$/, '')}`);
	}
	if ('heldBy' in lock) {
		for (const l of locks) l.release();
		refuse(
			`另一个构建（进程 ${lock.heldBy || '未知'}）正在使用${what}；请等它结束，或为本次构建另设 OUT_DIR 和 CACHE_DIR`,
		);
	}
	locks.push(lock);
}
try {
	removeStale(dirname(paths.outDir), `.${basename(paths.outDir)}.`);
	removeStale(dirname(paths.work), 'build-');
	removeStale(dirname(paths.work), 'site-');
} catch (e) {
	for (const l of locks) l.release();
	if (process.env.DEBUG) console.error(e);
	refuse(`无法清理以前中断的构建留下的文件夹。${systemProblem(e).replace(/。$/, '')}`);
}

/** The file system a path is on (of its nearest existing folder: OUT_DIR's may not exist yet). */
function deviceOf(path: string): number {
	let p = resolve(path);
	while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
	return statSync(p).dev;
}
/**
 * Where the stages write the site. Astro moves its prerendered files into it with rename(), which cannot cross file
 * systems (EXDEV; its work folder is inside the project), and the open data is linked in from CACHE_DIR. So when
 * OUT_DIR is on another file system than the project (a mounted web root, a tmpfs), the site is built in a folder of
 * its own beside the work folder and copied next to OUT_DIR once every stage has passed, then swapped in as usual.
 */
const remote = deviceOf(dirname(paths.outDir)) !== deviceOf(root);
const building = remote ? join(dirname(paths.work), `site-${id}`) : paths.staging;

// Every stage sees the same absolute folders, whatever its working directory, and the same as-of date (fixed when
// the build starts, so a build running across midnight has one). One id per build: the stages hand the validated
// dataset on only within it (src/loaders/snapshot.ts).
const env = {
	...process.env,
	SOURCE_DATE_EPOCH: buildEpoch(),
	DATA_DIR: paths.dataDir,
	OUT_DIR: building,
	CACHE_DIR: paths.cacheDir,
	ASTRO_CACHE_DIR: paths.astroCacheDir,
	XINYONG_BUILD_ID: process.env.XINYONG_BUILD_ID || id,
};

class StageFailed extends Error {}

/** The data folder as the build found it before its first stage: it must be the same after the last. */
const dataBefore = dataListing(paths.dataDir);

/**
 * Names the data files saved, added or removed since the build began, and says what that means; whether there were
 * any. The stages read the folder at different times (validation first, the site's photos and texts minutes later at
 * city scale), so a finished site would hold checked and unchecked data side by side, or scores that do not match the
 * rows beside them; and a stage that failed may have failed on the change itself.
 */
function dataChangedDuringBuild(meaning: string): boolean {
	const lines = changedWhile(
		paths.dataDir,
		dataBefore,
		'构建期间',
		meaning,
		'请保存好全部文件、关闭自动保存后，重新运行 npm run build。',
	);
	for (const line of lines) console.error(line);
	return lines.length > 0;
}
const DATA_CHECK = '核对数据目录';

const running = new Set<ChildProcess>();
/** What the office can do about a failure of the machine (a full disk, a missing permission) a stage ran into. */
const hints = new Set<string>();
let stopping: NodeJS.Signals | undefined;

/** Stops every running stage and what it started (its whole process group). */
function stopAll(signal: NodeJS.Signals) {
	for (const child of running)
		try {
			process.kill(-child.pid!, signal);
		} catch {
			// Already gone.
		}
}

function stop(signal: NodeJS.Signals, why = `收到 ${signal}`) {
	if (stopping) return;
	stopping = signal;
	console.error(`\n${why}，正在停止构建…`);
	stopAll('SIGTERM');
	// A stage that ignores SIGTERM is killed outright after ten seconds.
	setTimeout(() => stopAll('SIGKILL'), 10_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
// Killing `npm run build` kills the shell npm started this script from, and a shell passes no signal on: the build
// would carry on and publish after the person who started it has stopped it. A build whose parent is gone stops.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop('SIGTERM', '启动构建的进程已结束'), 100).unref();

/** Runs one stage; resolves when it has passed, rejects (after printing its output) when it has failed. */
function run({ label, command, args, cwd, env: own, tidy }: BuildStage, alone: boolean): Promise<void> {
	if (stopping) return Promise.reject(new StageFailed(label));
	const t0 = performance.now();
	// A stage that runs alone prints as it goes, so the office knows what the wait is for (生成网站 takes about half a
	// minute at city scale); the output of stages side by side comes when each has ended, after its own ✓ line.
	if (alone) console.log(`${label}……`);
	const child = spawn(command, args, {
		// The stage's output comes through a pipe (to leave stack traces out): in a terminal it keeps its colours.
		env: { ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}), ...env, ...own },
		cwd: cwd ?? root,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	running.add(child);
	const held: [NodeJS.WriteStream, string][] = [];
	const filters = (
		[
			[child.stdout!, process.stdout],
			[child.stderr!, process.stderr],
		] as const
	).map(([from, to]) => {
		const filter = stackFilter(
			(text) => {
				for (const hint of systemHints(text)) hints.add(hint);
				if (alone) to.write(text);
				else held.push([to, text]);
			},
			Boolean(process.env.DEBUG),
			tidy,
		);
		from.setEncoding('utf8');
		from.on('data', (text: string) => filter.push(text));
		return filter;
	});
	return new Promise((done, fail) => {
		child.on('error', (e) => {
			running.delete(child);
			console.error(`${label}：${e.message}`);
			fail(new StageFailed(label));
		});
		child.on('close', (code) => {
			running.delete(child);
			for (const f of filters) f.end();
			for (const [to, text] of held) to.write(text);
			const dropped = filters.reduce((n, f) => n + f.dropped, 0);
			if (dropped) console.error(stackNote(dropped, hints.size > 0));
			if (code !== 0 || stopping) return fail(new StageFailed(label));
			console.log(`✓ ${label}（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`);
			done();
		});
	});
}

let status = 0;
try {
	mkdirSync(building, { recursive: true });
	mkdirSync(paths.work, { recursive: true });
	await runStages(buildStages(root, building, paths.work), run);
	if (stopping) throw new StageFailed('');
	if (dataChangedDuringBuild('网站可能混用了改动前后的数据，所以不发布')) throw new StageFailed(DATA_CHECK);
	if (remote) cpSync(building, paths.staging, { recursive: true });
	swapIn(paths.staging, paths.outDir, id);
	console.log(`网站已发布到 ${paths.outDir}。`);
} catch (e) {
	rmSync(paths.staging, { recursive: true, force: true });
	rmSync(building, { recursive: true, force: true });
	if (stopping) {
		console.error(`构建已中止（${stopping}），${paths.outDir} 保持原样，没有发布任何内容。`);
		status = stopping === 'SIGINT' ? 130 : 143;
	} else {
		// A failure of this script itself (the swap into OUT_DIR, say): in Chinese, the stack trace only with DEBUG=1.
		if (!(e instanceof StageFailed)) {
			if (process.env.DEBUG) console.error(e);
			console.error(systemProblem(e));
			for (const hint of systemHints(String(e))) hints.delete(hint);
		}
		for (const hint of hints) console.error(hint);
		if (!(e instanceof StageFailed && e.message === DATA_CHECK))
			dataChangedDuringBuild('这可能就是构建失败的原因');
		console.error(
			`\n构建失败：${e instanceof StageFailed ? e.message : '构建脚本'}未通过，没有发布任何内容；${paths.outDir} 保持原样。`,
		);
		status = 1;
	}
} finally {
	rmSync(paths.work, { recursive: true, force: true });
	if (remote) rmSync(building, { recursive: true, force: true });
	for (const l of locks) l.release();
}
process.exit(status);
