/**
 * e2e setup: builds the demo data (data/) with a fixed as-of date into a private work folder with the real build
 * command, serves it on 127.0.0.1, and hands the URL and paths to the tests.
 *
 * The build runs in the background: Vitest creates no test worker before the global setup returns, so a build
 * awaited here kept every worker of both projects idle for its whole length (17–30 s on two cores). The unit files
 * start at once instead; each browser test file waits in `demo-ready.ts` until the build has ended, and fails with
 * its output if it failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
		/** The file the demo build's result (`DemoBuild`) is written to when it ends (`demo-ready.ts` waits for it). */
		demoResult: string;
	}
}

export default async function setup(project: TestProject) {
	const root = resolve(import.meta.dirname, '..', '..');
	// A private work folder per run, so parallel runs (and the office's own dist/) never collide.
	const work = mkdtempSync(join(tmpdir(), 'xy-e2e-'));
	const distDir = resolve(work, 'dist');
	const demoResult = join(work, 'demo-build.json');
	const child = spawn('node', ['scripts/build.ts'], {
		cwd: root,
		env: {
			...process.env,
			SOURCE_DATE_EPOCH: E2E_EPOCH,
			OUT_DIR: distDir,
			CACHE_DIR: work,
			DATA_DIR: resolve(root, 'data'),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (b: Buffer) => (output += b));
	child.stderr.on('data', (b: Buffer) => (output += b));
	const ended = new Promise<void>((done) =>
		child.on('close', (code) => {
			const result: DemoBuild = { ok: code === 0, output };
			// Written aside and renamed: a waiting test file never reads half of it.
			writeFileSync(`${demoResult}.tmp`, JSON.stringify(result));
			renameSync(`${demoResult}.tmp`, demoResult);
			done();
		}),
	);
	const { server, url } = await serveStatic(distDir);
	project.provide('baseUrl', url);
	project.provide('distDir', distDir);
	project.provide('asOf', '2026-11-22');
	const shareDir = join(work, 'shared');
	mkdirSync(shareDir);
	project.provide('shareDir', shareDir);
	project.provide('demoResult', demoResult);
	return async () => {
		// A run stopped early (a failed filter, Ctrl-C) may end before the build: stop it before its folder goes.
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await ended;
		await new Promise<void>((done) =>
			server.close(() => {
				rmSync(work, { recursive: true, force: true });
				done();
			}),
		);
	};
}

/** How the demo build ended, with what it printed. */
export interface DemoBuild {
	ok: boolean;
	output: string;
}
