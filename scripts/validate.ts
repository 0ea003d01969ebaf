/**
 * `npm run validate`: checks every file under DATA_DIR (default data/) and prints every problem as
 * `path:line:column: 说明 (code)`, then a count per code. Exit 1 on any error, 0 when clean.
 */
import { performance } from 'node:perf_hooks';
import { validateDataset } from '../src/lib/validate/dataset.ts';
import { dataDir, diskFiles, shownPrefix } from '../src/loaders/data-dir.ts';
import { hasErrors, reportLines } from '../src/lib/issues.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
	console.log(`用法：npm run validate [-- --quiet]

检查数据目录（环境变量 DATA_DIR，默认 data/）中的全部文件，逐条列出问题：
  文件:行:列: 说明 (错误代码)
有任何错误时退出码为 1，全部通过时为 0。

  --quiet   只打印汇总`);
	process.exit(0);
}
const dir = dataDir();
const t0 = performance.now();
const dataset = validateDataset(diskFiles(dir), shownPrefix(dir));
const ms = performance.now() - t0;
const lines = reportLines(dataset.issues);
if (args.includes('--quiet')) console.log(lines[lines.length - 1]);
else for (const l of lines) console.log(l);
const rows = dataset.files.reduce((s, f) => s + f.rowsIn, 0);
console.log(
	`检查了 ${dataset.files.length} 个表格文件、${rows} 行数据，用时 ${ms.toFixed(0)} 毫秒（${shownPrefix(dir)}）。`,
);
process.exit(hasErrors(dataset.issues) ? 1 : 0);
