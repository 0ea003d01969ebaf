/**
 * The register's overviews: which units are expected to publish, the units × categories coverage matrix, one unit's
 * commitments grouped by category, and the newest movements for the home page. Pure functions over commitment views.
 */
import { UNIT_CATEGORY_CODES, type UnitCategory } from '../../schemas/enums.ts';
import { countStates, STATE_ORDER, type CommitmentState, type CommitmentView } from './status.ts';

/** The fields of a unit these functions read. */
export interface UnitLike {
	id: string;
	category: UnitCategory;
	from?: string;
	to?: string;
}

const categoryOrder = (c: UnitCategory) => UNIT_CATEGORY_CODES.indexOf(c);

/**
 * The rubric in force on the as-of date: its year's, else the latest year before it (the new year's rubric not
 * adopted yet), else — an as-of date before the first rubric — the earliest. Not simply the newest file: a rubric
 * prepared for next year (rubrics/2027.json committed in December) would otherwise set the register's categories and
 * the pledges' validity before its year begins, and a build for a past date would judge 2022's register by 2026's
 * categories.
 * @see src/docs/rules/002-quarterly-evaluation.md 附件1 五 政务诚信承诺「类别表是当年评价指标文件的 `commitmentCategories`」
 */
export function rubricOn<R extends { year: number }>(rubrics: readonly R[], asOf: string): R | undefined {
	const year = Number(asOf.slice(0, 4));
	const sorted = [...rubrics].sort((a, b) => a.year - b.year);
	return sorted.findLast((r) => r.year <= year) ?? sorted[0];
}

/**
 * The units the register covers, in the given order grouped town, park, A, B: every town and park that exists on the
 * as-of date (seed 001 asks each 镇（街道）、园区 to publish, so one that has not is a visible gap), and any other
 * unit that has published a commitment (departments may choose to; a dissolved unit keeps its commitments on view).
 */
export function registerUnits<U extends UnitLike>(
	units: readonly U[],
	commitments: readonly { unitId: string }[],
	asOf: string,
): U[] {
	const publishing = new Set(commitments.map((c) => c.unitId));
	const exists = (u: U) => (!u.from || u.from <= asOf) && (!u.to || asOf < u.to);
	// Array.prototype.sort is stable: units of one category keep their order in units.csv.
	return units
		.filter((u) => publishing.has(u.id) || ((u.category === 'town' || u.category === 'park') && exists(u)))
		.sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category));
}

/** A column of the matrix: a category, and whether the rubric year counts it. */
export interface MatrixColumn {
	category: string;
	/** Listed in the rubric year's commitment categories (counts toward 政务诚信承诺). */
	counted: boolean;
}

/**
 * The matrix's columns: the rubric year's categories in the rubric's order, then any other category some commitment
 * uses (shown, but not counted by that year's rubric).
 */
export function matrixColumns(
	rubricCategories: readonly string[],
	commitments: readonly { category: string }[],
	allCategories: readonly string[],
): MatrixColumn[] {
	const used = new Set(commitments.map((c) => c.category));
	return [
		...rubricCategories.map((category) => ({ category, counted: true })),
		...allCategories
			.filter((c) => used.has(c) && !rubricCategories.includes(c))
			.map((category) => ({ category, counted: false })),
	];
}

/** One cell: a unit's commitments in one category, by state. */
export interface CoverageCell {
	category: string;
	total: number;
	states: Record<CommitmentState, number>;
}

/** One row: a unit's cells, its total and the counted categories in which it has no commitment at all. */
export interface CoverageRow {
	unitId: string;
	total: number;
	cells: CoverageCell[];
	/** Counted categories with no commitment (gaps). */
	gaps: string[];
}

/**
 * The coverage matrix: for each unit and column, how many commitments the unit has published in the category (all of
 * them, open or closed, as of the build) and their states. A cell with none is a gap.
 */
export function coverageMatrix(
	unitIds: readonly string[],
	columns: readonly MatrixColumn[],
	views: readonly Pick<CommitmentView, 'unitId' | 'category' | 'state'>[],
): CoverageRow[] {
	return unitIds.map((unitId) => {
		const own = views.filter((v) => v.unitId === unitId);
		const cells = columns.map(({ category }) => {
			const inCat = own.filter((v) => v.category === category);
			return { category, total: inCat.length, states: countStates(inCat) };
		});
		return {
			unitId,
			total: own.length,
			cells,
			gaps: columns.filter((c, i) => c.counted && cells[i].total === 0).map((c) => c.category),
		};
	});
}

/**
 * Orders commitments for reading: overdue first (longest overdue first), then open ones by due date, then broken,
 * changed and fulfilled ones, most recent first.
 */
export function compareForReading(a: CommitmentView, b: CommitmentView): number {
	const s = STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state);
	if (s) return s;
	if (a.state === 'overdue' || a.state === 'in-progress') {
		// Stryker disable next-line EqualityOperator: < and <= differ only on equal dates, which the test before it has excluded.
		if (a.dueBy !== b.dueBy) return a.dueBy < b.dueBy ? -1 : 1;
	} else {
		// Stryker disable next-line StringLiteral: a closed commitment (兑现, 未兑现, 变更) has an update, so statusSince is always set here.
		const [x, y] = [a.statusSince ?? '', b.statusSince ?? ''];
		// Stryker disable next-line EqualityOperator: > and >= differ only on equal dates, which the test before it has excluded.
		if (x !== y) return x > y ? -1 : 1;
	}
	// Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort asks only whether the result is below 0, so the 1 or 0 after -1 is the same answer; ids are unique.
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A category's commitments of one unit. */
export interface CategoryGroup {
	category: string;
	items: CommitmentView[];
	overdue: number;
}

/**
 * One unit's commitments grouped by category: groups holding an overdue commitment first, otherwise in the given
 * category order; within a group, overdue ones first (see `compareForReading`).
 */
export function groupByCategory(
	views: readonly CommitmentView[],
	categoryOrder: readonly string[],
): CategoryGroup[] {
	const rank = (c: string) => {
		const i = categoryOrder.indexOf(c);
		return i < 0 ? categoryOrder.length : i;
	};
	const categories = [...new Set(views.map((v) => v.category))];
	return categories
		.map((category) => {
			const items = views.filter((v) => v.category === category).sort(compareForReading);
			return { category, items, overdue: items.filter((v) => v.overdue).length };
		})
		.sort(
			(a, b) =>
				Number(b.overdue > 0) - Number(a.overdue > 0) ||
				rank(a.category) - rank(b.category) ||
				// Stryker disable next-line EqualityOperator: one row per category, so < and <= never differ.
				(a.category < b.category ? -1 : 1),
		);
}

/** The `n` most recently fulfilled commitments, newest first. */
export function latestFulfilled(views: readonly CommitmentView[], n: number): CommitmentView[] {
	return views
		.filter((v) => v.fulfilledOn)
		.sort((a, b) =>
			// Stryker disable next-line EqualityOperator: > and >= differ only on equal dates, which the test before it has excluded.
			a.fulfilledOn! !== b.fulfilledOn! ? (a.fulfilledOn! > b.fulfilledOn! ? -1 : 1) : a.id < b.id ? -1 : 1,
		)
		.slice(0, n);
}

/** The `n` commitments that most recently became overdue, newest first. */
export function latestOverdue(views: readonly CommitmentView[], n: number): CommitmentView[] {
	return views
		.filter((v) => v.overdue)
		.sort((a, b) =>
			// Stryker disable next-line EqualityOperator: > and >= differ only on equal dates, which the test before it has excluded.
			a.dueBy !== b.dueBy ? (a.dueBy > b.dueBy ? -1 : 1) : a.id < b.id ? -1 : 1,
		)
		.slice(0, n);
}
