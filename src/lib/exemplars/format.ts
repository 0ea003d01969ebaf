/**
 * How exemplar pages write dates and periods in Chinese.
 */

/** `2026-11-18` → `2026年11月18日`. */
export function cnDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${y}年${m}月${d}日`;
}

/** The 公示 period in words, both dates and its length: `2026年11月18日至2026年11月26日（7 个工作日）`. */
export function noticePeriod(start: string, end: string, workdays = 7): string {
	return `${cnDate(start)}至${cnDate(end)}（${workdays} 个工作日）`;
}

/**
 * Until when a 公示 takes objections, said with its last day included: `2026年11月26日前，含当日`. "11月26日前" alone
 * reads to many as "before the 26th", while objections are taken through the 7th working day (`noticeRunning`; an
 * objection received that day keeps the candidate 待核实). The office's own columns say 前（含） the same way.
 * @see src/docs/rules/000-exemplars.md 第八条 评审与公示
 */
export function objectionsUntil(end: string): string {
	return `${cnDate(end)}前，含当日`;
}
