/**
 * `npm run gen:scale -- --units N --quarters Q --exemplars E --commitments C --out DIR [--seed S]`: writes a valid
 * synthetic dataset of any size in the real file formats (the ones `src/schemas/` define), so that
 * `DATA_DIR=DIR npm run validate` passes with 0 errors and `npm run build` runs on it unchanged. Seeded and
 * deterministic: the same arguments write the same bytes. For the performance benchmark (issue 8), not for the public.
 *
 * What it writes, and how it keeps each file valid:
 * - `site.json` (demo: true), `policies/` copied from `data/policies/`;
 * - `units.csv` + `unit-names.csv`: towns, parks, A- and B-class departments in the demo's proportions, every tenth
 *   unit renamed once (name history with non-overlapping periods); every unit exists throughout;
 * - `rubrics/<YYYY>.json` for every year the quarters cover: `data/rubrics/2022.json` with the year changed (and
 *   2022's, which the copied policy document links to);
 * - `evidence/<YYYY-Qn>.csv`: the quarters end with `--last` (default 2026-Q3, so no year is later than the
 *   calendars and the as-of date know); per unit and quarter one 完成 row per done-indicator, an occasional verified
 *   incident, one 评分 row per judged indicator, and 事项 rows of the per-item indicators up to `--rows` rows per
 *   unit-quarter on average (default 104: 120 units × 80 quarters ≈ 1,000,000 rows, the scoring benchmark's size);
 * - `releases/releases.csv`: every quarter released 20 days after its end (each is complete: an indicator a unit has
 *   nothing for gets a 无 row);
 * - `dishonesty.csv`: about one record per 200 unit-quarters, most of them repaired;
 * - `exemplars/`: at most 2 candidates per recommending unit per year (seed 000 第六条), recommended by 12-10, four
 *   credit-review replies each, one 公示 a year starting in January of the next year (in 2026, in December: every
 *   notice falls in a year `chinese-days` knows), a few disqualified, failed, objected-to and revoked candidates;
 *   a story of ≥ 1500 字 each and one 120×160 photo (a copy of `data/exemplars/photos/2022-001.jpg`);
 * - `commitments/`: commitments of towns, parks and some A-class departments with 0–2 dated updates;
 * - `pledges.csv`: about 5 pledges per town or park per year with valid 统一社会信用代码 (GB 32100-2015 check character).
 *
 * Each file's header and column order come from its table in `src/schemas/`. The row builders live in
 * `scripts/lib/gen-scale/`, one module per family of files; this is the command line.
 */
import { parseArgs } from 'node:util';
import { isQuarterId, type QuarterId } from '../src/lib/quarters.ts';
import { generateDataset } from './lib/gen-scale/dataset.ts';

export { generateDataset, type ScaleOptions, type ScaleSummary } from './lib/gen-scale/dataset.ts';

if (import.meta.main) {
	const { values } = parseArgs({
		options: {
			units: { type: 'string' },
			quarters: { type: 'string' },
			exemplars: { type: 'string' },
			commitments: { type: 'string' },
			out: { type: 'string' },
			seed: { type: 'string' },
			rows: { type: 'string' },
			last: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	const usage = `用法：npm run gen:scale -- --units N --quarters Q --exemplars E --commitments C --out DIR [--seed S] [--rows R] [--last 2026-Q3]

生成一个任意规模、格式与 data/ 完全相同且能通过检查的合成数据集（用于性能测试，不用于发布）。
  --units        被评价单位数
  --quarters     季度数（到 --last 为止，默认 2026-Q3）
  --exemplars    诚信典型候选人数（每单位每年至多 2 人）
  --commitments  公开承诺数
  --rows         平均每个单位每季度的评价记录行数（默认 104：120 个单位 × 80 个季度约 100 万行）
  --seed         随机种子（默认 20221122）；参数相同则生成的文件逐字节相同`;
	const num = (v: string | undefined, name: string) => {
		const n = Number(v);
		if (v === undefined || !Number.isInteger(n) || n < 0) {
			console.error(`缺少或错误的参数 --${name}\n\n${usage}`);
			process.exit(2);
		}
		return n;
	};
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	if (!values.out) {
		console.error(`缺少参数 --out\n\n${usage}`);
		process.exit(2);
	}
	if (values.last !== undefined && !isQuarterId(values.last)) {
		console.error(`--last 应写作 2026-Q3 这样的季度`);
		process.exit(2);
	}
	const t0 = performance.now();
	const s = generateDataset({
		units: num(values.units, 'units'),
		quarters: num(values.quarters, 'quarters'),
		exemplars: num(values.exemplars, 'exemplars'),
		commitments: num(values.commitments, 'commitments'),
		out: values.out,
		seed: values.seed === undefined ? undefined : num(values.seed, 'seed'),
		rows: values.rows === undefined ? undefined : num(values.rows, 'rows'),
		last: values.last as QuarterId | undefined,
	});
	console.log(
		`已生成 ${values.out}：${s.units} 个单位、${s.quarters} 个季度（${s.firstQuarter}～${s.lastQuarter}）、${s.evidence.toLocaleString('en')} 行评价记录、${s.dishonesty} 条失信记录、${s.candidates} 名候选人、${s.commitments} 项承诺（${s.updates} 条进展）、${s.pledges} 份企业承诺，用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒。`,
	);
}
