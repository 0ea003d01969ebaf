/**
 * `npm run release -- <季度> --date <发布日期> --doc <文号>` (发布), `-- <季度> --seal` (封存已有的发布),
 * `-- <季度> --correct --date … --doc … --reason …` (登记更正). Validates and scores DATA_DIR, then writes what
 * `src/lib/office/release.ts` decides; writes nothing when it refuses.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset, scoreDataset } from '../src/loaders/pipeline.ts';
import { diskFiles, shownPrefix } from '../src/loaders/data-dir.ts';
import { isQuarterId } from '../src/lib/quarters.ts';
import { asOfDate } from '../src/lib/asof.ts';
import { correctQuarter, releaseQuarter, sealQuarter, type Outcome } from '../src/lib/office/release.ts';
import { parseArgsMessage } from './lib/options.ts';
import { existingDataDir } from './lib/data-folder.ts';

process.on('uncaughtException', (e) => {
	console.error(`发布工具内部错误：${e.message}。这不是数据的问题，请把这条信息告诉网站维护人员。`);
	if (process.env.DEBUG) console.error(e.stack);
	process.exit(2);
});

const HELP = `用法：
  npm run release -- <季度> --date <发布日期> --doc <文号> [--note <备注>]
      发布一个季度的评价结果，例如：npm run release -- 2024-Q1 --date 2024-04-20 --doc 淮信用办〔2024〕3号
      先检查数据；季度必须填全（每个单位的每项适用指标至少一行，没有可报的事实填一行类型为“无”的记录）。
      把这一季度的结果写入 data/releases/<季度>.json（发布快照），并在 data/releases/releases.csv 加一行
      发布记录，含结果指纹（快照文件的 SHA-256）。请提交这两个文件。

  npm run release -- <季度> --seal
      为已登记、但还没有结果指纹的发布补写发布快照和结果指纹（按现有的结果）。

  npm run release -- <季度> --correct --date <更正日期> --doc <文号> --reason <理由> [--id <更正编号>]
      已发布季度的结果有变化时（构建会列出变化并拒绝发布），把每个单位每个项目的原值和新值记入
      data/releases/corrections.csv。更正编号不写时自动编为 GZ-<年>-<序号>。

数据目录由环境变量 DATA_DIR 指定（默认 data/）。`;

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			date: { type: 'string' },
			doc: { type: 'string' },
			note: { type: 'string' },
			reason: { type: 'string' },
			id: { type: 'string' },
			seal: { type: 'boolean' },
			correct: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
	});
} catch (e) {
	const known = ['--date', '--doc', '--note', '--seal', '--correct', '--reason', '--id', '--help'];
	console.error(`${parseArgsMessage(e, 'npm run release', known)}\n\n${HELP}`);
	// A command line it cannot read: exit 2, as every command's unknown option (scripts/lib/options.ts).
	process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
	console.log(HELP);
	process.exit(0);
}
const quarter = positionals[0];
if (!quarter || !isQuarterId(quarter) || positionals.length > 1) {
	console.error(
		`${quarter && !isQuarterId(quarter) ? `季度应写作 <年>-Q<季度>，例如 2024-Q1，而不是 "${quarter}"` : '请写明一个季度'}\n\n${HELP}`,
	);
	process.exit(1);
}
if (values.seal && values.correct) {
	console.error('--seal 和 --correct 不能同时使用');
	process.exit(1);
}

let dataset;
try {
	dataset = loadDataset();
} catch (e) {
	console.error(`${(e as Error).message}\n\n数据有错误，没有发布或更改任何文件。`);
	process.exit(1);
}
const dir = existingDataDir();
const shown = shownPrefix(dir);
const files = diskFiles(dir);
const read = (rel: string) => files.read(rel);
const results = scoreDataset(dataset);
const outcome: Outcome = values.seal
	? sealQuarter(dataset, results, quarter, read, shown, asOfDate())
	: values.correct
		? correctQuarter(dataset, results, quarter, values, read, shown, asOfDate())
		: releaseQuarter(dataset, results, quarter, values, read, shown);
if (!outcome.ok) {
	for (const e of outcome.errors) console.error(e);
	console.error('没有写入任何文件。');
	process.exit(1);
}
for (const w of outcome.writes) {
	const path = join(dir, w.rel);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, w.text);
	// Read back: what was written is what the fingerprint was taken of.
	if (readFileSync(path, 'utf8') !== w.text) throw new Error(`${shown}${w.rel} 写入后读回的内容不同`);
}
for (const l of outcome.lines) console.log(l);
