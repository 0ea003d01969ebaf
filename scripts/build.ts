/**
 * `npm run build`: the stages of `scripts/stages.ts` (validate → score → account → open data files → astro build →
 * open data into the site → pagefind index). Stops at the first failing stage; `dist/` is written only after
 * validation and scoring have passed, and is removed if a later stage fails, so a broken build never leaves a partial
 * site behind.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildStages } from './stages.ts';

const outDir = process.env.OUT_DIR || 'dist';

// One id per build: the stages hand the validated dataset on only within it (src/loaders/snapshot.ts).
const env = {
	...process.env,
	XINYONG_BUILD_ID: process.env.XINYONG_BUILD_ID || `${process.pid}-${Date.now()}`,
};
for (const { label, command, args } of buildStages(resolve(import.meta.dirname, '..'), outDir)) {
	const t0 = performance.now();
	const r = spawnSync(command, args, { stdio: 'inherit', env });
	if (r.status !== 0) {
		rmSync(outDir, { recursive: true, force: true });
		console.error(`\n构建失败：${label}未通过，没有发布任何内容。`);
		process.exit(1);
	}
	console.log(`✓ ${label}（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`);
}
