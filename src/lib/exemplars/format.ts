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
