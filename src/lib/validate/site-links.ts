/**
 * Links from the office's texts (stories, policy documents) to pages of this site. Which pages a build makes is known
 * only once it has made them, so the validator keeps each such link with where it was written and the page that shows
 * the text (`CheckContext.siteLinks`), and `npm run build` looks each one up in the site it has just built (the stage
 * 核对发布结果, `scripts/account.ts`). A link to a page the site does not have — a rubric year this data has no file
 * for, a mistyped id, a page address without its closing `/` — is an error there, and nothing is published: a reader
 * who follows it would find 404, and the office would not know.
 */
import type { Issue } from '../issues.ts';
import { quoteValue } from '../quote.ts';
import { urlScheme } from '../markdown/allowlist.ts';

/** A link to this site in an office text. */
export interface SiteLink {
	/** The text's file, as shown in messages (`data/policies/xyb-2022-6.mdx`). */
	file: string;
	line: number;
	column: number;
	/** The link's destination as written (after Markdown's escapes). */
	url: string;
	/** The page the text is shown on (`/policies/xyb-2022-6/`): a relative link is read from there, as a browser does. */
	page: string;
}

/** Whether a link's destination is on this site: it has no scheme (a `//` link names another host, and is skipped). */
export function isSiteUrl(url: string): boolean {
	return urlScheme(url) === undefined;
}

/** The built site, as the check reads it: whether a file exists, and the `id`s of an HTML file's elements. */
export interface BuiltFiles {
	/** Whether the site has a file at this path (`/units/a1/index.html`, `/data/units.json`). */
	isFile(path: string): boolean;
	/** The `id` attributes of the HTML file at this path. */
	ids(path: string): ReadonlySet<string>;
}

const ORIGIN = 'https://site.invalid';

/**
 * The links of office texts that lead nowhere on the built site, one error each. A text whose page the site does not
 * have (a candidate not public yet) is not shown, and its links are not checked.
 */
export function brokenSiteLinks(links: readonly SiteLink[], site: BuiltFiles): Issue[] {
	const issues: Issue[] = [];
	for (const link of links) {
		if (!site.isFile(`${link.page}index.html`)) continue;
		const error = (message: string) =>
			issues.push({
				file: link.file,
				line: link.line,
				column: link.column,
				code: 'broken-link',
				message: `链接 ${quoteValue(link.url)} ${message}`,
				severity: 'error',
			});
		let url: URL;
		let path: string;
		try {
			url = new URL(link.url, `${ORIGIN}${link.page}`);
			path = decodeURIComponent(url.pathname);
		} catch {
			error('不是有效的网址：请改正链接地址，或删去这个链接');
			continue;
		}
		if (url.origin !== ORIGIN) continue;
		const file = path.endsWith('/') ? `${path}index.html` : path;
		if (!site.isFile(file)) {
			if (site.isFile(`${path}/index.html`))
				error(`少了结尾的“/”：本站这一页的地址是 ${path}/，请改成这个地址`);
			else
				error(
					`指向本站没有的页面 ${path}：请改正链接地址（可以在浏览器里打开那一页，从地址栏复制），或删去这个链接`,
				);
			continue;
		}
		const hash = url.hash.slice(1);
		if (!hash || !file.endsWith('.html')) continue;
		let id: string;
		try {
			id = decodeURIComponent(hash);
		} catch {
			id = hash;
		}
		if (!site.ids(file).has(id))
			error(`指向的页面 ${path} 中没有“#${id}”这个位置：请改正或删去“#”及其后的部分`);
	}
	return issues;
}
