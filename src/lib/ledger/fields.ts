/**
 * The published values a correction can change, one per unit and field of a released quarter's canonical results
 * (`canonical.ts`): how each field is named, how its values are written in `releases/corrections.csv` and on the
 * 更正台账 page, and how a value typed there is read back. Values are compared in a normal form (a grade or category
 * by its code, a number as JavaScript writes it), so `85`, `85.0` and ` 85.0 ` are the same score, and `红名单` and
 * `red` the same grade. A value that does not exist (a unit not evaluated in the quarter, an indicator that does not
 * apply to its category) is the empty text.
 */
import { GRADES, labelsOf, UNIT_CATEGORIES } from '../../schemas/enums.ts';
import { matchChoice } from '../../schemas/table.ts';
import { compareIndicatorIds, type CanonicalQuarter, type CanonicalUnit } from './canonical.ts';

/** A field of a unit's published result: a fixed one, or an indicator's points (`points.1.1`). */
export type LedgerField =
	'category' | 'maxPoints' | 'score' | 'grade' | 'override' | 'rank' | `points.${string}`;

/** The fixed fields, in the order a unit's changes are listed, with their Chinese names. */
const FIXED: readonly { field: LedgerField; label: string; aliases: readonly string[] }[] = [
	{ field: 'category', label: '类别', aliases: [] },
	{ field: 'maxPoints', label: '适用指标满分之和', aliases: ['满分之和', '满分'] },
	{ field: 'score', label: '得分', aliases: ['折算得分', '总分'] },
	{ field: 'grade', label: '等次', aliases: [] },
	{ field: 'override', label: '等次调整', aliases: ['失信调整'] },
	{ field: 'rank', label: '类内排名', aliases: ['排名', '同类排名'] },
];

const GRADE_LABEL = labelsOf(GRADES);
const CATEGORY_TITLE = labelsOf(UNIT_CATEGORIES, 'title');
/** How "no override" is written. */
export const NO_OVERRIDE = '无';

/** The Chinese name of a field: `得分`, `指标 1.1 得分`. */
export function fieldLabel(f: LedgerField): string {
	if (f.startsWith('points.')) return `指标 ${f.slice(7)} 得分`;
	return FIXED.find((x) => x.field === f)!.label;
}

/**
 * Reads a field name as the office types it in the 项目 column: the Chinese name (`得分`, `类内排名`), the code
 * (`score`), or an indicator as `指标 1.1`, `指标 1.1 得分`, `1.1` or `points.1.1`. Undefined when it is none of these.
 */
export function parseField(text: string): LedgerField | undefined {
	const t = text.replace(/\s+/g, '');
	const fixed = FIXED.find((x) => x.field === t || x.label === t || x.aliases.includes(t));
	if (fixed) return fixed.field;
	const m = t.match(/^(?:points\.|指标)?(\d+(?:\.\d+)*)(?:得分)?$/);
	return m ? `points.${m[1]}` : undefined;
}

/** Sorts fields in the order a unit's changes are listed: category, maxPoints, indicators, score, grade, override, rank. */
export function compareFields(a: LedgerField, b: LedgerField): number {
	const rank = (f: LedgerField) => (f.startsWith('points.') ? 1.5 : FIXED.findIndex((x) => x.field === f));
	const d = rank(a) - rank(b);
	if (d) return d;
	return a.startsWith('points.') && b.startsWith('points.') ? compareIndicatorIds(a.slice(7), b.slice(7)) : 0;
}

/** A unit's values in normal form, field by field (only the fields it has). */
export function unitValues(u: CanonicalUnit): Map<LedgerField, string> {
	const m = new Map<LedgerField, string>();
	m.set('category', u.category);
	m.set('maxPoints', String(u.maxPoints));
	for (const [id, p] of Object.entries(u.points)) m.set(`points.${id}`, String(p));
	m.set('score', String(u.score));
	m.set('grade', u.grade);
	m.set('override', u.overrides[0]?.grade ?? 'none');
	m.set('rank', String(u.rank));
	return m;
}

/** A quarter's values: unit id → field → value in normal form. */
export type ValueTable = Map<string, Map<LedgerField, string>>;

/** The values of a quarter's canonical results. */
export function valueTable(c: CanonicalQuarter): ValueTable {
	return new Map(c.units.map((u) => [u.id, unitValues(u)]));
}

/**
 * A value as typed in corrections.csv, in normal form; undefined when it cannot be a value of the field. The empty
 * text is "no value" (the unit was not evaluated, the indicator did not apply).
 */
export function normalValue(f: LedgerField, text: string): string | undefined {
	const t = text.trim();
	if (t === '' || t === '—') return '';
	if (f === 'grade') return matchChoice(GRADES, t);
	if (f === 'override') return t === NO_OVERRIDE || t === 'none' ? 'none' : matchChoice(GRADES, t);
	if (f === 'category')
		return matchChoice(UNIT_CATEGORIES, t) ?? UNIT_CATEGORIES.find((c) => c.title === t)?.value;
	const n = t.replace(/^−/, '-');
	if (!/^[+-]?\d+(\.\d+)?$/.test(n)) return undefined;
	if (f === 'rank' && !/^\d+$/.test(n)) return undefined;
	return String(Number(n));
}

/** A value in normal form as people read it: `85.0`, `红名单`, `A类部门`, `无`; the empty text for no value. */
export function displayValue(f: LedgerField, v: string): string {
	if (v === '') return '';
	if (f === 'grade') return GRADE_LABEL[v as keyof typeof GRADE_LABEL] ?? v;
	if (f === 'override') return v === 'none' ? NO_OVERRIDE : (GRADE_LABEL[v as keyof typeof GRADE_LABEL] ?? v);
	if (f === 'category') return CATEGORY_TITLE[v as keyof typeof CATEGORY_TITLE] ?? v;
	if (f === 'score') return Number(v).toFixed(1);
	return v;
}

/** One changed value. */
export interface Change {
	unitId: string;
	field: LedgerField;
	/** Normal form; '' for no value. */
	from: string;
	to: string;
}

/**
 * Every value that differs between two tables, unit by unit (in `order`, then any other unit by id) and field by
 * field (`compareFields`). A unit present in one table only differs in every field it has there.
 */
export function diffTables(before: ValueTable, after: ValueTable, order: readonly string[] = []): Change[] {
	const ids = [...new Set([...order, ...[...before.keys(), ...after.keys()].sort()])];
	const out: Change[] = [];
	for (const unitId of ids) {
		const a = before.get(unitId) ?? new Map<LedgerField, string>();
		const b = after.get(unitId) ?? new Map<LedgerField, string>();
		const fields = [...new Set([...a.keys(), ...b.keys()])].sort(compareFields);
		for (const field of fields) {
			const from = a.get(field) ?? '';
			const to = b.get(field) ?? '';
			if (from !== to) out.push({ unitId, field, from, to });
		}
	}
	return out;
}

/** Sets one value of a table ('' removes it). */
export function setValue(t: ValueTable, unitId: string, field: LedgerField, v: string): void {
	let unit = t.get(unitId);
	if (!unit) t.set(unitId, (unit = new Map()));
	if (v === '') unit.delete(field);
	else unit.set(field, v);
	if (unit.size === 0) t.delete(unitId);
}

/** A copy of a table. */
export function copyTable(t: ValueTable): ValueTable {
	return new Map([...t].map(([id, m]) => [id, new Map(m)]));
}
