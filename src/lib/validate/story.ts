/**
 * Checks a story (`exemplars/stories/*.mdx`) or policy document (`policies/*.mdx`): it must parse in the site's one
 * Markdown dialect (`src/lib/markdown/parse.ts`, with its limits of size, nesting and hidden characters), must be plain
 * Markdown (no imports, exports, components or `{expressions}` — the office writes text, and a text must not run code
 * on the public site), may link only where the sanitizer lets a link through (`src/lib/markdown/allowlist.ts`), and
 * its length is counted in 字 as WPS and Word count them (`countZi`), without Markdown syntax.
 */
import { toString } from 'mdast-util-to-string';
import type { Issue } from '../issues.ts';
import { parseMarkdown } from '../markdown/parse.ts';
import { isAllowedUrl } from '../markdown/allowlist.ts';
import { quoteValue } from '../quote.ts';
import { hiddenChars } from '../../schemas/table.ts';
import { isSiteUrl } from './site-links.ts';

interface Node {
	type: string;
	url?: string;
	identifier?: string;
	value?: string;
	title?: string | null;
	children?: Node[];
	position?: { start: { line: number; column: number } };
}

const FORBIDDEN: Record<string, string> = {
	mdxjsEsm: 'import/export 语句',
	mdxJsxFlowElement: '组件或 HTML 标签',
	mdxJsxTextElement: '组件或 HTML 标签',
	mdxFlowExpression: '{ } 表达式',
	mdxTextExpression: '{ } 表达式',
};

/** A block of a text as the site shows it (its Markdown marks gone, its character references decoded), and where. */
export interface RenderedBlock {
	text: string;
	line: number;
	column: number;
}

/**
 * Parses a story or policy text and returns its length in 字, any problems, and its blocks as the site shows them:
 * a number split by Markdown marks (`1380000**1111**`) or written with a character reference (`&#51;`) is whole there,
 * and is searched there too (`CheckContext.personalNumbers`).
 */
export function storyText(
	source: string,
	file: string,
): { chars: number; issues: Issue[]; blocks: RenderedBlock[]; links: TextLink[] } {
	const parsed = parseMarkdown(source, file);
	if (!parsed.tree) return { chars: 0, issues: parsed.issues, blocks: [], links: [] };
	// Links to this site's pages, checked against the built site (`site-links.ts`): written inline, or by reference
	// (`[评价方法][m]` with `[m]: /methodology/` below), where the definition is what the reader's link goes to.
	const links: TextLink[] = [];
	const definitions = new Map<string, Node>();
	const referenced = new Set<string>();
	const issues: Issue[] = [];
	const at = (n: Node, code: string, message: string) =>
		issues.push({
			file,
			line: n.position?.start.line ?? 1,
			column: n.position?.start.column ?? 1,
			code,
			message,
			severity: 'error',
		});
	// Iterative, in document order: the tree is bounded in depth, but a walk that cannot overflow costs nothing.
	const stack: Node[] = [parsed.tree as Node];
	while (stack.length) {
		const n = stack.pop()!;
		const what = FORBIDDEN[n.type];
		if (what) {
			at(n, 'mdx-forbidden', `详细事迹只能是纯文字（段落、小标题、列表、加粗），不能使用${what}`);
			continue;
		}
		if (n.type === 'link' && n.url !== undefined && isSiteUrl(n.url)) links.push(place(n, n.url));
		if (
			n.type === 'definition' &&
			n.url !== undefined &&
			n.identifier !== undefined &&
			!definitions.has(n.identifier)
		)
			definitions.set(n.identifier, n);
		if (n.type === 'linkReference' && n.identifier !== undefined) referenced.add(n.identifier);
		if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && n.url !== undefined)
			if (!isAllowedUrl(n.url))
				at(
					n,
					'unsafe-link',
					`链接地址 ${quoteValue(n.url)} 不允许：只能链接到 http://、https://、mailto: 或本站页面`,
				);
		// The source was checked before parsing; this catches what only the parser makes, such as `&#x202E;`.
		for (const v of [n.value, n.url, n.title])
			if (typeof v === 'string')
				for (const h of hiddenChars(v)) at(n, h.code, `字符引用（&#…;）写出的内容${h.message}`);
		// An image by reference (`![照片][p]` with `[p]: …` below) as well: the site shows neither.
		if (n.type === 'image' || n.type === 'imageReference')
			at(n, 'mdx-forbidden', '正文中不能插入图片；候选人照片请填写在 candidates.csv 的"照片"列');
		if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
	}
	for (const [id, d] of definitions)
		if (referenced.has(id) && isSiteUrl(d.url!)) links.push(place(d, d.url!));
	const blocks = ((parsed.tree as Node).children ?? []).map((n) => ({
		text: toString(n),
		line: n.position?.start.line ?? 1,
		column: n.position?.start.column ?? 1,
	}));
	return { chars: countZi(toString(parsed.tree)), issues, blocks, links };
}

/** A link to this site in a text, and where it is written. */
export interface TextLink {
	url: string;
	line: number;
	column: number;
}

const place = (n: Node, url: string): TextLink => ({
	url,
	line: n.position?.start.line ?? 1,
	column: n.position?.start.column ?? 1,
});

/**
 * 字 as WPS and Word count them (字数), which is how the office measures "不少于 1500 字": every Chinese character and
 * every other character outside ASCII (Chinese punctuation, full-width forms) is one, and so is each English word or
 * number (a run of Latin letters and digits, with . or ' inside it: `86.5`, `don't`); ASCII spaces and punctuation
 * count for nothing. Counting each Latin letter and digit as one 字 made `2023 年` four and a half times too long.
 */
export function countZi(text: string): number {
	return text.match(/[A-Za-z0-9]+(?:[.'’][A-Za-z0-9]+)*|[^\x00-\x7F\s]/gu)?.length ?? 0;
}
