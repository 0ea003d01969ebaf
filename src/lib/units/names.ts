/**
 * Unit names in their time (SPEC 1: "Units are renamed and merged over the years (机构改革): a unit has a stable id
 * and a name history; past quarters show the name the unit had then"). Every page, open-data row and search entry
 * that names a unit for a date or a quarter asks this module, so a renamed unit is called by the name it had then,
 * with a pointer to today's name where the two differ.
 */
import type { UnitNameRow, UnitRow } from '../../schemas/unit.ts';
import { addDays } from '../calendar/workdays.ts';
import { quarterEnd, type QuarterId } from '../quarters.ts';

/** A unit's name rows, as `unit-names.csv` holds them (the unit id may be left out for one unit's own list). */
type NameRow = Pick<UnitNameRow, 'name' | 'from' | 'to'> & { unitId?: string };

/**
 * The name a unit had on a date: the name-history row covering it; before the first row, the earliest name; after
 * the last, the latest. The unit id when it has no name at all (the validator requires one, so only in tests).
 */
export function nameOn(names: readonly NameRow[], unitId: string, date: string): string {
	const own = names.filter((n) => n.unitId === undefined || n.unitId === unitId);
	const hit = own.find((n) => (!n.from || n.from <= date) && (!n.to || date <= n.to));
	if (hit) return hit.name;
	const sorted = [...own].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1));
	return (date < (sorted[0]?.from ?? '') ? sorted[0] : sorted[sorted.length - 1])?.name ?? unitId;
}

/**
 * The day a unit is named for in a quarter: the quarter's last day, or the unit's last day when it was dissolved or
 * merged during the quarter (`to` is the first day it no longer exists).
 */
export function quarterNameDay(q: QuarterId, unitTo?: string): string {
	return unitTo && unitTo <= quarterEnd(q) ? addDays(unitTo, -1) : quarterEnd(q);
}

/** The name a unit had in a quarter (on `quarterNameDay`): the name its grade is published under. */
export function nameInQuarter(
	names: readonly NameRow[],
	unit: { id: string; to?: string },
	q: QuarterId,
): string {
	return nameOn(names, unit.id, quarterNameDay(q, unit.to));
}

/**
 * How a page names a unit by a past name: "时称“区文化旅游局”，现名“区文化广电和旅游局”", or '' when the two are the
 * same (nothing to point to).
 */
export function formerName(then: string, now: string): string {
	return then === now ? '' : `时称“${then}”，现名“${now}”`;
}

/**
 * `nameOn` for many rows: the name rows grouped by unit once, so that naming a million evidence rows costs a lookup
 * in one unit's few rows each, not a pass over every unit's.
 */
export function nameLookup(names: readonly UnitNameRow[]): (unitId: string, date: string) => string {
	const byUnit = Map.groupBy(names, (n) => n.unitId);
	return (unitId, date) => nameOn(byUnit.get(unitId) ?? [], unitId, date);
}

/** Whether a unit has been set up on the as-of date (`from` empty: it existed before the evaluations began). */
export function unitSetUp(u: Pick<UnitRow, 'from'>, asOf: string): boolean {
	return !u.from || u.from <= asOf;
}

/**
 * A unit and its name history as published on the as-of date, or undefined for a unit set up after it. 机构改革 is
 * often recorded ahead of its day; like a 失信 record, a commitment or a revocation dated later, it has not happened yet
 * for this build and is published from its day on: a unit set up later is not on the site, a name that comes into use
 * later is not in the history (the name in use is shown as in use, "至今", its last day left out), and a dissolution
 * or merger dated later is left out (the pages would say "已于 … 撤销，并入 …" before the day).
 * @param names the unit's own name rows
 */
export function unitAsOf<U extends Pick<UnitRow, 'from' | 'to' | 'mergedInto'>, N extends NameRow>(
	unit: U,
	names: readonly N[],
	asOf: string,
): (U & { names: N[] }) | undefined {
	if (!unitSetUp(unit, asOf)) return undefined;
	const ended = !!unit.to && unit.to <= asOf;
	const out = {
		...unit,
		names: names.filter((n) => !n.from || n.from <= asOf).map((n) => untilAsOf(n, asOf)),
	};
	if (!ended) {
		delete out.to;
		delete out.mergedInto;
	}
	return out;
}

/** A name row without its last day when that day is on or after the as-of date (the name is still in use). */
function untilAsOf<N extends NameRow>(n: N, asOf: string): N {
	if (!n.to || n.to < asOf) return n;
	const out = { ...n };
	delete out.to;
	return out;
}
