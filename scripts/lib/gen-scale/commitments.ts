/** Public commitments with their updates, and enterprise credit pledges. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quarterStart, type QuarterId } from '../../../src/lib/quarters.ts';
import { addDays } from '../../../src/lib/calendar/workdays.ts';
import { USCC_CHARSET, usccCheckChar } from '../../../src/lib/uscc.ts';
import {
	commitmentTable,
	commitmentUpdateTable,
	type CommitmentRow,
	type CommitmentUpdateRow,
} from '../../../src/schemas/commitment.ts';
import { pledgeTable, type PledgeRow } from '../../../src/schemas/pledge.ts';
import { csvTable, type Cells } from './csv.ts';
import { dayIn, pad, type Rand } from './random.ts';
import { GIVEN, PLACE_A, type Unit } from './units.ts';

/** A valid 统一社会信用代码: 91 (enterprise), 320803 (淮安区), a 9-character organisation code, the check character. */
function uscc(r: Rand): string {
	let org = '';
	for (let i = 0; i < 9; i++) org += USCC_CHARSET[r.int(USCC_CHARSET.length)];
	const first17 = `91320803${org}`;
	return first17 + usccCheckChar(first17)!;
}

/**
 * Writes `commitments/`: `count` commitments of towns, parks and every fourth A-class department in the rubric's
 * categories, made from the first quarter to `lastDay`, with 0–2 dated updates each; returns how many of each.
 */
export function writeCommitments(
	r: Rand,
	out: string,
	units: readonly Unit[],
	categories: readonly string[],
	count: number,
	first: QuarterId,
	lastDay: string,
): { commitments: number; updates: number } {
	const committing = units.filter(
		(u, i) => u.category === 'town' || u.category === 'park' || (u.category === 'A' && i % 4 === 0),
	);
	const commitments: Cells<CommitmentRow>[] = [];
	const updates: Cells<CommitmentUpdateRow>[] = [];
	const perUnit = new Map<string, number>();
	for (let i = 0; i < count; i++) {
		const u = committing[i % committing.length];
		const seq = (perUnit.get(u.id) ?? 0) + 1;
		perUnit.set(u.id, seq);
		const id = `CN-${u.id}-${pad(seq, 4)}`;
		const category = categories[(seq - 1 + r.int(3)) % categories.length];
		const madeOn = dayIn(r, quarterStart(first), lastDay);
		const dueBy = addDays(madeOn, 90 + r.int(640));
		commitments.push({
			id,
			unitId: u.id,
			category,
			content: `${category}领域公开承诺第 ${seq} 项：${r.pick(['限时办结群众诉求', '年内完成设施建设', '按月公开办理进度', '无分歧欠款动态清零', '服务事项一次办好'])}`,
			standardContent: r.pick([
				'热线、信访、网络问政诉求统一登记、限时办理',
				'政策咨询、场地对接、贷款申请代办',
				'日间照料、助餐、助浴服务',
			]),
			standardQuality: r.pick([
				'按期办结率 100%，回访满意率不低于 95%',
				'群众满意度不低于 95%',
				'符合条件的申请 10 个工作日内完成初审',
			]),
			standardDeadline: r.pick(['当年 12 月底前', '常年', '5 个工作日内答复']),
			madeOn,
			dueBy,
		});
		const fate = r.next();
		let d = madeOn;
		const next = (min: number, span: number) => (d = addDays(d, min + r.int(span))) <= lastDay;
		if (fate < 0.6) {
			if (r.chance(0.5) && next(30, 120))
				updates.push({
					commitmentId: id,
					date: d,
					status: '履行中',
					evidence: '工作正常开展，本季度未收到群众投诉',
				});
			if (next(30, 300))
				updates.push({
					commitmentId: id,
					date: d,
					status: '已兑现',
					evidence: '已按承诺完成，结果在单位网站和公开栏公示',
				});
		} else if (fate < 0.7) {
			if (next(30, 200))
				updates.push({
					commitmentId: id,
					date: d,
					status: '依法变更',
					evidence: '因上级政策调整，经集体研究并公告，承诺内容依法变更',
				});
		} else if (fate < 0.75) {
			if (next(60, 400))
				updates.push({
					commitmentId: id,
					date: d,
					status: '未兑现',
					evidence: '因资金未落实，承诺未能按期兑现，已向社会说明',
				});
		} else if (r.chance(0.5) && next(30, 120))
			updates.push({ commitmentId: id, date: d, status: '履行中', evidence: '已完成前期摸底，正在组织实施' });
	}
	mkdirSync(join(out, 'commitments'));
	writeFileSync(
		join(out, 'commitments', 'commitments.csv'),
		csvTable<CommitmentRow>(commitmentTable).file(commitments),
	);
	writeFileSync(
		join(out, 'commitments', 'updates.csv'),
		csvTable<CommitmentUpdateRow>(commitmentUpdateTable).file(updates),
	);
	return { commitments: commitments.length, updates: updates.length };
}

/** Writes `pledges.csv`: about 5 pledges per town or park per year, signed from the first quarter to `lastDay`. */
export function writePledges(
	r: Rand,
	out: string,
	units: readonly Unit[],
	years: readonly number[],
	first: QuarterId,
	lastDay: string,
): number {
	const local = units.filter((u) => u.category === 'town' || u.category === 'park');
	const pledges: Cells<PledgeRow>[] = [];
	const industries = ['环保设备', '建材', '食品', '印刷', '生物科技', '机械制造', '纺织', '物流'];
	for (const y of years)
		for (const u of local)
			for (let k = 0; k < 5; k++) {
				const from = `${y}-01-01` < quarterStart(first) ? quarterStart(first) : `${y}-01-01`;
				const to = `${y}-12-31` > lastDay ? lastDay : `${y}-12-31`;
				if (from > to) continue;
				pledges.push({
					id: `QY-${y}-${pad(pledges.length + 1, 6)}`,
					enterprise: `淮安${r.pick([...PLACE_A])}${r.pick([...GIVEN])}${r.pick(industries)}有限公司`,
					uscc: uscc(r),
					kinds: r.pick(['安全、环保、纳税', '安全', '环保、纳税', '纳税']),
					signedOn: dayIn(r, from, to),
					unitId: u.id,
				});
			}
	writeFileSync(join(out, 'pledges.csv'), csvTable<PledgeRow>(pledgeTable).file(pledges));
	return pledges.length;
}
