/**
 * Open data of the commitments register (SPEC "Public URLs and open data"): `/data/commitments.{json,csv}` and
 * `/data/pledges.{json,csv}`. The fields the SPEC fixes come first; the others are additions the SPEC allows.
 */
import type { PledgeRow } from '../../schemas/pledge.ts';
import { COMMITMENT_STATUSES } from '../../schemas/enums.ts';
import { toCsv } from '../opendata/csv.ts';
import type { CommitmentView } from './status.ts';
import { pledgeValidity } from './pledges.ts';

const STATUS_LABEL = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s.value, s.label])) as Record<
	string,
	string
>;

/** `/data/commitments.json`: one object per commitment, sorted by id; optional fields are left out when empty. */
export function commitmentsJson(views: readonly CommitmentView[]) {
	return [...views]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((v) => ({
			id: v.id,
			unitId: v.unitId,
			category: v.category,
			content: v.content,
			madeOn: v.madeOn,
			dueBy: v.dueBy,
			status: v.status,
			overdue: v.overdue,
			...(v.fulfilledOn ? { fulfilledOn: v.fulfilledOn } : {}),
			unitName: v.unitName,
			...(v.madeUnder !== v.unitName ? { madeUnder: v.madeUnder } : {}),
			...(v.standardContent ? { standardContent: v.standardContent } : {}),
			...(v.standardQuality ? { standardQuality: v.standardQuality } : {}),
			...(v.standardDeadline ? { standardDeadline: v.standardDeadline } : {}),
			...(v.statusSince ? { statusSince: v.statusSince } : {}),
			...(v.note ? { note: v.note } : {}),
			/** The recorded updates (updates.csv rows up to the as-of date), oldest first. */
			history: v.history
				.filter((h) => h.kind !== 'made' && h.kind !== 'overdue')
				.map((h) => ({ date: h.date, status: h.kind, ...(h.evidence ? { evidence: h.evidence } : {}) })),
		}));
}

/** Columns of `/data/commitments.csv`, in order. */
export const COMMITMENT_CSV_COLUMNS = [
	'id',
	'unitId',
	'category',
	'content',
	'madeOn',
	'dueBy',
	'status',
	'overdue',
	'fulfilledOn',
	'unitName',
	'madeUnder',
	'standardContent',
	'standardQuality',
	'standardDeadline',
	'statusSince',
	'note',
	'history',
] as const;

/** The CSV twin: the same rows; the history as `日期 状态：说明` items separated by "；". */
export function commitmentsCsv(views: readonly CommitmentView[]): string {
	return toCsv(
		commitmentsJson(views).map((r) => ({
			...r,
			history: r.history
				.map((h) => `${h.date} ${STATUS_LABEL[h.status]}${h.evidence ? `：${h.evidence}` : ''}`)
				.join('；'),
		})),
		COMMITMENT_CSV_COLUMNS,
	);
}

/**
 * `/data/pledges.json`: one object per pledge, sorted by id, with the collecting unit's current name (and, when it
 * was called otherwise on the day the pledge was signed, that name as `signedUnder`) and the quarters the pledge
 * counts toward its score.
 * @param unitName a unit's name on a date, or today without one
 */
export function pledgesJson(
	pledges: readonly PledgeRow[],
	unitName: (unitId: string, date?: string) => string,
	validQuarters: Parameters<typeof pledgeValidity>[1],
) {
	return [...pledges]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((p) => {
			const { from, to } = pledgeValidity(p.signedOn, validQuarters);
			const now = unitName(p.unitId);
			const then = unitName(p.unitId, p.signedOn);
			return {
				id: p.id,
				enterprise: p.enterprise,
				uscc: p.uscc,
				kinds: [...p.kinds],
				signedOn: p.signedOn,
				unitId: p.unitId,
				unitName: now,
				...(then !== now ? { signedUnder: then } : {}),
				validFrom: from,
				validTo: to,
			};
		});
}

/** Columns of `/data/pledges.csv`, in order. */
export const PLEDGE_CSV_COLUMNS = [
	'id',
	'enterprise',
	'uscc',
	'kinds',
	'signedOn',
	'unitId',
	'unitName',
	'signedUnder',
	'validFrom',
	'validTo',
] as const;

/** The CSV twin: the same rows; kinds joined with "、". */
export function pledgesCsv(rows: ReturnType<typeof pledgesJson>): string {
	return toCsv(rows, PLEDGE_CSV_COLUMNS);
}
