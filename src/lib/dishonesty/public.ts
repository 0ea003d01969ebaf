/**
 * What the site publishes about units' 失信 records, and when it stops (privacy by construction, as for exemplars in
 * `src/lib/exemplars/public.ts`): the public record is its own explicit list of fields, and this module is the only
 * way from a dishonesty.csv row, or from a grade override that names one, to anything public.
 *
 * 信用修复 (信用修复管理办法, 国家发展改革委令第 36 号, in force 2026-04-01): once a record is repaired its 公示 ends.
 * From its repair date on (relative to the build's as-of date) the record's 事由 (`what`), 来源, dates, 程度, 类型 and
 * 修复方式 are not published anywhere: not on the unit page, not in open data, not in a grade override's reason, not in
 * search. Past quarters keep the grade and the override they had, worded "失信记录（已信用修复，不再公示详情）".
 *
 * So that anyone can still recompute every published grade from open data, a repaired record stays in
 * `/data/dishonesty.*` with what the grades need and nothing else: its unit, the quarters it weighed on
 * (`activeFrom`–`activeTo`) and the best grade it allowed there (`cap`: 蓝名单 or 黄名单 — which the published grades of
 * those quarters show anyway). Its id is not the office's record number, which the office types freely and which could
 * carry content ("SX-2022-法院-欠款"): it is an opaque id made only of facts that are public anyway, `XF-<unit>-<first
 * quarter>-<n>` (n counts the unit's repaired records that start in that quarter, in the order of their dates).
 */
import type { DishonestyRow } from '../../schemas/dishonesty.ts';
import type { Grade, DishonestyKind, Severity } from '../../schemas/enums.ts';
import { quarterOf, type QuarterId } from '../quarters.ts';
import { OVERRIDE_RULES, recordCap, type Override } from '../scoring/score.ts';
import { nameInQuarter, nameOn } from '../units/names.ts';
import type { UnitNameRow } from '../../schemas/unit.ts';

/** The words that stand in for a repaired record's details. */
export const REPAIRED_WORDING = '失信记录（已信用修复，不再公示详情）';

/** A 失信 record as published: every field that may reach `dist/`, and nothing else. */
export interface PublicRecord {
	/** The office's record number while the 公示 stands; an opaque `XF-…` id once repaired. */
	id: string;
	unitId: string;
	/** The unit's name on the record's date (repaired: in the first quarter it weighed on). */
	unitName: string;
	/** The first quarter the record weighs on a grade (the quarter of its date). */
	activeFrom: QuarterId;
	/** The last quarter it weighs on (the quarter of its repair); null while it is not repaired. */
	activeTo: QuarterId | null;
	/** The best grade a unit can have while the record is active (seed 002 三(二); `recordCap`). */
	cap: Grade;
	/** Repaired on or before the as-of date: the details below are no longer published. */
	repaired: boolean;
	date: string | null;
	severity: Severity | null;
	kind: DishonestyKind | null;
	what: string | null;
	source: string | null;
	repairedOn: string | null;
	repairHow: string | null;
}

/** The open-data field order of `/data/dishonesty.*`. */
export const PUBLIC_RECORD_FIELDS = [
	'id',
	'unitId',
	'unitName',
	'activeFrom',
	'activeTo',
	'cap',
	'repaired',
	'date',
	'severity',
	'kind',
	'what',
	'source',
	'repairedOn',
	'repairHow',
] as const satisfies readonly (keyof PublicRecord)[];

/** Code-point order of two texts (ids, ISO dates and quarters sort as text). */
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Whether a record's 公示 has ended on the as-of date: it was repaired on or before it. */
export function isRepaired(r: Pick<DishonestyRow, 'repairedOn'>, asOf: string): boolean {
	return !!r.repairedOn && r.repairedOn <= asOf;
}

/** The publication of a dataset's 失信 records on an as-of date: public records, and public ids by internal id. */
export interface RecordPublication {
	records: PublicRecord[];
	/** Internal id → public id. */
	publicId: ReadonlyMap<string, string>;
	/** Internal id → whether its details are withheld (repaired). */
	repaired: ReadonlySet<string>;
}

/**
 * Every record as published on `asOf`, sorted by unit, first quarter and public id. A record dated after `asOf` has
 * not happened yet for this build: it is published from its date (the accounting withholds it until then); so has a
 * repair dated after `asOf`: until that day the record is published as not repaired.
 * @param names the unit name history (unit-names.csv)
 * @param units the units' dissolution dates (a unit is named by its last day in the quarter it ends)
 */
export function publishRecords(
	rows: readonly DishonestyRow[],
	asOf: string,
	names: readonly UnitNameRow[],
	units: ReadonlyMap<string, { to?: string }> = new Map(),
): RecordPublication {
	const publicId = new Map<string, string>();
	const repaired = new Set<string>();
	const sequence = new Map<string, number>();
	const ordered = rows
		.filter((r) => r.date <= asOf)
		.sort((a, b) => byText(a.date, b.date) || byText(a.id, b.id));
	const records: PublicRecord[] = ordered.map((r) => {
		const activeFrom = quarterOf(r.date);
		if (isRepaired(r, asOf)) {
			const key = `${r.unitId}-${activeFrom}`;
			const n = (sequence.get(key) ?? 0) + 1;
			sequence.set(key, n);
			const id = `XF-${key}-${n}`;
			publicId.set(r.id, id);
			repaired.add(r.id);
			return {
				id,
				unitId: r.unitId,
				unitName: nameInQuarter(names, { id: r.unitId, to: units.get(r.unitId)?.to }, activeFrom),
				activeFrom,
				activeTo: quarterOf(r.repairedOn!),
				cap: recordCap(r),
				repaired: true,
				date: null,
				severity: null,
				kind: null,
				what: null,
				source: null,
				repairedOn: null,
				repairHow: null,
			};
		}
		publicId.set(r.id, r.id);
		return {
			id: r.id,
			unitId: r.unitId,
			unitName: nameOn(names, r.unitId, r.date),
			activeFrom,
			activeTo: null,
			cap: recordCap(r),
			repaired: false,
			date: r.date,
			severity: r.severity,
			kind: r.kind,
			what: r.what,
			source: r.source,
			// Not repaired on the as-of date: a repair dated after it has not happened yet for this build (as a record
			// dated after it, a commitment's update or a candidate's revocation), and the unit page would say
			// "已于 <that day> 信用修复" before the day.
			repairedOn: null,
			repairHow: null,
		};
	});
	records.sort(
		(a, b) => byText(a.unitId, b.unitId) || byText(a.activeFrom, b.activeFrom) || byText(a.id, b.id),
	);
	return { records, publicId, repaired };
}

/** The fields of an evidence row that a repair withholds, and its link to a 失信 record. */
interface EvidenceText {
	dishonestyId?: string;
	what?: string;
	source?: string;
	reason?: string;
}

/**
 * An evidence row as published on the as-of date: as written, unless it is the deduction for a 失信 record (its
 * 失信记录编号, `dishonestyId`) repaired by then. Such a row tells the record's story (what happened, who found it),
 * so its 公示 ends with the record's: its 来源 and 理由 are withheld and its 事项 says so. What the points need stays,
 * so the score still recomputes: unit, indicator, kind, count, and the date, without which scoring takes a row for a
 * blank pre-filled one (a deduction on a day says nothing of what it was for).
 */
export function publicEvidence<E extends EvidenceText>(e: E, pub: Pick<RecordPublication, 'repaired'>): E {
	if (!e.dishonestyId || !pub.repaired.has(e.dishonestyId)) return e;
	return { ...e, what: REPAIRED_WORDING, source: undefined, reason: undefined };
}

/** A grade override as published: the grade, the reason, and the public id of the record. */
export interface PublicOverride {
	grade: Grade;
	reason: string;
	recordId: string;
}

/**
 * An override as published on the as-of date: unchanged while its record's 公示 stands; once the record is repaired,
 * the same grade with the reason "失信记录（已信用修复，不再公示详情）：<the rule>" and the opaque record id. The rule is
 * said without the record's severity: for a yellow cap, the 蓝名单 rule that every yellow-capping record breaks.
 */
export function publicOverride(o: Override, pub: RecordPublication): PublicOverride {
	const recordId = pub.publicId.get(o.recordId) ?? o.recordId;
	if (!pub.repaired.has(o.recordId)) return { grade: o.grade, reason: o.reason, recordId };
	const rule = OVERRIDE_RULES.find((r) => r.cap === o.grade && r.cause !== 'severe')!.rule;
	return { grade: o.grade, reason: `${REPAIRED_WORDING}：${rule}`, recordId };
}
