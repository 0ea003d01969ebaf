/**
 * The stages of `npm run build`, in order: run by `scripts/build.ts`, and one by one, timed, by `npm run bench`.
 * Each is its own process; the validated dataset passes from one to the next as a snapshot (src/loaders/snapshot.ts).
 */
import { join } from 'node:path';

export interface BuildStage {
	/** The stage's key in `bench/results.json`. */
	key: string;
	/** What the build prints when the stage has passed or failed. */
	label: string;
	command: string;
	args: string[];
}

/** The stages for the project at `root`, building into `outDir`. */
export function buildStages(root: string, outDir: string): BuildStage[] {
	const script = (name: string, ...args: string[]) => ({
		command: process.execPath,
		args: [join(root, 'scripts', name), ...args],
	});
	const bin = (name: string) => join(root, 'node_modules', '.bin', name);
	return [
		{ key: 'validate', label: '检查数据', ...script('validate.ts', '--quiet') },
		{ key: 'score', label: '计算评分', ...script('score.ts', '--quiet') },
		{ key: 'account', label: '核对数据去向', ...script('account.ts') },
		{ key: 'opendata', label: '写出开放数据', ...script('opendata.ts') },
		{ key: 'astroBuild', label: '生成网站', command: bin('astro'), args: ['build', '--root', root] },
		{ key: 'publishData', label: '发布开放数据', ...script('opendata.ts', '--publish', outDir) },
		{
			key: 'pagefind',
			label: '建立搜索索引',
			command: bin('pagefind'),
			args: ['--site', outDir, '--silent'],
		},
	];
}
