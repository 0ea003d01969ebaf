/** `pledges.csv`: enterprises' credit pledges, collected by towns and parks. */
import { pledgeTable, type PledgeRow } from '../../../schemas/pledge.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { categoryLabel, checkUnitOn, unitRef, type Units } from './units.ts';
import { quoteValue } from '../../quote.ts';

/** The valid pledges: collected by a known town or park (属地行政监管). */
export function checkPledges(ctx: CheckContext, units: Units): Located<PledgeRow>[] {
	const rows = ctx.unique(
		ctx.table<PledgeRow>(pledgeTable, 'pledges.csv', true).records,
		['id'],
		'承诺书编号',
	);
	return ctx.keep(rows, (r) => {
		const unit = unitRef(ctx, units, r, 'unitId');
		if (unit && unit.category !== 'town' && unit.category !== 'park')
			ctx.at(
				r,
				'unitId',
				'not-applicable',
				`企业信用承诺由镇街或园区收集（属地行政监管），${quoteValue(unit.id)} 是${categoryLabel(unit.category)}单位`,
			);
		// A pledge is counted for its town from the day it was signed (5.2): a unit that did not exist then earns nothing
		// for it, and a merged unit is no longer scored at all, so the point would be lost without a word.
		checkUnitOn(ctx, r, unit, 'signedOn', r.value.signedOn);
		return unit !== undefined;
	});
}
