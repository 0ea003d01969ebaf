/** The quarters' evidence files and the release of every quarter. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quarterEnd, quarterStart, type QuarterId } from '../../../src/lib/quarters.ts';
import { addDays } from '../../../src/lib/calendar/workdays.ts';
import type { Indicator, Rubric } from '../../../src/schemas/rubric.ts';
import { evidenceTable, type EvidenceRow } from '../../../src/schemas/evidence.ts';
import { releaseTable, type ReleaseRow } from '../../../src/schemas/release.ts';
import { csvTable } from './csv.ts';
import { dayIn, pad, type Rand } from './random.ts';
import type { Unit } from './units.ts';

/** Evidence row texts per indicator of the 2022 rubric (a generated rubric is that rubric with the year changed). */
const WHAT: Record<string, (r: Rand, n: number) => string> = {
	'1.1': (r) => `行政许可和行政处罚“双公示”信息 ${r.int(300) + 20} 条在 7 天内全量归集报送`,
	'1.2': (r) => `按月归集行政强制、行政检查等信息 ${r.int(200) + 10} 条`,
	'1.3': (r) => `按月归集信用承诺及履约信息 ${r.int(120) + 5} 条`,
	'2.1': () => `本季度信用审查与联合奖惩制度建设评审`,
	'3.1': (r, n) =>
		`“信易批”容缺受理事项第 ${n} 件（${r.pick(['营业执照变更', '施工许可', '食品经营许可', '排污许可', '道路运输许可'])}）`,
	'3.2': (r) => `招商引资政策承诺按期兑现，本季度兑现奖补资金 ${r.int(900) + 50} 万元`,
	'3.3': () => `经法院核查，本季度无失信被执行人记录、无因违约败诉案件`,
	'3.4': () => `经纪委、网信办核查，本季度无问责、无政务失信负面舆情`,
	'3.5': (r, n) => `《江苏省社会信用条例》宣贯培训第 ${n} 场，参训 ${r.int(150) + 20} 人`,
	'3.6': (r, n) =>
		`诚信“五进”宣传活动第 ${n} 场（${r.pick(['进校园', '进企业', '进街道社区', '进村镇', '进商圈'])}）`,
	'5.1': (r) => `“信用村（居）”现场验收 ${r.int(3) + 1} 个`,
	'5.4': () => `信用管理创新案例评审`,
};
const INCIDENT: Record<string, string> = {
	'1.1': '省信息中心抽查比对通报双公示信息漏报 1 条，经核实属实',
	'3.2': '以负责人调整为由未兑现招商协议约定的租金减免，经核实属实',
	'3.3': '因合同纠纷被判决败诉，经法院提供数据核实',
	'3.4': '政务失信负面舆情 1 起，经网信办核实',
};
const SOURCE: Record<string, string> = {
	'3.2': '财政局、工信局',
	'3.3': '法院',
	'3.4': '纪委、网信办',
};
const REASONS = [
	'制度健全，执行到位，台账完整',
	'制度基本健全，个别环节执行记录不完整',
	'创新做法被市级部门推广应用，成效明显',
	'现场验收合格，组织机制和实施方案完备',
	'材料齐全，但执行情况记录较少，酌情扣分',
];

/** Writes the evidence files; returns the number of rows. */
export function writeEvidence(
	r: Rand,
	out: string,
	units: readonly Unit[],
	quarters: readonly QuarterId[],
	rubrics: ReadonlyMap<number, Rubric>,
	rowsPerUnitQuarter: number,
): number {
	mkdirSync(join(out, 'evidence'), { recursive: true });
	const table = csvTable<EvidenceRow>(evidenceTable);
	let total = 0;
	for (const q of quarters) {
		const rubric = rubrics.get(Number(q.slice(0, 4)))!;
		const from = quarterStart(q);
		const to = quarterEnd(q);
		const lines: string[] = [table.header];
		let seq = 0;
		const id = () => `${q.replace('-', '')}-${pad(++seq, 6)}`;
		for (const u of units) {
			const applicable = rubric.indicators.filter(
				(i) =>
					i.appliesTo.includes(u.category) &&
					i.rule.kind !== 'commitmentCoverage' &&
					!(i.rule.kind === 'perItem' && i.rule.source === 'pledges'),
			);
			const perItem = applicable.filter((i) => i.rule.kind === 'perItem');
			const row = (
				ind: Indicator,
				kind: string,
				what: string,
				extra: { count?: number; points?: number; reason?: string } = {},
			) => {
				reported.add(ind.id);
				lines.push(
					table.line({
						id: id(),
						unitId: u.id,
						indicatorId: ind.id,
						kind,
						date: dayIn(r, from, to),
						count: extra.count,
						points: extra.points,
						what,
						source: SOURCE[ind.id] ?? '信用办',
						reason: extra.reason,
					}),
				);
			};
			let n = 0;
			const reported = new Set<string>();
			for (const ind of applicable) {
				const rule = ind.rule;
				if (rule.kind === 'done') {
					if (r.chance(0.92)) (row(ind, '完成', WHAT[ind.id]?.(r, 1) ?? `${ind.title}已完成`), n++);
					if (rule.deduction && r.chance(0.02))
						(row(ind, '扣分', INCIDENT[ind.id] ?? `${rule.deduction.what}，经核实属实`), n++);
				} else if (rule.kind === 'judged') {
					const p = ind.id === '5.1' ? 0.3 : 0.85;
					if (r.chance(p)) {
						const points = Math.round(r.next() * ind.max * 2) / 2;
						row(ind, '评分', WHAT[ind.id]?.(r, 1) ?? `${ind.title}评审`, {
							points,
							reason: r.pick(REASONS),
						});
						n++;
					}
				}
			}
			// Per-item rows up to the target: the target varies ±50% between unit-quarters around the average.
			const target = Math.max(n, Math.round(rowsPerUnitQuarter * (0.5 + r.next())));
			const counters = new Map<string, number>();
			for (let k = n; k < target && perItem.length; k++) {
				const ind = r.pick(perItem);
				const c = (counters.get(ind.id) ?? 0) + 1;
				counters.set(ind.id, c);
				row(ind, '事项', WHAT[ind.id]?.(r, c) ?? `${ind.title}第 ${c} 项`, {
					count: r.chance(0.1) ? 2 : undefined,
				});
			}
			// A released quarter is complete: an indicator with nothing to report gets a 无 row.
			for (const ind of applicable) if (!reported.has(ind.id)) row(ind, '无', '本季度无可报事项');
		}
		total += seq;
		writeFileSync(join(out, 'evidence', `${q}.csv`), '\uFEFF' + lines.join('\n') + '\n');
	}
	return total;
}

/** Writes `releases/releases.csv`: every quarter released 20 days after it ended (the last one, too: the as-of date of a build is later). */
export function writeReleases(out: string, quarters: readonly QuarterId[]): void {
	mkdirSync(join(out, 'releases'), { recursive: true });
	writeFileSync(
		join(out, 'releases', 'releases.csv'),
		csvTable<ReleaseRow>(releaseTable).file(
			quarters.map((q, i) => ({
				quarter: q,
				releasedOn: addDays(quarterEnd(q), 20),
				docNumber: `淮信用办〔${q.slice(0, 4)}〕${i + 1}号`,
			})),
		),
	);
}
