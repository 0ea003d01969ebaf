/**
 * Renders a story or policy document to HTML for the site: the validator's parser (`parse.ts`, same dialect, same
 * limits), then mdast → hast without raw HTML, then an allowlist sanitizer (rehype-sanitize with `allowlist.ts`) on
 * the finished tree, whatever the parser accepted. The content loaders call this, so the site shows exactly what the
 * validator checked, and a test can feed this very function hostile text.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { parseMarkdown, type MarkdownTree } from './parse.ts';
import { SANITIZE_SCHEMA, isAllowedUrl } from './allowlist.ts';
import { formatIssue } from '../issues.ts';

/** mdast nodes of MDX syntax: the validator refuses them; the renderer drops them, never renders them. */
const MDX_NODES = new Set([
	'mdxjsEsm',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
	'mdxFlowExpression',
	'mdxTextExpression',
]);

interface AnyNode {
	type: string;
	depth?: number;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: AnyNode[];
}

/** Every node of a tree, without recursion. */
function* nodes(root: AnyNode): Generator<AnyNode> {
	const stack = [root];
	while (stack.length) {
		const n = stack.pop()!;
		yield n;
		if (n.children) stack.push(...n.children);
	}
}

/**
 * Links whose target is outside the allowlist lose it. The sanitizer checks schemes too, but reads `//host/` as
 * relative; `isAllowedUrl` is the validator's own test.
 */
function dropUnsafeHrefs() {
	return (tree: AnyNode) => {
		for (const n of nodes(tree))
			if (n.type === 'element' && typeof n.properties?.href === 'string' && !isAllowedUrl(n.properties.href))
				delete n.properties.href;
	};
}

const toHtml = unified()
	.use(remarkRehype)
	.use(dropUnsafeHrefs)
	.use(rehypeSanitize, SANITIZE_SCHEMA)
	.use(rehypeStringify)
	.freeze();

/**
 * A story or policy text as HTML.
 * @param source the text as the validator read it
 * @param file its path, for the message should the text not parse (the validator refuses such a text first)
 * @param opts.headingOffset levels added to every heading (a story's `##` sits under the profile's own headings)
 */
export function renderMarkdown(source: string, file: string, opts: { headingOffset?: number } = {}): string {
	const { tree, issues } = parseMarkdown(source, file);
	if (!tree) throw new Error(`正文无法排版：\n${issues.map(formatIssue).join('\n')}`);
	const offset = opts.headingOffset ?? 0;
	for (const n of nodes(tree as AnyNode)) {
		if (n.children) n.children = n.children.filter((c) => !MDX_NODES.has(c.type));
		if (n.type === 'heading' && n.depth !== undefined) n.depth = Math.min(6, n.depth + offset);
	}
	return toHtml.stringify(toHtml.runSync(tree as MarkdownTree));
}
