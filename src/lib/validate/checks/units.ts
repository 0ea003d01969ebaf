/** `units.csv`: the units under evaluation, and the lookups every other table checks its unit ids against. */
import { unitTable, type UnitRow } from '../../../schemas/unit.ts';
import { UNIT_CATEGORIES } from '../../../schemas/enums.ts';
import type { Located } from '../read-table.ts';
import { idRegistry, type CheckContext, type IdRegistry } from '../context.ts';
import { didYouMean } from '../suggest.ts';
import { quoteValue } from '../../quote.ts';

/** The units, for the checks of the tables that refer to them. */
export interface Units extends IdRegistry<Located<UnitRow>> {
	/** Valid rows, the first of each id. */
	rows: Located<UnitRow>[];
}

/**
 * Reads units.csv. A unit dissolved before it was set up, merged into an unknown unit, or merged without a date is
 * an error; the unit stays in the result, and the tables that refer to it are checked against it.
 */
/** Unit ids that are addresses of the site's own pages beside the units' ones. */
export const RESERVED_UNIT_IDS: readonly string[] = ['pledges'];

export function checkUnits(ctx: CheckContext): Units {
	const file = ctx.table<UnitRow>(unitTable, 'units.csv', true, { declare: ['id'] });
	const rows = ctx.unique(file.records, ['id'], '单位编号');
	const registry = idRegistry(new Map(rows.map((u) => [u.value.id, u])), file.declared('id'));
	const { byId, suggest } = registry;
	for (const u of rows) {
		const { from, to, mergedInto } = u.value;
		// /commitments/<单位编号>/ lies beside /commitments/pledges/, the enterprise pledges' page: the two would be one
		// address. Said here, at the cell, not by the page build after every check has passed.
		if (RESERVED_UNIT_IDS.includes(u.value.id))
			ctx.at(
				u,
				'id',
				'reserved-id',
				`单位编号 ${quoteValue(u.value.id)} 是网站已用的地址（/commitments/${u.value.id}/），不能作为单位编号，请改用其他编号`,
			);
		// Stryker disable next-line ConditionalExpression,LogicalOperator: with a date blank, the comparison is with undefined, which is false.
		if (from && to && to <= from) ctx.at(u, 'to', 'date-order', `撤销日期 ${to} 应晚于设立日期 ${from}`);
		const target = mergedInto ? byId.get(mergedInto)?.value : undefined;
		if (mergedInto && !byId.has(mergedInto))
			ctx.at(
				u,
				'mergedInto',
				'foreign-key',
				`并入单位 ${quoteValue(mergedInto)} 不在 units.csv 中${didYouMean(suggest(mergedInto))}`,
			);
		else if (mergedInto === u.value.id) ctx.at(u, 'mergedInto', 'date-order', '单位不能并入自己');
		// The unit it goes into must exist from the day of the merger on: not yet set up, or dissolved by then (two
		// units merged into each other), it cannot take the unit's history.
		else if (target && to && !existsOn(target, to))
			ctx.at(
				u,
				'mergedInto',
				'date-order',
				`并入单位 ${quoteValue(mergedInto!)} 在合并生效日 ${to} 不存在（设立 ${target.from ?? '—'}，撤销 ${target.to ?? '—'}）`,
			);
		if (mergedInto && !to) ctx.at(u, 'to', 'required', '填写了并入单位，也要填写撤销日期（合并生效日）');
	}
	return { rows, ...registry };
}

/**
 * The unit a record's `key` column names. An id that units.csv does not have is reported at that cell; an id of an
 * invalid units.csv row is not (that row's own error covers it). Either way the record has no unit.
 * @param label how the column is named in the message
 */
export function unitRef<T>(
	ctx: CheckContext,
	units: Units,
	r: Located<T>,
	key: string,
	label = '单位编号',
): UnitRow | undefined {
	const id = (r.value as Record<string, string>)[key];
	const u = units.byId.get(id);
	if (!u && !units.declared.has(id))
		ctx.at(
			r,
			key,
			'foreign-key',
			`${label} ${quoteValue(id)} 不在 units.csv 中${didYouMean(units.suggest(id))}`,
		);
	return u?.value;
}

/** Whether a unit exists on a date (set up on or before it, not yet dissolved). */
export const existsOn = (u: UnitRow, date: string) => (!u.from || u.from <= date) && (!u.to || date < u.to);

/**
 * The message for a record of a unit on a day (or in a quarter) it did not exist: when it was set up and dissolved,
 * and, once it was merged, the unit whose records these now are.
 * @param when the day or quarter of the record, as said in the message
 * @param dissolved whether `when` is after the unit was dissolved (rather than before it was set up)
 */
export function inactiveMessage(u: UnitRow, when: string, dissolved: boolean): string {
	const merged = dissolved && u.mergedInto ? `；此后它的记录请填并入的单位 ${quoteValue(u.mergedInto)}` : '';
	return `单位 ${quoteValue(u.id)} 在 ${when} 不存在（设立 ${u.from ?? '—'}，撤销 ${u.to ?? '—'}）${merged}`;
}

/** Reports a record of `unit` dated `date` (its `key` cell) on a day the unit did not exist (`unit-inactive`). */
export function checkUnitOn<T>(
	ctx: CheckContext,
	r: Located<T>,
	unit: UnitRow | undefined,
	key: string,
	date: string,
): void {
	if (unit && !existsOn(unit, date))
		ctx.at(r, key, 'unit-inactive', inactiveMessage(unit, date, !!unit.to && unit.to <= date));
}

/** Whether a unit exists at any time between two days (a quarter's first and last). */
export const existsBetween = (u: UnitRow, first: string, last: string) =>
	(!u.from || u.from <= last) && (!u.to || first < u.to);

/** A unit category's Chinese name, for messages. */
// Stryker disable next-line OptionalChaining: called only with categories the schema has accepted.
export const categoryLabel = (c: string) => UNIT_CATEGORIES.find((x) => x.value === c)?.label ?? c;
