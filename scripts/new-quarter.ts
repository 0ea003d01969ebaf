/**
 * `npm run new:quarter -- 2024-Q1`: creates DATA_DIR/evidence/2024-Q1.csv with a blank row for every unit active in
 * the quarter and every indicator that applies to it and takes evidence rows. Never overwrites a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDataset } from '../src/lib/validate/dataset.ts';
import { readTable } from '../src/lib/validate/read-table.ts';
import { evidenceTable } from '../src/schemas/evidence.ts';
import { diskFiles, shownPrefix } from '../src/loaders/data-dir.ts';
import { formatIssue } from '../src/lib/issues.ts';
import { isQuarterId, quarterLabel } from '../src/lib/quarters.ts';
import { placeholderCsv, placeholders } from '../src/lib/office/new-quarter.ts';
import { refuseUnknownOptions } from './lib/options.ts';
import { existingDataDir } from './lib/data-folder.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || args.length === 0) {
	console.log(`用法：npm run new:quarter -- <季度>      例如：npm run new:quarter -- 2024-Q1

新建该季度的评价记录文件 data/evidence/<季度>.csv（数据目录由环境变量 DATA_DIR 指定，默认 data/）：
该季度存在的每个单位 × 适用于其类别、需要填写评价记录的每项指标，各预填一行，只填记录编号、单位编号和指标编号。
指标 5.2（企业信用承诺）、5.3（政务诚信公开承诺）等由其他数据自动计算的指标不列入。

之后逐行补填类型、日期、数量、得分、事项、来源、理由；没有发生的事项可以保留空白行，也可以删除。
空白行通过检查，但不公布、不计分；只有空白行的季度不会发布。

需要该年度的评价指标文件 rubrics/<年>.json；文件已存在时不会覆盖。`);
	process.exit(args.length === 0 ? 1 : 0);
}
refuseUnknownOptions(args, ['--help', '-h'], 'npm run new:quarter');
const quarter = args.find((a) => !a.startsWith('-'));
if (!quarter || !isQuarterId(quarter)) {
	console.error(`季度应写作 <年>-Q<季度>，例如 2024-Q1，而不是 "${quarter ?? ''}"`);
	process.exit(1);
}
const dir = existingDataDir();
const shown = shownPrefix(dir);
const rel = `evidence/${quarter}.csv`;
if (existsSync(join(dir, rel))) {
	console.error(`${shown}${rel} 已存在，不会覆盖。要重新生成，请先删除或改名该文件。`);
	process.exit(1);
}
const year = Number(quarter.slice(0, 4));
const files = diskFiles(dir);
const dataset = validateDataset(files, shown);
// The rows come from units.csv and the year's rubric: both must be free of errors, or the file would miss rows.
const blocking = dataset.issues.filter(
	(i) => i.severity === 'error' && [`${shown}units.csv`, `${shown}rubrics/${year}.json`].includes(i.file),
);
if (blocking.length) {
	for (const i of blocking) console.error(formatIssue(i));
	console.error(`\nunits.csv 或 rubrics/${year}.json 有错误，请先改正（npm run validate）再生成。`);
	process.exit(1);
}
const rubric = dataset.rubrics.get(year);
if (!rubric) {
	console.error(
		`没有 ${year} 年的评价指标文件 ${shown}rubrics/${year}.json：请先添加该年度的评价指标，再生成 ${quarter} 的评价记录文件。`,
	);
	process.exit(1);
}
const rows = placeholders(
	quarter,
	dataset.units.map((u) => u.value),
	rubric,
);
// Record ids are unique across all quarters: refuse rather than write a file the validator would reject.
const taken = new Set<string>();
for (const name of files.list('evidence')) {
	const bytes = files.read(`evidence/${name}`);
	if (bytes && name.endsWith('.csv'))
		for (const id of readTable(evidenceTable, bytes, name, { declare: ['id'] }).declared('id')) taken.add(id);
}
const clash = rows.filter((r) => taken.has(r.id));
if (clash.length) {
	console.error(
		`记录编号 ${clash
			.map((r) => r.id)
			.slice(0, 5)
			.join('、')}${clash.length > 5 ? ' 等' : ''} 已在其他季度的评价记录中使用，无法生成。`,
	);
	process.exit(1);
}
mkdirSync(join(dir, 'evidence'), { recursive: true });
writeFileSync(join(dir, rel), placeholderCsv(rows));
const unitCount = new Set(rows.map((r) => r.unitId)).size;
console.log(`已创建 ${shown}${rel}（${quarterLabel(quarter)}，${year} 年评价指标）：
${unitCount} 个单位，共 ${rows.length} 行预填记录（记录编号 ${rows[0]?.id ?? '—'}～${rows.at(-1)?.id ?? '—'}）。
请逐行补填类型、日期、事项、来源等；空白行不公布、不计分。填好后运行 npm run validate 检查。`);
