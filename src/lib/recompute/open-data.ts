/**
 * From the published open data to the scoring module's input (`src/lib/scoring/score.ts` `ScoringInput`): the one
 * adapter between the files anyone can download from `/data/` and the code that computed the published results, so
 * that a reader's recomputation (复算, in the browser and with `npm run recompute`) runs the site's own scoring, not a
 * second implementation of it.
 *
 * What the open data gives back, field by field, is exactly what scoring reads — with one exception, a 失信 record
 * whose details are no longer published (信用修复, `src/lib/dishonesty/public.ts`): it comes with the quarters it
 * weighed on (`activeFrom`–`activeTo`) and the best grade it allowed (`cap`), which is all a grade needs. It is given
 * to scoring as a record dated on the first day of `activeFrom`, repaired in `activeTo`, of the least severity that
 * has that cap (一般失信 for 蓝名单, 较重失信 for 黄名单). Where two records of the same cap weigh on one quarter, which of
 * them an override names can then differ from the published one; the grade cannot.
 *
 * Pure: parsed files in, `ScoringInput` out. A value of the wrong shape (a tampered file) throws with what it was.
 */
import type { ScoringInput, EvidenceFact } from '../scoring/score.ts';
import type { Rubric } from '../../schemas/rubric.ts';
import type { UnitRow, UnitNameRow } from '../../schemas/unit.ts';
import type { DishonestyRow } from '../../schemas/dishonesty.ts';
import type { CommitmentRow, CommitmentUpdateRow } from '../../schemas/commitment.ts';
import type { PledgeRow } from '../../schemas/pledge.ts';
import type { EvidenceKind } from '../../schemas/evidence.ts';
import type { Grade } from '../../schemas/enums.ts';
import type { PublicRecord } from '../dishonesty/public.ts';
import { isQuarterId, quarterStart, type QuarterId } from '../quarters.ts';

/** `/data/units.json` rows. */
export interface OpenUnit {
	id: string;
	category: UnitRow['category'];
	from: string | null;
	to: string | null;
	mergedInto: string | null;
	names: { name: string; from: string | null; to: string | null }[];
}

/** `/data/commitments.json` rows (the fields scoring reads). */
export interface OpenCommitment {
	id: string;
	unitId: string;
	category: CommitmentRow['category'];
	content: string;
	madeOn: string;
	dueBy: string;
	history: { date: string; status: CommitmentUpdateRow['status'] }[];
}

/** `/data/pledges.json` rows (the fields scoring reads). */
export interface OpenPledge {
	id: string;
	enterprise: string;
	uscc: string;
	kinds: PledgeRow['kinds'];
	signedOn: string;
	unitId: string;
}

/** The open data a quarter's recomputation reads. */
export interface OpenData {
	rubric: Rubric;
	units: readonly OpenUnit[];
	/** Evidence rows of the quarter and of the quarters before it that carried-over points reach, as in the CSV files. */
	evidence: readonly Record<string, string>[];
	dishonesty: readonly PublicRecord[];
	commitments: readonly OpenCommitment[];
	pledges: readonly OpenPledge[];
}

const KINDS: readonly EvidenceKind[] = ['done', 'item', 'incident', 'judged', 'none'];

/** A number cell of an evidence CSV file: empty is no value. */
function numberCell(row: Record<string, string>, key: string): number | undefined {
	const v = (row[key] ?? '').trim();
	if (v === '') return undefined;
	if (!/^-?\d+(\.\d+)?$/.test(v)) throw new Error(`评价记录 ${row.id} 的 ${key} “${v}” 不是数字`);
	return Number(v);
}

/** An evidence row of a CSV file (`/data/evidence/<季度>.csv`) as scoring reads it. */
export function evidenceFact(row: Record<string, string>): EvidenceFact {
	const quarter = row.quarter?.trim();
	if (!quarter || !isQuarterId(quarter)) throw new Error(`评价记录 ${row.id} 的季度 “${row.quarter}” 不对`);
	const kind = (row.kind ?? '').trim();
	if (kind && !KINDS.includes(kind as EvidenceKind))
		throw new Error(`评价记录 ${row.id} 的类型 “${kind}” 不是 ${KINDS.join('、')} 之一`);
	const date = (row.date ?? '').trim();
	const fact: EvidenceFact = {
		id: row.id,
		quarter,
		unitId: row.unitId,
		indicatorId: row.indicatorId,
	};
	if (kind) fact.kind = kind as EvidenceKind;
	if (date) fact.date = date;
	const count = numberCell(row, 'count');
	if (count !== undefined) fact.count = count;
	const points = numberCell(row, 'points');
	if (points !== undefined) fact.points = points;
	return fact;
}

/** The least severe record that has a cap (see the module comment). */
const SEVERITY_OF_CAP: Record<Exclude<Grade, 'red'>, DishonestyRow['severity']> = {
	blue: 'minor',
	yellow: 'major',
};

/** A published 失信 record as scoring reads it. */
export function dishonestyRow(r: PublicRecord): DishonestyRow {
	if (!r.repaired)
		return {
			id: r.id,
			unitId: r.unitId,
			date: r.date!,
			severity: r.severity!,
			kind: r.kind!,
			what: r.what ?? '',
			source: r.source ?? '',
			...(r.repairedOn ? { repairedOn: r.repairedOn } : {}),
			...(r.repairHow ? { repairHow: r.repairHow } : {}),
		};
	if (r.cap === 'red' || !r.activeTo) throw new Error(`失信记录 ${r.id} 已修复，但没有等次上限或止计季度`);
	return {
		id: r.id,
		unitId: r.unitId,
		date: quarterStart(r.activeFrom),
		severity: SEVERITY_OF_CAP[r.cap],
		kind: 'dishonesty',
		what: '',
		source: '',
		repairedOn: quarterStart(r.activeTo),
	};
}

/** The scoring input for one quarter, from the open data. */
export function scoringInput(d: OpenData, quarter: QuarterId): ScoringInput {
	const units: UnitRow[] = d.units.map((u) => ({
		id: u.id,
		category: u.category,
		...(u.from ? { from: u.from } : {}),
		...(u.to ? { to: u.to } : {}),
		...(u.mergedInto ? { mergedInto: u.mergedInto } : {}),
	}));
	const unitNames: UnitNameRow[] = d.units.flatMap((u) =>
		u.names.map((n) => ({
			unitId: u.id,
			name: n.name,
			...(n.from ? { from: n.from } : {}),
			...(n.to ? { to: n.to } : {}),
		})),
	);
	const commitments: CommitmentRow[] = d.commitments.map((c) => ({
		id: c.id,
		unitId: c.unitId,
		category: c.category,
		content: c.content,
		madeOn: c.madeOn,
		dueBy: c.dueBy,
	}));
	const commitmentUpdates: CommitmentUpdateRow[] = d.commitments.flatMap((c) =>
		c.history.map((h) => ({ commitmentId: c.id, date: h.date, status: h.status })),
	);
	const pledges: PledgeRow[] = d.pledges.map((p) => ({
		id: p.id,
		enterprise: p.enterprise,
		uscc: p.uscc,
		kinds: p.kinds,
		signedOn: p.signedOn,
		unitId: p.unitId,
	}));
	return {
		rubrics: new Map([[d.rubric.year, d.rubric]]),
		units,
		unitNames,
		evidence: d.evidence.map(evidenceFact),
		dishonesty: d.dishonesty.map(dishonestyRow),
		commitments,
		commitmentUpdates,
		pledges,
		quarters: [quarter],
	};
}
