/**
 * Pagefind attributes for the exemplar, notice and unit pages: the filters 内容类型, 年份, 状态 and 单位类别 and the
 * result title. A `data-pagefind-filter` attribute holds one `key:value` pair (so each filter gets its own element,
 * see `src/components/SearchFilters.astro`); `data-pagefind-meta` holds several, separated by commas, so meta values
 * are cleaned of ASCII commas (Chinese text uses "，" anyway).
 */
import type { PublicStage } from './public.ts';

/**
 * The 内容类型 filter values, one per kind of page in the index. The search page lists them all from the start: a
 * value only the index knew was added to the list once the index loaded, so the list changed under the reader.
 */
export const SEARCH_TYPES = ['诚信典型', '公示公告', '被评价单位', '公开承诺', '企业信用承诺'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** The 状态 filter values: 公示中 covers an objection being checked, so one choice finds everyone in 公示. */
export const STATUS_FILTER: Record<PublicStage, string> = {
	publicizing: '公示中',
	verifying: '公示中',
	recognized: '已认定',
	revoked: '已撤销',
	'not-recognized': '未予认定',
};

const clean = (v: string | number) => String(v).replace(/,/g, '，').replace(/\s+/g, ' ').trim();

/** The `data-pagefind-filter` values of a page, one `key:value` pair each. */
export function searchFilters(f: {
	type: SearchType;
	year?: number;
	status?: PublicStage;
	unitCategory?: string;
}): string[] {
	const pairs: [string, string | number | undefined][] = [
		['内容类型', f.type],
		['年份', f.year],
		['状态', f.status && STATUS_FILTER[f.status]],
		['单位类别', f.unitCategory],
	];
	return pairs.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}:${clean(v!)}`);
}

/** `data-pagefind-meta` value with the result title (and more meta if given). */
export function searchMeta(meta: Record<string, string>): string {
	return Object.entries(meta)
		.map(([k, v]) => `${k}:${clean(v)}`)
		.join(', ');
}
