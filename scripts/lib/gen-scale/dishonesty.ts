/** 失信 records of the generated units, most of them repaired. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quarterEnd, quarterStart, type QuarterId } from '../../../src/lib/quarters.ts';
import { addDays } from '../../../src/lib/calendar/workdays.ts';
import { dishonestyTable, type DishonestyRow } from '../../../src/schemas/dishonesty.ts';
import { csvTable, type Cells } from './csv.ts';
import { dayIn, pad, type Rand } from './random.ts';
import type { Unit } from './units.ts';

/** Writes `dishonesty.csv` with `n` records dated from the first quarter to the last; returns how many. */
export function writeDishonesty(
	r: Rand,
	out: string,
	units: readonly Unit[],
	n: number,
	first: QuarterId,
	last: QuarterId,
): number {
	const dishonesty: Cells<DishonestyRow>[] = [];
	const lastDay = quarterEnd(last);
	for (let i = 0; i < n; i++) {
		const u = r.pick(units);
		const date = dayIn(r, quarterStart(first), lastDay);
		const severity = r.pick(['一般', '一般', '一般', '较重', '严重']);
		const kind = r.chance(0.3) ? '违约' : '失信';
		const repaired = r.chance(0.7) ? addDays(date, 30 + r.int(200)) : undefined;
		const repairedOn = repaired && repaired <= lastDay ? repaired : undefined;
		dishonesty.push({
			id: `SX-${date.slice(0, 4)}-${pad(i + 1, 5)}`,
			unitId: u.id,
			date,
			severity,
			kind,
			what:
				kind === '违约'
					? '以负责人调整为由未按协议兑现对企业的奖补承诺，经核实属实'
					: '未按公开承诺时限办结群众诉求，经 12345 热线投诉核实',
			source: r.pick(['法院', '纪委', '网信办', '财政局、工信局']),
			repairedOn,
			repairHow: repairedOn
				? '已整改到位并公开说明情况，向区信用办提交信用修复申请，经审核同意修复'
				: undefined,
		});
	}
	writeFileSync(join(out, 'dishonesty.csv'), csvTable<DishonestyRow>(dishonestyTable).file(dishonesty));
	return dishonesty.length;
}
