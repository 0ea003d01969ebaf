/**
 * `npm run validate`: checks every file under DATA_DIR (default data/) and, when they are clean, the released
 * quarters' results against their snapshots and corrections (the build's ledger check); prints every problem as
 * `path:line:column: 说明 (code)`, then a count per code. Exit 1 on any error, 0 when clean.
 */
import { performance } from 'node:perf_hooks';
import { diskFiles, shownPrefix, validateDataDir } from '../src/loaders/data-dir.ts';
import { changedWhile, dataListing } from '../src/loaders/data-listing.ts';
import { hasErrors, reportLines } from '../src/lib/issues.ts';
import { saveSnapshot } from '../src/loaders/snapshot.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixFolder, formatChange } from '../src/lib/validate/fix.ts';
import { ledgerCheck, scoreDataset } from '../src/loaders/pipeline.ts';
import { exitWhenWritten } from './lib/exit.ts';
import { refuseUnknownOptions } from './lib/options.ts';
import { existingDataDir } from './lib/data-folder.ts';

// No stack trace reaches the office: every problem in the data is an issue of the report, and should the program
// itself fail, it says so in one line (the stack with DEBUG=1, for the developer).
process.on('uncaughtException', (e) => {
	console.error(`检查程序内部错误：${e.message}。这不是数据的问题，请把这条信息告诉网站维护人员。`);
	if (process.env.DEBUG) console.error(e.stack);
	process.exit(2);
});

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
	console.log(`用法：npm run validate [-- --quiet] [-- --fix]

检查数据目录（环境变量 DATA_DIR，默认 data/）中的全部文件，逐条列出问题：
  文件:行:列: 说明 (错误代码)
有任何错误时退出码为 1，全部通过时为 0。

  --quiet   只打印汇总
  --fix     先自动修正安全的格式问题，逐条列出改动（文件:行:列: 原值 → 新值），再检查：
            UTF-8 文件加 BOM、GBK 文件转为 UTF-8（带 BOM）；编号、数字、日期、选项中的全角字符改为半角；
            去掉单元格前后的空格；2022/11/22、2022年11月22日、20221122、2022/11/22 0:00:00 等日期改写为 2022-11-22；
            删去表头最后没有列名、各行也都是空的列。
            文字内容（事项、理由、姓名等）除前后空格外不做任何改动。`);
	process.exit(0);
}
refuseUnknownOptions(args, ['--quiet', '--fix', '--help', '-h'], 'npm run validate');
const dir = existingDataDir();
if (args.includes('--fix')) {
	const results = fixFolder(diskFiles(dir), shownPrefix(dir));
	let n = 0;
	for (const r of results) {
		for (const c of r.changes) console.log(formatChange(c));
		if (r.skipped) console.log(`${shownPrefix(dir)}${r.rel}: ${r.skipped}`);
		if (r.bytes) writeFileSync(join(dir, r.rel), r.bytes);
		n += r.changes.length;
	}
	console.log(`自动修正：${results.filter((r) => r.bytes).length} 个文件、${n} 处改动。\n`);
}
// What the folder holds as the checks start: a file saved while they run (WPS saves by itself) is named at the end.
// Inside `npm run build` the build lists the folder around all its stages itself.
const before = process.env.XINYONG_BUILD_ID ? undefined : dataListing(dir);
const t0 = performance.now();
const dataset = await validateDataDir(dir);
const ms = performance.now() - t0;
// Inside `npm run build`, the later stages read this validated dataset instead of validating again.
saveSnapshot(dir, dataset);
// Clean data is scored and held to the releases, as the build's next stage does: a released quarter's results changed
// without a correction would pass here and stop the build. Inside `npm run build` that stage does it itself.
const issues =
	process.env.XINYONG_BUILD_ID || hasErrors(dataset.issues)
		? dataset.issues
		: [...dataset.issues, ...ledgerCheck(dataset, scoreDataset(dataset))];
const lines = reportLines(issues);
// Quiet: the totals line (and the --fix hint after it, when there is one).
if (args.includes('--quiet'))
	for (const l of lines.slice(lines.findLastIndex((l) => l.startsWith('共 ')))) console.log(l);
else for (const l of lines) console.log(l);
const rows = dataset.files.reduce((s, f) => s + f.rowsIn, 0);
const placeholders = dataset.files.reduce((s, f) => s + (f.placeholders ?? 0), 0);
console.log(
	`检查了 ${dataset.files.length} 个表格文件、${rows} 行数据，用时 ${ms.toFixed(0)} 毫秒（${shownPrefix(dir)}）。`,
);
if (placeholders)
	console.log(
		`其中 ${placeholders} 行是尚未填写的空白预填行（只有记录编号、单位编号、指标编号），不公布、不计分。`,
	);
const changed = before
	? changedWhile(
			dir,
			before,
			'检查期间',
			'上面的结果可能混用了改动前后的内容',
			'请保存好全部文件后再运行一次 npm run validate。',
		)
	: [];
for (const line of changed) console.error(line);
await exitWhenWritten(hasErrors(issues) || changed.length ? 1 : 0);
