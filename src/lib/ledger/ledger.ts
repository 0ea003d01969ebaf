/**
 * No silent change (SPEC 1 "Releases"; issue 18): the results of a released quarter are what its snapshot
 * (`releases/<季度>.json`, written at release) says, as changed by the corrections recorded since
 * (`releases/corrections.csv`), and nothing else. Every build recomputes each sealed public quarter and compares: a
 * difference no correction explains fails the build, naming the quarter, the units and the fields with their old and
 * new values, and the command that records a correction. The same comparison gives `npm run release -- <季度>
 * --correct` the rows to write, and the 更正台账 page its entries.
 */
import type { Issue } from '../issues.ts';
import type { QuarterId } from '../quarters.ts';
import { quarterIndex } from '../quarters.ts';
import type { QuarterResult } from '../scoring/score.ts';
import { correctionTable, type CorrectionRow } from '../../schemas/correction.ts';
import type { Located } from '../validate/read-table.ts';
import { canonicalQuarter, type CanonicalQuarter } from './canonical.ts';
import {
	copyTable,
	diffTables,
	displayValue,
	fieldLabel,
	normalValue,
	setValue,
	valueTable,
	type Change,
	type LedgerField,
	type ValueTable,
} from './fields.ts';

/** A correction row with where it was read (a `Located` row). */
interface Placed<T> {
	value: T;
	file: string;
	line: number;
	col: (key: string) => number;
}

/** Correction rows in the order they apply: by quarter, then date, then as they stand in the file. */
export function correctionOrder<R extends Placed<CorrectionRow>>(rows: readonly R[]): R[] {
	return [...rows].sort(
		(a, b) =>
			quarterIndex(a.value.quarter) - quarterIndex(b.value.quarter) ||
			(a.value.date < b.value.date ? -1 : a.value.date > b.value.date ? 1 : 0) ||
			(a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
			a.line - b.line,
	);
}

/**
 * What a quarter's results should be today: its snapshot with the quarter's corrections applied in order (each row
 * sets its unit's field to its 新值). The validator has already checked that each row's 原值 continues the chain.
 */
export function expectedValues(
	snapshot: CanonicalQuarter,
	corrections: readonly CorrectionRow[],
): ValueTable {
	const t = copyTable(valueTable(snapshot));
	for (const c of corrections)
		if (c.quarter === snapshot.quarter)
			setValue(t, c.unitId, c.field, normalValue(c.field, c.to ?? '') ?? '');
	return t;
}

/** The differences between what a quarter's results should be and what they are now, in the current results' order. */
export function unexplainedChanges(
	snapshot: CanonicalQuarter,
	corrections: readonly CorrectionRow[],
	current: Pick<QuarterResult, 'quarter' | 'rubric' | 'units'>,
): Change[] {
	return diffTables(
		expectedValues(snapshot, corrections),
		valueTable(canonicalQuarter(current)),
		current.units.map((u) => u.id),
	);
}

/** A value in a message: its display form, or （无） for no value. */
const shown = (f: LedgerField, v: string) => (v === '' ? '（无）' : displayValue(f, v));

/**
 * The changes unit by unit, as one text: `区城管局（cgj）指标 1.1 得分 0 → 10、得分 80.0 → 93.3；区财政局（czj）类内排名 3 → 4`.
 * @param nameOf a unit's name in the quarter
 */
export function describeChanges(changes: readonly Change[], nameOf: (unitId: string) => string): string {
	const byUnit = Map.groupBy(changes, (c) => c.unitId);
	return [...byUnit]
		.map(
			([unitId, list]) =>
				`${nameOf(unitId)}（${unitId}）${list.map((c) => `${fieldLabel(c.field)} ${shown(c.field, c.from)} → ${shown(c.field, c.to)}`).join('、')}`,
		)
		.join('；');
}

/** The command that records a quarter's changes as a correction. */
export const correctCommand = (q: QuarterId) =>
	`npm run release -- ${q} --correct --date <更正日期> --doc <文号> --reason <理由>`;

/** A sealed public quarter as the ledger check needs it. */
export interface LedgerQuarter {
	quarter: QuarterId;
	snapshot: CanonicalQuarter;
	/** Where the quarter's release row is, to point the message at. */
	release: { file: string; line: number; column: number };
}

/**
 * The build's check: one error per sealed public quarter whose results differ from its snapshot as corrected.
 * @param results this build's results, every scored quarter
 * @param nameOf a unit's name in a quarter (for a unit no longer evaluated there, too)
 */
export function ledgerIssues(
	quarters: readonly LedgerQuarter[],
	corrections: readonly CorrectionRow[],
	results: readonly QuarterResult[],
	nameOf: (unitId: string, q: QuarterId) => string,
): Issue[] {
	const issues: Issue[] = [];
	const byQuarter = new Map(results.map((r) => [r.quarter, r]));
	for (const q of quarters) {
		const current = byQuarter.get(q.quarter);
		if (!current) continue;
		const changes = unexplainedChanges(q.snapshot, corrections, current);
		if (!changes.length) continue;
		issues.push({
			file: q.release.file,
			line: q.release.line,
			column: q.release.column,
			code: 'unexplained-change',
			severity: 'error',
			message: `${q.quarter} 已发布的评价结果有 ${changes.length} 处变化，但没有更正记录：${describeChanges(changes, (id) => nameOf(id, q.quarter))}。已发布的结果不能悄悄改变：如确需更正，请运行 ${correctCommand(q.quarter)}，把这些变化记入 releases/corrections.csv；如果本不该有变化，请找出并撤回改动：${q.quarter} 的结果来自它和此前季度的评价记录，以及失信记录、单位、评价指标、公开承诺、承诺进展和企业信用承诺`,
		});
	}
	return issues;
}

/**
 * A correction of a public quarter dated after the as-of date, once per correction at its first row. Its changes are
 * in the data already (the evidence the quarter is scored from), so the build cannot show the quarter as it stood
 * before: publishing would put the correction in force, and in the 更正台账, before the day it was made. Not a guess
 * either way; the office writes the day it was made, or builds on that day.
 * @param publicQuarters the quarters public on the as-of date
 */
export function futureCorrections(
	corrections: readonly Located<CorrectionRow>[],
	publicQuarters: ReadonlyMap<QuarterId, unknown>,
	asOf: string,
): Issue[] {
	const seen = new Set<string>();
	return corrections.flatMap((r) => {
		const { id, quarter, date } = r.value;
		if (!publicQuarters.has(quarter) || date <= asOf || seen.has(id)) return [];
		seen.add(id);
		return [
			{
				file: r.file,
				line: r.line,
				column: r.col('date') || 1,
				row: r.row,
				field: 'date',
				header: correctionTable.columns.find((c) => c.key === 'date')!.header,
				code: 'correction-future',
				severity: 'error' as const,
				message: `更正 ${id} 的日期 ${date} 晚于截至日期 ${asOf}：它改变的结果已在评价记录中，发布出去就会在作出更正之前生效；请写实际作出更正的日期，或到那一天再发布`,
			},
		];
	});
}

/** One changed value of a correction, as the 更正台账 publishes it. */
export interface LedgerChange {
	unitId: string;
	/** The unit's name in the corrected quarter. */
	unitName: string;
	field: LedgerField;
	/** The field's Chinese name. */
	fieldLabel: string;
	/** Display forms; '' for no value. */
	from: string;
	to: string;
}

/** A correction (one 更正编号): what changed, when, why and by which document. */
export interface LedgerEntry {
	id: string;
	quarter: QuarterId;
	date: string;
	docNumber: string;
	reason: string;
	changes: LedgerChange[];
}

/**
 * The corrections as the 更正台账 lists them, newest first (by date, then id), each with its changes in the order of
 * the file.
 * @param nameOf a unit's name in a quarter
 */
export function ledgerEntries(
	corrections: readonly CorrectionRow[],
	nameOf: (unitId: string, q: QuarterId) => string,
): LedgerEntry[] {
	const entries = new Map<string, LedgerEntry>();
	for (const c of corrections) {
		let e = entries.get(c.id);
		if (!e)
			entries.set(
				c.id,
				(e = {
					id: c.id,
					quarter: c.quarter,
					date: c.date,
					docNumber: c.docNumber,
					reason: c.reason,
					changes: [],
				}),
			);
		e.changes.push({
			unitId: c.unitId,
			unitName: nameOf(c.unitId, c.quarter),
			field: c.field,
			fieldLabel: fieldLabel(c.field),
			from: displayValue(c.field, normalValue(c.field, c.from ?? '') ?? ''),
			to: displayValue(c.field, normalValue(c.field, c.to ?? '') ?? ''),
		});
	}
	return [...entries.values()].sort((a, b) =>
		a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
	);
}

/**
 * The rows `npm run release -- <季度> --correct` appends for a quarter's unexplained changes: one per unit and field,
 * 原值 and 新值 in display form, the office's id, date, 文号 and reason on each.
 */
export function correctionRows(
	changes: readonly Change[],
	entry: { id: string; quarter: QuarterId; date: string; docNumber: string; reason: string },
): Record<keyof CorrectionRow, string>[] {
	return changes.map((c) => ({
		id: entry.id,
		quarter: entry.quarter,
		date: entry.date,
		docNumber: entry.docNumber,
		unitId: c.unitId,
		field: fieldLabel(c.field).replace(/ 得分$/, ''),
		from: displayValue(c.field, c.from),
		to: displayValue(c.field, c.to),
		reason: entry.reason,
	}));
}
