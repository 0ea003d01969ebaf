/**
 * Text for RSS feeds. RSS 2.0 readers take an item's `<description>` as HTML (entity-encoded in the XML), so a name
 * typed `<img src=x onerror=…>` would be rendered, and run, by a feed reader. A description here is plain text: it is
 * HTML-escaped before the feed writer XML-escapes it, and a reader that decodes the XML and renders the HTML shows the
 * characters as typed.
 */
import { quarterLabel, type QuarterId } from './quarters.ts';
import { GRADE_CODES, type Grade } from '../schemas/enums.ts';
import { t } from '../i18n/zh-CN.ts';

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Plain text as the HTML of an RSS `<description>`: every `& < > " '` escaped, so nothing in it is markup. */
export function feedPlainText(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** An item's date in a feed: midnight in Asia/Shanghai of the day (YYYY-MM-DD) it happened, the site's one time zone. */
export function feedDate(date: string): Date {
	return new Date(`${date}T00:00:00+08:00`);
}

/** What a release item of the grades feed is made from: a quarter's release and the grades it gave. */
export interface ReleasedQuarter {
	quarter: QuarterId;
	release: { releasedOn: string; docNumber: string };
	units: readonly { grade: Grade }[];
}

/**
 * The item of `/grades/rss.xml` that announces a quarter's release: its title and document number, the count of each
 * grade, and the link to the quarter's page (also the item's guid: one quarter, one item, whatever is corrected later;
 * corrections have their own feed). Dated midnight in Asia/Shanghai of the day of the release.
 */
export function releaseFeedItem(
	q: ReleasedQuarter,
	base: string | URL,
): { title: string; link: string; pubDate: Date; description: string } {
	const counts = GRADE_CODES.map((g) => `${t.grade[g]} ${q.units.filter((u) => u.grade === g).length} 个`);
	return {
		title: `${quarterLabel(q.quarter)}综合信用评价结果（${q.release.docNumber}）`,
		link: new URL(`/grades/${q.quarter}/`, base).href,
		pubDate: feedDate(q.release.releasedOn),
		description: feedPlainText(
			`${q.release.releasedOn} 发布，${q.units.length} 个单位：${counts.join('、')}。各单位的得分、等次和排名见季度结果页。`,
		),
	};
}
