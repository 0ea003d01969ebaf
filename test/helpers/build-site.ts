/**
 * Builds a site from a data folder with the real build command, into a private temporary folder (its own OUT_DIR,
 * CACHE_DIR and ASTRO_CACHE_DIR), so tests never touch dist/ or each other's builds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** SOURCE_DATE_EPOCH of midnight (Asia/Shanghai) at the start of a date. */
export function epochOf(date: string): string {
	return String(Date.parse(`${date}T00:00:00+08:00`) / 1000);
}

/** Builds `dataDir` as of `date`; returns where the site is and the build's output. */
export function buildSite(
	dataDir: string,
	date: string,
): { dist: string; work: string; ok: boolean; output: string } {
	const work = mkdtempSync(join(tmpdir(), 'xy-site-'));
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
