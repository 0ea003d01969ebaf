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
 * A story's Markdown with every ATX heading one level deeper (`##` → `###`), so that the story's own headings sit
 * under the profile's "详细事迹" heading. Fenced code is left alone (stories are plain text; this is just prudence).
 */
export function demoteHeadings(markdown: string): string {
	let fenced = false;
	return markdown
		.split('\n')
		.map((line) => {
			if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
			if (fenced) return line;
			return line.replace(/^(\s{0,3})(#{1,5})(?=\s|$)/, '$1#$2');
		})
		.join('\n');
}
