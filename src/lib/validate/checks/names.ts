/** `unit-names.csv`: the names of each unit over time. */
import { unitNameTable, type UnitNameRow } from '../../../schemas/unit.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Units } from './units.ts';
import { didYouMean } from '../suggest.ts';
import { quoteValue } from '../../quote.ts';
import { addDays } from '../../calendar/workdays.ts';
import type { UnitRow } from '../../../schemas/unit.ts';

/**
 * A name as a reader tells it from another: compatibility forms as their usual character (NFKC: 金 U+F90A and the
 * Kangxi radical ⾦ are 金, full-width letters half-width), without spaces, invisible format characters or combining
 * marks.
 */
export const nameKey = (name: string) =>
	name.normalize('NFKC').replace(/[\s\p{Cf}\p{Mn}\u115F\u1160\u3164\uFFA0]/gu, '');

/**
 * The days a name was a unit's, as a half-open range of ISO dates [start, end): from the later of the name's first day
 * and the unit's, to the earlier of the day after the name's last (停用日期 is its last day) and the unit's end
 * (撤销日期 is its first day gone). Blank is open.
 */
function nameDays(n: UnitNameRow, u: UnitRow): { start: string; end: string } {
	const later = (a: string, b: string) => (a > b ? a : b);
	const earlier = (a: string, b: string) => (a < b ? a : b);
	return {
		start: later(n.from ?? '', u.from ?? ''),
		end: earlier(n.to ? addDays(n.to, 1) : '9999-12-31', u.to ?? '9999-12-31'),
	};
}

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
	checkSameNames(ctx, names, units);
	return names;
}

/**
 * Two units named alike at the same time (`nameKey`: the same name, or one that reads the same with a hidden
 * character or a look-alike form) are an error at the later row: the site would show two units a reader cannot tell
 * apart. A unit set up under the name of one dissolved the day before is not.
 */
function checkSameNames(ctx: CheckContext, names: readonly Located<UnitNameRow>[], units: Units): void {
	const byKey = Map.groupBy(names, (n) => nameKey(n.value.name));
	for (const group of byKey.values())
		for (let i = 1; i < group.length; i++) {
			const cur = group[i];
			const days = nameDays(cur.value, units.byId.get(cur.value.unitId)!.value);
			const other = group.slice(0, i).find((o) => {
				if (o.value.unitId === cur.value.unitId) return false;
				const d = nameDays(o.value, units.byId.get(o.value.unitId)!.value);
				return d.start < days.end && days.start < d.end;
			});
			if (other)
				ctx.at(
					cur,
					'name',
					'duplicate-name',
					`名称 ${quoteValue(cur.value.name)} 与单位 ${quoteValue(other.value.unitId)} 同时使用的名称 ${quoteValue(other.value.name)}（第 ${other.line} 行）${other.value.name === cur.value.name ? '相同' : '看起来相同（其中有不可见字符或形近的兼容字符）'}：网站上读者无法区分这两个单位，请核对`,
				);
		}
}
