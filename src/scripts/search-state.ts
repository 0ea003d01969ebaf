/**
 * The search page's state and wording, kept apart from the page's DOM code (`search.ts`) so that they are tested
 * like the rest: the address a search is shared by, and what the status line says.
 */

/** Pagefind's code, built into the site by the build's pagefind stage; the search worker loads it. */
export const PAGEFIND = '/pagefind/pagefind.js';

/** Results shown at once; the rest are counted. */
export const PAGE = 20;

/** A search: the words typed, and the filters chosen (by the select's name: type, year, status, category). */
export interface SearchState {
	term: string;
	filters: { name: string; key: string; value: string }[];
}

/**
 * The words to search for, as typed: full-width letters, digits and spaces (an input method in 全角 mode types
 * “２０２２” or “ＣＮ－ｂｌｚ”) become the half-width ones the index holds (NFKC), and the ends are trimmed.
 */
export function searchTerm(typed: string): string {
	return typed.normalize('NFKC').trim();
}

/** The address of a search (`/search/?q=…&type=…`), so that a link to it runs it again. */
export function searchHref(href: string, { term, filters }: SearchState): string {
	const url = new URL(href);
	url.search = '';
	if (term) url.searchParams.set('q', term);
	for (const f of filters) if (f.value) url.searchParams.set(f.name, f.value);
	return url.href;
}

/** Pagefind's filters of a search: the chosen values by the index's filter names (内容类型, 年份, …). */
export function pagefindFilters({ filters }: SearchState): Record<string, string> {
	return Object.fromEntries(filters.filter((f) => f.value).map((f) => [f.key, f.value]));
}

/** What the status line says: nothing asked, or how many results were found and how many are shown. */
export function statusText({ term, filters }: SearchState, found?: number, shown = PAGE): string {
	if (!term && !filters.some((f) => f.value)) return '请输入关键词，或选择筛选条件。';
	if (found === undefined) return '正在搜索……';
	if (found === 0)
		return term
			? `没有找到与“${term}”相关的内容。请检查有无错别字，或换用较短的词（如单位名称中的两个字、姓名）再试。`
			: '没有找到相关的内容。请减少筛选条件再试。';
	return `找到 ${found} 条结果${found > shown ? `，显示前 ${shown} 条` : ''}。`;
}

/** The words of the button under the results, or undefined when every result is shown. */
export function moreText(found: number, shown: number): string | undefined {
	if (found <= shown) return undefined;
	return `再显示 ${Math.min(PAGE, found - shown)} 条（共 ${found} 条）`;
}

/** The line under a result's title: its kind, year, status and category, as the index files them. */
export function kindLine(filters: Record<string, string[]>): string {
	return ['内容类型', '年份', '状态', '单位类别'].flatMap((k) => filters[k] ?? []).join(' · ');
}
