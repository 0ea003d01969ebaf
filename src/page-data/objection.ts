/**
 * The 异议 path: every result, 失信 record and exemplar page links to `/objection/` with what the objection is about
 * (the kind of record, its id and its period) in the query string; the page's script reads it back and shows it in a
 * box the reader can copy into an e-mail or read out on the phone. Only ids and periods of the published shapes are
 * accepted, so a crafted link cannot make the office's page show arbitrary text.
 * @see src/docs/rules/004-dishonesty.md 九「认为披露的失信记录有差错的……提出异议申请，该失信信息提供主体应当于10个工作日内将核查情况反馈」
 * @see src/docs/rules/000-exemplars.md 第八条「公示7个工作日，无异议的认定」、第十条「接到……投诉或举报的，经核实情况属实……取消或撤销」
 */
import { isQuarterId, quarterLabel } from '../lib/quarters.ts';

/** What an objection is about: a quarter's result of a unit, a unit's 失信 record, or an exemplar (candidate). */
export type ObjectionKind = 'grade' | 'record' | 'exemplar';

/** The record an objection is about, as the query string of `/objection/` carries it. */
export interface ObjectionTarget {
	kind: ObjectionKind;
	/** The unit id (grade), the 失信 record id, or the candidate id. */
	id: string;
	/** A quarter (`2023-Q4`) or a year (`2026`). */
	period?: string;
}

/** The page every 异议 link leads to. */
export const OBJECTION_PATH = '/objection/';

/** Chinese names of the kinds, and what the id is called for each. */
export const OBJECTION_KINDS: Record<ObjectionKind, { what: string; id: string }> = {
	grade: { what: '季度评价结果', id: '单位编号' },
	record: { what: '失信记录', id: '记录编号' },
	exemplar: { what: '政务诚信典型人选', id: '人选编号' },
};

/** The ids the validator accepts (letters, digits, - and _, at most 64; see `id-format`). */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const YEAR = /^\d{4}$/;

/** The link to the 异议 page for one record: `/objection/?kind=grade&id=cqz&period=2023-Q4`. */
export function objectionHref(target: ObjectionTarget): string {
	const q = new URLSearchParams({ kind: target.kind, id: target.id });
	if (target.period) q.set('period', target.period);
	return `${OBJECTION_PATH}?${q}`;
}

/**
 * Reads an objection target back from a query string; undefined unless the kind is known and the id (and the period,
 * if any) have the published shapes. A period of another shape is dropped, never shown.
 */
export function parseObjectionQuery(search: string): ObjectionTarget | undefined {
	const q = new URLSearchParams(search);
	const kind = q.get('kind');
	const id = q.get('id');
	if (!kind || !(kind in OBJECTION_KINDS) || !id || !ID.test(id)) return undefined;
	const period = q.get('period') ?? undefined;
	const ok = period !== undefined && (isQuarterId(period) || YEAR.test(period));
	return { kind: kind as ObjectionKind, id, ...(ok ? { period } : {}) };
}

/** A period in words: `2023年第四季度（2023-Q4）`, `2026 年度`. */
export function periodText(period: string): string {
	return isQuarterId(period) ? `${quarterLabel(period)}（${period}）` : `${period} 年度`;
}

/**
 * The reference line of an objection, as the reader copies it: `季度评价结果 · 单位编号 cqz · 2023年第四季度（2023-Q4）`.
 */
export function objectionReference(target: ObjectionTarget): string {
	const k = OBJECTION_KINDS[target.kind];
	return [k.what, `${k.id} ${target.id}`, ...(target.period ? [periodText(target.period)] : [])].join(' · ');
}

/** The subject of the objection e-mail: `异议：季度评价结果 · 单位编号 cqz · 2023年第四季度（2023-Q4）`. */
export function objectionSubject(target: ObjectionTarget): string {
	return `异议：${objectionReference(target)}`;
}
