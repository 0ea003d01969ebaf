/**
 * `npm run build`: the stages of `scripts/stages.ts` (validate → score, row accounting and evidence files side by
 * side, grades files after scoring → astro build → open data into the site → pagefind index). Stops at the first
 * failing stage; `dist/` is written only after validation and scoring have passed, and is removed if a later stage
 * fails, so a broken build never leaves a partial site behind.
 *
 * A stage that runs alone prints as it goes; stages running side by side each print their output in one piece when
 * they finish, so that their lines never interleave.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildStages, runStages, type BuildStage } from './stages.ts';

const outDir = process.env.OUT_DIR || 'dist';

// One id per build: the stages hand the validated dataset on only within it (src/loaders/snapshot.ts).
const env = {
	...process.env,
	XINYONG_BUILD_ID: process.env.XINYONG_BUILD_ID || `${process.pid}-${Date.now()}`,
};

class StageFailed extends Error {}

/** Runs one stage; resolves when it has passed, rejects (after printing its output) when it has failed. */
function run({ label, command, args }: BuildStage, alone: boolean): Promise<void> {
	const t0 = performance.now();
	const child = spawn(command, args, { env, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	child.stdout?.on('data', (b: Buffer) => out.push(b));
	child.stderr?.on('data', (b: Buffer) => err.push(b));
	return new Promise((done, fail) => {
		child.on('error', (e) => {
			console.error(`${label}：${e.message}`);
			fail(new StageFailed(label));
		});
		child.on('close', (code) => {
			process.stdout.write(Buffer.concat(out));
			process.stderr.write(Buffer.concat(err));
			if (code !== 0) return fail(new StageFailed(label));
			console.log(`✓ ${label}（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`);
			done();
		});
	});
}

try {
	await runStages(buildStages(resolve(import.meta.dirname, '..'), outDir), run);
} catch (e) {
	rmSync(outDir, { recursive: true, force: true });
	if (!(e instanceof StageFailed)) console.error(e);
	console.error(`\n构建失败：${e instanceof StageFailed ? e.message : '构建脚本'}未通过，没有发布任何内容。`);
	process.exit(1);
}
