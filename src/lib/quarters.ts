/**
 * Quarters (`2022-Q4`), the evaluation period of seed 002 三(四) "以季度为单位".
 */

/** A quarter id such as `2022-Q4`. */
export type QuarterId = `${number}-Q${1 | 2 | 3 | 4}`;

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

/** Whether a string is a quarter id. */
export function isQuarterId(s: string): s is QuarterId {
	return QUARTER_RE.test(s);
}

const parsed = new Map<string, { year: number; n: number }>();

/** Year and quarter number of a quarter id (remembered: scoring asks for the same few hundred quarters millions of
 * times). */
export function parseQuarter(q: QuarterId): { year: number; n: number } {
	let p = parsed.get(q);
	if (!p) {
		const m = q.match(QUARTER_RE)!;
		p = Object.freeze({ year: Number(m[1]), n: Number(m[2]) });
		parsed.set(q, p);
	}
	return p;
}

/** The quarter id for a year and quarter number. */
export function quarterId(year: number, n: number): QuarterId {
	return `${year}-Q${n}` as QuarterId;
}

/** First day of the quarter, YYYY-MM-DD. */
export function quarterStart(q: QuarterId): string {
	const { year, n } = parseQuarter(q);
	return `${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** Last day of the quarter, YYYY-MM-DD. */
export function quarterEnd(q: QuarterId): string {
	const { year, n } = parseQuarter(q);
	return ['', `${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][n];
}

/** The quarter a date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): QuarterId {
	const month = Number(date.slice(5, 7));
	return quarterId(Number(date.slice(0, 4)), Math.floor((month - 1) / 3) + 1);
}

/** A running number for arithmetic: year × 4 + (n − 1). */
export function quarterIndex(q: QuarterId): number {
	const { year, n } = parseQuarter(q);
	return year * 4 + n - 1;
}

/** The quarter `k` quarters after `q` (negative for before). */
export function addQuarters(q: QuarterId, k: number): QuarterId {
	const i = quarterIndex(q) + k;
	return quarterId(Math.floor(i / 4), (i % 4) + 1);
}

/** Chinese label: `2022年第四季度`. */
export function quarterLabel(q: QuarterId): string {
	const { year, n } = parseQuarter(q);
	return `${year}年第${'一二三四'[n - 1]}季度`;
}
