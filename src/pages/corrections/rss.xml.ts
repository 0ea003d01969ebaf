/**
 * RSS feed of the 更正台账 (`/corrections/rss.xml`), newest first: one item per correction, its changes in plain text.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { ledger, correctionHref } from '../../page-data/ledger.ts';
import { quarterLabel } from '../../lib/quarters.ts';
import { feedDate, feedPlainText } from '../../lib/feed.ts';

export const GET: APIRoute = async (context) => {
	const site = (await getEntry('site', 'site'))!.data;
	const base = context.site ?? site.url;
	return rss({
		title: `${site.name} · 更正台账`,
		description: '已发布的季度评价结果的更正：日期、文号、理由和更正前后的值',
		// The channel's link is the page the feed follows, not the site's front page.
		site: new URL('/corrections/', base).href,
		customData: '<language>zh-cn</language>',
		items: ledger().map((e) => ({
			title: `${quarterLabel(e.quarter)}评价结果更正（${e.docNumber}）`,
			// Absolute: @astrojs/rss would give a relative link a trailing slash, after the anchor (#GZ-2022-01/),
			// which names no element on the page.
			link: new URL(correctionHref(e.id), base).href,
			// Midnight in Asia/Shanghai of the day of the correction.
			pubDate: feedDate(e.date),
			// Plain text: feed readers render a description as HTML (src/lib/feed.ts).
			description: feedPlainText(
				`理由：${e.reason}。更正：${e.changes
					.map((c) => `${c.unitName}（${c.unitId}）${c.fieldLabel} ${c.from || '—'} → ${c.to || '—'}`)
					.join('；')}。`,
			),
		})),
	});
};
