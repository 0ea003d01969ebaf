/** `dishonesty.csv`: a unit's recorded breaches of trust, and their repair. */
import { dishonestyTable, type DishonestyRow } from '../../../schemas/dishonesty.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { unitRef, type Units } from './units.ts';

/**
 * The valid records: of a known unit, with a repair dated no earlier than the record and described with its date.
 * `declared` has every record id typed in the file, valid row or not, for the objections that name a record.
 */
export function checkDishonesty(
	ctx: CheckContext,
	units: Units,
): { rows: Located<DishonestyRow>[]; declared: Set<string> } {
	const file = ctx.table<DishonestyRow>(dishonestyTable, 'dishonesty.csv', true, { declare: ['id'] });
	const rows = ctx.unique(file.records, ['id'], '记录编号');
	const valid = ctx.keep(rows, (r) => {
		const unit = unitRef(ctx, units, r, 'unitId');
		const { date, repairedOn, repairHow } = r.value;
		if (repairedOn && repairedOn < date)
			ctx.at(r, 'repairedOn', 'date-order', `修复日期 ${repairedOn} 早于认定日期 ${date}`);
		if (repairedOn && !repairHow) ctx.at(r, 'repairHow', 'required', '填写了修复日期，也要写明修复方式');
		if (!repairedOn && repairHow) ctx.at(r, 'repairedOn', 'required', '填写了修复方式，也要填写修复日期');
		return unit !== undefined;
	});
	return { rows: valid, declared: file.declared('id') };
}
