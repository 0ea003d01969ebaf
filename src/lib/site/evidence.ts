/**
 * Open data of the facts behind the scores: each quarter's evidence rows and the units' 失信 records. Every field
 * of these records is public by design (the office writes them for publication), so the rows go out as validated.
 */
import { getCollection } from 'astro:content';

/** Evidence field order in open data. */
export const EVIDENCE_FIELDS = [
	'id',
	'quarter',
	'unitId',
	'indicatorId',
	'kind',
	'date',
	'count',
	'points',
	'what',
	'source',
	'reason',
] as const;
/** 失信 record field order in open data. */
export const DISHONESTY_FIELDS = [
	'id',
	'unitId',
	'date',
	'severity',
	'kind',
	'what',
	'source',
	'repairedOn',
	'repairHow',
] as const;

/** Evidence rows grouped by quarter, each group sorted by id. */
export async function evidenceByQuarter(): Promise<Map<string, Record<string, unknown>[]>> {
	const by = new Map<string, Record<string, unknown>[]>();
	for (const { data } of await getCollection('evidence')) {
		// A blank pre-filled row (new:quarter's template, not yet filled in) is a placeholder, not a fact: not published.
		if (!data.date) continue;
		const row = Object.fromEntries(EVIDENCE_FIELDS.map((k) => [k, data[k] ?? null]));
		const list = by.get(data.quarter) ?? [];
		list.push(row);
		by.set(data.quarter, list);
	}
	for (const list of by.values()) list.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
	return by;
}

/** All 失信 records, sorted by date then id. */
export async function dishonestyRecords(): Promise<Record<string, unknown>[]> {
	return (await getCollection('dishonesty'))
		.map(({ data }) => Object.fromEntries(DISHONESTY_FIELDS.map((k) => [k, data[k] ?? null])))
		.sort((a, b) => (`${a.date}${a.id}` < `${b.date}${b.id}` ? -1 : 1));
}
