/**
 * Enterprise credit pledges (属地行政监管, seed 002 附件1 五): how long a pledge counts toward the town's score, and the
 * search the pledges page offers (by enterprise name or 统一社会信用代码). Pure; the search also runs in the browser.
 */
import { addQuarters, quarterOf, type QuarterId } from '../quarters.ts';

/**
 * The quarters a pledge counts in: from the quarter it was signed, `validQuarters` quarters in all
 * (seed 002 附件1 五「属地行政监管」"此项分值有效期至次年同月认定的前一季度止" = 4 quarters).
 */
export function pledgeValidity(signedOn: string, validQuarters: number): { from: QuarterId; to: QuarterId } {
	const from = quarterOf(signedOn);
	return { from, to: addQuarters(from, Math.max(1, validQuarters) - 1) };
}

/** A search query as typed: spaces removed (codes are often pasted in groups), letters in upper case. */
export function normaliseQuery(query: string): string {
	return query
		.replace(/[\s\u3000]/g, '')
		.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.toUpperCase();
}

/**
 * Whether a pledge matches a search: the enterprise name or the 统一社会信用代码 contains the query (ignoring spaces,
 * full-width forms and letter case). An empty query matches everything.
 */
export function pledgeMatches(query: string, pledge: { enterprise: string; uscc: string }): boolean {
	const q = normaliseQuery(query);
	return normaliseQuery(pledge.enterprise).includes(q) || normaliseQuery(pledge.uscc).includes(q);
}

/** One pledge in the search data: id, enterprise, 统一社会信用代码, collecting unit's id, signing date. */
export type PledgeIndexRow = [id: string, enterprise: string, uscc: string, unitId: string, signedOn: string];

/**
 * What the pledge search on `/commitments/pledges/` downloads (only once someone types): the fields it matches and
 * shows, nothing else, and each collecting unit's name once.
 */
export interface PledgeIndex {
	units: Record<string, string>;
	rows: PledgeIndexRow[];
}

/** The search data of the given pledges, in the given order. */
export function pledgeIndex(
	pledges: readonly { id: string; enterprise: string; uscc: string; unitId: string; signedOn: string }[],
	unitName: (unitId: string) => string,
): PledgeIndex {
	const units: Record<string, string> = {};
	for (const p of pledges) units[p.unitId] ??= unitName(p.unitId);
	return { units, rows: pledges.map((p) => [p.id, p.enterprise, p.uscc, p.unitId, p.signedOn]) };
}

/** The pledges matching a query (see `pledgeMatches`): how many, and the first `limit` of them in index order. */
export function searchPledges(
	index: PledgeIndex,
	query: string,
	limit: number,
): { total: number; rows: PledgeIndexRow[] } {
	const rows: PledgeIndexRow[] = [];
	let total = 0;
	for (const row of index.rows)
		if (pledgeMatches(query, { enterprise: row[1], uscc: row[2] })) {
			total++;
			if (rows.length < limit) rows.push(row);
		}
	return { total, rows };
}
