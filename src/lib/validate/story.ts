/**
 * Checks an exemplar's detailed story (MDX): it must parse, must be plain Markdown (no imports, exports, components or
 * `{expressions}` — the office writes text, and a story must not run code on the public site), and its length is
 * counted in 字: every non-whitespace character of the text, without Markdown syntax.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { toString } from 'mdast-util-to-string';
import type { Issue } from '../issues.ts';

interface Node {
	type: string;
	url?: string;
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

/** One parser for every story (building it per story costs a tenth of the parse). */
const mdx = unified().use(remarkParse).use(remarkMdx).freeze();

/** Link targets a story may use: the web, mail, or a page of this site. */
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

/** Parses a story and returns its length in 字 and any problems. */
export function storyText(source: string, file: string): { chars: number; issues: Issue[] } {
	const issues: Issue[] = [];
	let tree: Node;
	try {
		tree = mdx.parse(source) as Node;
	} catch (e) {
		const err = e as { line?: number; column?: number; reason?: string; message?: string };
		issues.push({
			file,
			line: err.line ?? 1,
			column: err.column ?? 1,
			code: 'mdx-syntax',
			message: `MDX 语法错误：${err.reason ?? err.message}。事迹正文中的 < { } 等符号请写成全角或用反斜杠转义`,
			severity: 'error',
		});
		return { chars: 0, issues };
	}
	const walk = (n: Node) => {
		const what = FORBIDDEN[n.type];
		if (what) {
			issues.push({
				file,
				line: n.position?.start.line ?? 1,
				column: n.position?.start.column ?? 1,
				code: 'mdx-forbidden',
				message: `详细事迹只能是纯文字（段落、小标题、列表、加粗），不能使用${what}`,
				severity: 'error',
			});
			return;
		}
		if (
			(n.type === 'link' || n.type === 'image' || n.type === 'definition') &&
			n.url !== undefined &&
			!SAFE_URL.test(n.url)
		) {
			issues.push({
				file,
				line: n.position?.start.line ?? 1,
				column: n.position?.start.column ?? 1,
				code: 'unsafe-link',
				message: `链接地址 "${n.url.slice(0, 60)}" 不允许：只能链接到 http://、https://、mailto: 或本站页面（以 / 开头）`,
				severity: 'error',
			});
		}
		if (n.type === 'image')
			issues.push({
				file,
				line: n.position?.start.line ?? 1,
				column: n.position?.start.column ?? 1,
				code: 'mdx-forbidden',
				message: '正文中不能插入图片；候选人照片请填写在 candidates.csv 的"照片"列',
				severity: 'error',
			});
		n.children?.forEach(walk);
	};
	walk(tree);
	const chars = [...toString(tree as never).replace(/\s+/g, '')].length;
	return { chars, issues };
}
