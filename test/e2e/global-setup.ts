/**
 * e2e setup: builds the demo data (data/) with a fixed as-of date into .cache/e2e/dist with the real build command,
 * serves it on 127.0.0.1, and hands the URL and paths to the tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server.ts';

/** 2026-11-22 00:00 Asia/Shanghai: the as-of date the e2e expectations are written for. */
export const E2E_EPOCH = '1795276800';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		distDir: string;
		asOf: string;
		/** Where the test files of this run share builds that several of them need (`sharedBuild`). */
		shareDir: string;
	}
}

export default async function setup(project: TestProject) {
	const root = resolve(import.meta.dirname, '..', '..');
	// A private work folder per run, so parallel runs (and the office's own dist/) never collide.
	const work = mkdtempSync(join(tmpdir(), 'xy-e2e-'));
	const distDir = resolve(work, 'dist');
	const r = spawnSync('node', ['scripts/build.ts'], {
		cwd: root,
		env: {
			...process.env,
			SOURCE_DATE_EPOCH: E2E_EPOCH,
			OUT_DIR: distDir,
			CACHE_DIR: work,
			DATA_DIR: resolve(root, 'data'),
		},
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`演示站点构建失败：\n${r.stdout}\n${r.stderr}`);
	const { server, url } = await serveStatic(distDir);
	project.provide('baseUrl', url);
	project.provide('distDir', distDir);
	project.provide('asOf', '2026-11-22');
	const shareDir = join(work, 'shared');
	mkdirSync(shareDir);
	project.provide('shareDir', shareDir);
	return () =>
		new Promise<void>((done) =>
			server.close(() => {
				rmSync(work, { recursive: true, force: true });
				done();
			}),
		);
}
