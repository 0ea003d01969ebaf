/** `unit-names.csv`: the names of each unit over time. */
import { unitNameTable, type UnitNameRow } from '../../../schemas/unit.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Units } from './units.ts';
import { didYouMean } from '../suggest.ts';
import { quoteValue } from '../../quote.ts';

/**
 * The valid unit names. A name of an unknown unit or with its end before its start is rejected. Every unit must have
 * a name, and a unit's names follow each other: each but the first starts after the one before it ends. A unit whose
 * only name rows have errors of their own, or a unit-names.csv that cannot be read at all, is not said to lack a
 * name on top of those errors.
 */
export function checkUnitNames(ctx: CheckContext, units: Units): Located<UnitNameRow>[] {
	const file = ctx.table<UnitNameRow>(unitNameTable, 'unit-names.csv', true, { declare: ['unitId'] });
	const named = file.declared('unitId');
	const names = ctx.keep(file.records, (n) => {
		const { unitId, from, to } = n.value;
		if (!units.byId.has(unitId)) {
			if (!units.declared.has(unitId))
				ctx.at(
					n,
					'unitId',
					'foreign-key',
					`单位编号 ${quoteValue(unitId)} 不在 units.csv 中${didYouMean(units.suggest(unitId))}`,
				);
			return false;
		}
		// Stryker disable next-line ConditionalExpression,LogicalOperator: with a date blank, the comparison is with undefined, which is false.
		if (from && to && to < from) ctx.at(n, 'to', 'date-order', `停用日期 ${to} 早于启用日期 ${from}`);
		return true;
	});
	const namesOf = Map.groupBy(names, (n) => n.value.unitId);
	for (const u of units.rows) {
		const own = (namesOf.get(u.value.id) ?? []).sort((a, b) =>
			// Stryker disable next-line EqualityOperator: two names starting on the same day overlap whichever comes first.
			(a.value.from ?? '') < (b.value.from ?? '') ? -1 : 1,
		);
		if (own.length === 0 && !named.has(u.value.id))
			ctx.at(u, 'id', 'missing-name', `单位 ${quoteValue(u.value.id)} 在 unit-names.csv 中没有名称`);
		for (let i = 1; i < own.length; i++) {
			const prev = own[i - 1].value;
			const cur = own[i];
			if (!prev.to || !cur.value.from || cur.value.from <= prev.to)
				ctx.at(
					cur,
					'from',
					'overlap',
					`单位 ${quoteValue(u.value.id)} 的名称时段重叠：上一个名称 ${quoteValue(prev.name)} 须在本名称启用前停用`,
				);
		}
	}
	return names;
}
