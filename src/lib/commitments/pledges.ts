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
		.replace(/[\s\u3000]+/g, '')
		.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.toUpperCase();
}

/**
 * Whether a pledge matches a search: the enterprise name or the 统一社会信用代码 contains the query (ignoring spaces,
 * full-width forms and letter case). An empty query matches everything.
 */
export function pledgeMatches(query: string, pledge: { enterprise: string; uscc: string }): boolean {
	const q = normaliseQuery(query);
	if (!q) return true;
	return normaliseQuery(pledge.enterprise).includes(q) || normaliseQuery(pledge.uscc).includes(q);
}
