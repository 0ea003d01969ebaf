/**
 * `npm run build`: validate → score → astro build → pagefind index. Stops at the first failing stage; `dist/` is
 * written only after validation and scoring have passed, and is removed if a later stage fails, so a broken build
 * never leaves a partial site behind.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const outDir = process.env.OUT_DIR || 'dist';

const stages: [string, string[]][] = [
	['检查数据', ['node', 'scripts/validate.ts', '--quiet']],
	['计算评分', ['node', 'scripts/score.ts', '--quiet']],
	['核对数据去向', ['node', 'scripts/account.ts']],
	['生成网站', ['astro', 'build']],
	['建立搜索索引', ['pagefind', '--site', outDir, '--silent']],
];
// One id per build: the stages hand the validated dataset on only within it (src/loaders/snapshot.ts).
const env = {
	...process.env,
	XINYONG_BUILD_ID: process.env.XINYONG_BUILD_ID || `${process.pid}-${Date.now()}`,
};
for (const [name, [cmd, ...args]] of stages) {
	const t0 = performance.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', env });
	if (r.status !== 0) {
		rmSync(outDir, { recursive: true, force: true });
		console.error(`\n构建失败：${name}未通过，没有发布任何内容。`);
		process.exit(1);
	}
	console.log(`✓ ${name}（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`);
}
