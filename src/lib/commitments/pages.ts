/**
 * How the register's listings are split into pages, so that no page grows with the whole dataset (issue 8: no page
 * template over 60 KB gzipped). `/commitments/` is an overview with counts only; a unit's commitments are on
 * `/commitments/<unit>/`, or, when the unit has more than `UNIT_PAGE_LIMIT` of them, on one page per year they were
 * made (`/commitments/<unit>/<year>/`); enterprise pledges are on one page per collecting town or park
 * (`/commitments/pledges/<unit>/`, seed 001: the system works 以镇（街道）为单位, and pledges are collected by the
 * town under 属地行政监管). Pure; the pages and the home page take their links from here.
 */

/**
 * The most commitments one unit page lists in full. A commitment card with its service standard and history is
 * about 200 bytes gzipped with real text (the demo data), so 100 keep a unit page near 25 KB; a unit with more gets
 * one page per year (one unit's commitments of one year: a few dozen in practice).
 */
export const UNIT_PAGE_LIMIT = 100;

/** The year a commitment was made (承诺年度), from its `madeOn` date. */
export function madeYear(c: { madeOn: string }): number {
	return Number(c.madeOn.slice(0, 4));
}

/** The units whose commitments are split by year: those with more than `limit` commitments. */
export function pagedUnits(commitments: readonly { unitId: string }[], limit = UNIT_PAGE_LIMIT): Set<string> {
	const count = new Map<string, number>();
	for (const c of commitments) count.set(c.unitId, (count.get(c.unitId) ?? 0) + 1);
	return new Set([...count].filter(([, n]) => n > limit).map(([id]) => id));
}

/** The page listing a unit's commitments of a year (`year` given) or all of them. */
export function unitCommitmentsPath(unitId: string, year?: number): string {
	return year === undefined ? `/commitments/${unitId}/` : `/commitments/${unitId}/${year}/`;
}

/** The address of a commitment's card: on its unit's page, or on the unit's page for the year it was made. */
export function commitmentPath(
	c: { id: string; unitId: string; madeOn: string },
	paged: ReadonlySet<string>,
): string {
	return `${unitCommitmentsPath(c.unitId, paged.has(c.unitId) ? madeYear(c) : undefined)}#${c.id}`;
}

/** The page of the pledges a town or park collected. */
export function unitPledgesPath(unitId: string): string {
	return `/commitments/pledges/${unitId}/`;
}

/** The address of a pledge's row. */
export function pledgePath(p: { id: string; unitId: string }): string {
	return `${unitPledgesPath(p.unitId)}#${p.id}`;
}

/** Items grouped by the year of a date, newest year first, each group in the given order. */
export function byYear<T>(items: readonly T[], dateOf: (item: T) => string): { year: number; items: T[] }[] {
	const groups = new Map<number, T[]>();
	for (const item of items) {
		const year = Number(dateOf(item).slice(0, 4));
		if (!groups.has(year)) groups.set(year, []);
		groups.get(year)!.push(item);
	}
	return [...groups].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, items: list }));
}
