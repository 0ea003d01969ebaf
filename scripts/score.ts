/**
 * `npm run score`: validates DATA_DIR, scores every quarter with an evidence file, prints each quarter's table
 * (unit, category, score, grade, rank) and writes the results of the released quarters to `.cache/score.json` for the
 * site build; a draft quarter is scored and printed, never written there. A released quarter whose results differ
 * from its snapshot, as corrected (src/lib/ledger/), fails the stage and nothing is written. Warns when a draft, or the latest release,
 * moves more than a quarter of the units by a grade.
 */
import {
	datasetReleases,
	ledgerCheck,
	loadDataset,
	scoreDataset,
	writeScoreFile,
	SCORE_CACHE,
} from '../src/loaders/pipeline.ts';
import { gradeSwings, swingWarning } from '../src/lib/releases.ts';
import { reportLines } from '../src/lib/issues.ts';
import { GRADES, labelsOf, UNIT_CATEGORIES } from '../src/schemas/enums.ts';
import { exitWhenWritten } from './lib/exit.ts';
import { refuseUnknownOptions } from './lib/options.ts';

const GRADE_LABEL = labelsOf(GRADES);

if (process.argv.includes('--help')) {
	console.log(
		'用法：npm run score [-- --quiet]\n\n检查数据后计算每个季度的得分、等次和排名，打印结果表，并写入 .cache/score.json 供网站构建使用。',
	);
	process.exit(0);
}
refuseUnknownOptions(process.argv.slice(2), ['--quiet', '--help'], 'npm run score');
let dataset;
try {
	dataset = loadDataset();
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
const t0 = performance.now();
const quarters = scoreDataset(dataset);
const ms = performance.now() - t0;
const releases = datasetReleases(dataset);
// No silent change: a released quarter's results that differ from its snapshot, as corrected, stop the build here,
// before anything the site reads is written.
const ledger = ledgerCheck(dataset, quarters);
if (ledger.length) {
	for (const line of reportLines(ledger)) console.error(line);
	console.error('已发布季度的评价结果与发布快照和更正台账不符，没有写出评分结果，网站不会更新。');
	await exitWhenWritten(1);
}
writeScoreFile(quarters, releases);
const label = (c: string) => UNIT_CATEGORIES.find((x) => x.value === c)?.label ?? c;
const pad = (s: string, n: number) =>
	s + ' '.repeat(Math.max(0, n - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 2 : 1), 0)));
if (!process.argv.includes('--quiet'))
	for (const q of quarters) {
		const release = releases.get(q.quarter);
		console.log(
			`\n== ${q.quarter}（${q.rubric} 年指标；${release ? `${release.releasedOn} 发布，${release.docNumber}` : '草稿，尚未发布'}）==`,
		);
		console.log(`${pad('单位', 36)}${pad('类别', 6)}${pad('得分', 8)}${pad('等次', 8)}排名`);
		for (const u of q.units)
			console.log(
				`${pad(u.name, 36)}${pad(label(u.category), 6)}${pad(u.score.toFixed(1), 8)}${pad(GRADE_LABEL[u.grade] + (u.overrides.length ? '*' : ''), 8)}${u.rank}`,
			);
	}
const n = quarters.reduce((s, q) => s + q.units.length, 0);
const drafts = quarters.filter((q) => !releases.has(q.quarter));
console.log(
	`\n评分完成：${quarters.length} 个季度、${n} 个单位次，用时 ${ms.toFixed(0)} 毫秒；结果写入 ${SCORE_CACHE}。（* 表示因失信记录调整了等次）`,
);
if (drafts.length)
	console.log(
		`其中 ${drafts.map((q) => q.quarter).join('、')} 尚未发布（草稿），不会出现在网站上；预览请运行 npm run report -- <季度>。`,
	);
// A second look before and just after a release: the drafts, and the latest public quarter.
const published = new Map(quarters.filter((q) => releases.has(q.quarter)).map((q) => [q.quarter, q]));
const latest = [...published.keys()].sort().at(-1);
for (const q of quarters.filter((q) => !releases.has(q.quarter) || q.quarter === latest)) {
	const warning = swingWarning(
		releases.has(q.quarter) ? `${q.quarter}（已发布）` : `${q.quarter}（草稿）`,
		gradeSwings(q, published),
		GRADE_LABEL,
	);
	if (warning) console.warn(warning);
}
