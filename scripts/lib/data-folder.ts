/**
 * The data folder an office command reads (DATA_DIR, default data/), refused in one line when it is not there: a
 * mistyped DATA_DIR listed every required file as missing (fourteen `missing-file` errors) instead of saying so.
 */
import { existsSync, statSync } from 'node:fs';
import { dataDir } from '../../src/loaders/data-dir.ts';

export function existingDataDir(): string {
	const dir = dataDir();
	if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
	const named = process.env.DATA_DIR ? '（环境变量 DATA_DIR 所指）' : '';
	console.error(
		`找不到数据目录 ${dir}${named}${existsSync(dir) ? '：它是一个文件，不是文件夹' : ''}；请检查路径，或在项目的文件夹中运行命令。`,
	);
	process.exit(2);
}
