/**
 * Builds a site from a data folder with the real build command, into a private temporary folder (its own OUT_DIR,
 * CACHE_DIR and ASTRO_CACHE_DIR), so tests never touch dist/ or each other's builds.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** SOURCE_DATE_EPOCH of midnight (Asia/Shanghai) at the start of a date. */
export function epochOf(date: string): string {
	return String(Date.parse(`${date}T00:00:00+08:00`) / 1000);
}

/**
 * Builds `dataDir` as of `date` in `work` (a new temporary folder unless given); returns where the site is and the
 * build's output.
 */
export function buildSite(
	dataDir: string,
	date: string,
	work = mkdtempSync(join(tmpdir(), 'xy-site-')),
): { dist: string; work: string; ok: boolean; output: string } {
	const dist = join(work, 'dist');
	const r = spawnSync('node', ['scripts/build.ts'], {
		cwd: root,
		env: {
			...process.env,
			SOURCE_DATE_EPOCH: epochOf(date),
			DATA_DIR: dataDir,
			OUT_DIR: dist,
			CACHE_DIR: join(work, 'cache'),
			ASTRO_CACHE_DIR: join(work, 'astro'),
		},
		encoding: 'utf8',
	});
	return { dist, work, ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
}

/**
 * A build that several test files of one run need (the same data as of the same date), made once in `shareDir`: the
 * first file to ask builds it, the others wait for it instead of building it again beside it (each build of the demo
 * data is most of a minute on a slow two-core machine). The run's global teardown removes `shareDir`; a test file
 * must not remove a shared build.
 */
export async function sharedBuild(
	shareDir: string,
	dataDir: string,
	date: string,
): Promise<{ dist: string; ok: boolean; output: string }> {
	const key = createHash('sha256')
		.update(`${resolve(dataDir)}\n${date}`)
		.digest('hex')
		.slice(0, 16);
	const result = join(shareDir, `${key}.json`);
	try {
		// Whoever makes this folder builds; mkdir is atomic.
		mkdirSync(join(shareDir, `${key}.building`));
	} catch {
		// Another file builds it: wait for its result (a build takes minutes at most on a loaded machine).
		await waitForFile(result, `等待共用的构建（${dataDir}，${date}）超过 10 分钟`);
		return JSON.parse(readFileSync(result, 'utf8'));
	}
	// Inside the share folder, which the run's teardown removes.
	const r = buildSite(dataDir, date, mkdtempSync(join(shareDir, 'site-')));
	const shared = { dist: r.dist, ok: r.ok, output: r.output };
	// Written aside and renamed: a waiting file never reads half of it.
	writeFileSync(`${result}.tmp`, JSON.stringify(shared));
	renameSync(`${result}.tmp`, result);
	return shared;
}

/**
 * Waits until `file` exists: the result another process writes aside and renames in when a build has ended. Throws
 * `tooLong` after ten minutes: a build of the demo takes under a minute on a loaded two-core machine, ten is a hang.
 */
export async function waitForFile(file: string, tooLong: string): Promise<void> {
	for (let waited = 0; !existsSync(file); waited += 250) {
		if (waited > 600_000) throw new Error(tooLong);
		await sleep(250);
	}
}
