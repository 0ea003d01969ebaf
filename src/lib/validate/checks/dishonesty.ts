/** `dishonesty.csv`: a unit's recorded breaches of trust, and their repair. */
import { dishonestyTable, type DishonestyRow } from '../../../schemas/dishonesty.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { unitRef, type Units } from './units.ts';

/** The valid records: of a known unit, with a repair dated no earlier than the record and described with its date. */
export function checkDishonesty(ctx: CheckContext, units: Units): Located<DishonestyRow>[] {
	const rows = ctx.unique(
		ctx.table<DishonestyRow>(dishonestyTable, 'dishonesty.csv', true).records,
		['id'],
		'记录编号',
	);
	return ctx.keep(rows, (r) => {
		const unit = unitRef(ctx, units, r, 'unitId');
		const { date, repairedOn, repairHow } = r.value;
		if (repairedOn && repairedOn < date)
			ctx.at(r, 'repairedOn', 'date-order', `修复日期 ${repairedOn} 早于认定日期 ${date}`);
		if (repairedOn && !repairHow) ctx.at(r, 'repairHow', 'required', '填写了修复日期，也要写明修复方式');
		if (!repairedOn && repairHow) ctx.at(r, 'repairedOn', 'required', '填写了修复方式，也要填写修复日期');
		return unit !== undefined;
	});
}
