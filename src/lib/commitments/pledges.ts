/**
 * Enterprise credit pledges (属地行政监管, seed 002 附件1 五): how long a pledge counts toward the town's score, and the
 * search the pledges page offers (by enterprise name or 统一社会信用代码). Pure; the search also runs in the browser.
 */
import { addQuarters, quarterOf, quarterStart, type QuarterId } from '../quarters.ts';
import type { Rubric } from '../../schemas/rubric.ts';
import { rubricOn } from './coverage.ts';

/** The longest a rubric counts a pledge: `validQuarters` is at most 8 (`src/schemas/rubric.ts`). */
const MAX_VALID_QUARTERS = 8;

/** The rule of a rubric's indicator that counts items: the pledges indicator is one (`source: 'pledges'`). */
export type PledgeRule = Extract<Rubric['indicators'][number]['rule'], { kind: 'perItem' }>;
/** A rubric's pledges indicator rule (属地行政监管: points per enterprise with a pledge), if it has one. */
export function pledgeRuleOf(rubric: Rubric | undefined): PledgeRule | undefined {
	return rubric?.indicators
		.map((i) => i.rule)
		.find((r): r is PledgeRule => r.kind === 'perItem' && r.source === 'pledges');
}

/**
 * How many quarters each quarter's rubric counts a pledge: the pledges indicator's `validQuarters` (1 when not
 * given, as the score reads it) in the rubric of the quarter's year (`rubricOn` its first day: a year with no rubric
 * yet is taken to keep the latest one); undefined when that rubric has no pledges indicator.
 */
export function pledgeQuarters(rubrics: readonly Rubric[]): (q: QuarterId) => number | undefined {
	// By year: a city's 20,000 pledges ask up to seven quarters each, and rubricOn sorts the rubrics every time.
	const byYear = new Map<string, number | undefined>();
	return (q) => {
		const year = q.slice(0, 4);
		if (!byYear.has(year)) byYear.set(year, ruleQuarters(pledgeRuleOf(rubricOn(rubrics, quarterStart(q)))));
		return byYear.get(year);
	};
}

/** How many quarters a pledges rule counts a pledge: its `validQuarters`, 1 when not given (as the score reads it). */
const ruleQuarters = (rule: PledgeRule | undefined) => rule && (rule.validQuarters ?? 1);

/** What the pledges pages say of the rule in force: `在综合信用评价中，每家企业计 0.5 分，最高 5 分，自签订季度起 4 个季度内有效。` */
export function pledgeRuleText(rule: PledgeRule): string {
	return `在综合信用评价中，每家企业计 ${rule.per} 分，最高 ${rule.cap} 分，自签订季度起 ${ruleQuarters(rule)} 个季度内有效。`;
}

/**
 * The quarters a pledge counts in: from the quarter it was signed through the last quarter that still counts it,
 * as the score counts it (`indicatorPoints`): a quarter counts a pledge signed k quarters before it when its rubric
 * counts pledges for more than k quarters (seed 002 附件1 五「属地行政监管」"此项分值有效期至次年同月认定的前一季度止" =
 * 4 quarters). The rubric may change from one year to the next, so each quarter's is asked (`pledgeQuarters`): a
 * pledge signed in 2026-Q2 counts through 2026-Q4 under a 2026 rubric of 4 quarters and a 2027 rubric of 2, not
 * through 2027-Q1. A number: the same rubric every quarter.
 */
export function pledgeValidity(
	signedOn: string,
	validIn: number | ((q: QuarterId) => number | undefined),
): { from: QuarterId; to: QuarterId } {
	const from = quarterOf(signedOn);
	const quarters = typeof validIn === 'number' ? () => validIn : validIn;
	let to = from;
	for (let k = 1; k < MAX_VALID_QUARTERS; k++) {
		const q = addQuarters(from, k);
		if (k < (quarters(q) ?? 0)) to = q;
	}
	return { from, to };
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
