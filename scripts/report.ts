/**
 * `npm run report -- 2023-Q4`: prints a quarter's results summary for the leadership report (类别和等次统计、各类别
 * 前后名次、失信调整、较上季度变化). Validates and scores DATA_DIR itself; writes nothing.
 */
import { loadDataset } from '../src/loaders/pipeline.ts';
import { latestQuarter, quarterReport, scoreDataset } from '../src/lib/office/report.ts';
import { isQuarterId } from '../src/lib/quarters.ts';
import { asOfDate } from '../src/lib/asof.ts';
import { changedWhile, dataListing } from '../src/loaders/data-listing.ts';
import { refuseUnknownOptions } from './lib/options.ts';
import { existingDataDir } from './lib/data-folder.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
	console.log(`用法：npm run report -- [季度]      例如：npm run report -- 2023-Q4

打印该季度评价结果摘要，供向领导小组汇报：各类别单位数和红、蓝、黄名单个数及平均分，
各类别前三名和后三名（6 个及以下全部列出），因失信记录调整等次的单位及原因，
与上一个评价季度相比等次升降、得分升降幅度最大的单位。不写任何文件。

尚未发布的季度（草稿：releases/releases.csv 中没有它的发布记录）打印为预览：每个单位的得分、
等次和与上一个已发布季度相比的变化，还缺哪些单位哪些指标的评价记录，以及等次变化过多的提醒。

不写季度时为最近一个评价季度。数据目录由环境变量 DATA_DIR 指定（默认 data/），
“数据截至”日期由 SOURCE_DATE_EPOCH 指定（默认今天）。可用 > 把结果存为文本文件，例如：
  npm run report -- 2023-Q4 > 2023年第四季度评价结果.txt`);
	process.exit(0);
}
refuseUnknownOptions(args, ['--help', '-h'], 'npm run report');
const wanted = args.find((a) => !a.startsWith('-'));
if (wanted !== undefined && !isQuarterId(wanted)) {
	console.error(`季度应写作 <年>-Q<季度>，例如 2023-Q4，而不是 "${wanted}"`);
	process.exit(1);
}
let quarters;
let dataset;
const asOf = asOfDate();
// A file saved while the report reads the folder is named at the end (the report may mix both versions).
const dir = existingDataDir();
const before = dataListing(dir);
try {
	dataset = loadDataset();
	quarters = scoreDataset(dataset, asOf);
} catch (e) {
	// The build's words are "不能发布"; the clerk asked for a preview, which nothing publishes.
	console.error(
		(e as Error).message.replace(/^数据有错误，不能发布：/, '数据有错误，改正之前不能预览评价结果：'),
	);
	process.exit(1);
}
const quarter = wanted ?? latestQuarter(quarters);
if (!quarter) {
	console.error('还没有任何评价季度（data/evidence/ 下没有填写了评价记录的季度文件）。');
	process.exit(1);
}
try {
	for (const line of quarterReport(dataset, quarters, quarter, asOf)) console.log(line);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
const changed = changedWhile(
	dir,
	before,
	'汇总期间',
	'上面的结果可能混用了改动前后的内容',
	'请保存好全部文件后再运行一次 npm run report。',
);
for (const line of changed) console.error(line);
if (changed.length) process.exit(1);
