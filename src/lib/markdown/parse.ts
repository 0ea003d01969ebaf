/**
 * The one Markdown dialect of the site: stories (`exemplars/stories/*.mdx`) and policy documents (`policies/*.mdx`) are
 * parsed here, by the validator and by the renderer alike, so the text the validator checked is the text the site
 * shows. A difference between two parsers is how raw HTML reached a page before (a GFM table cell that the validator,
 * without GFM, read as one code span).
 *
 * The dialect: CommonMark through remark-parse, with remark-mdx, and without GFM.
 *  - MDX, because the files are `.mdx` and the office has always written them so; MDX also turns off raw HTML,
 *    HTML comments, autolinks and indented code, so `<` and `{` are syntax the validator reports instead of markup
 *    the page would carry. The validator then refuses every import, component and expression (`story.ts`).
 *  - No GFM: stories and policies are prose (paragraphs, headings, lists, emphasis, links). Each GFM extension adds
 *    syntax with surprising edges — table cells that split code spans at `|`, footnote definitions that hide indented
 *    blocks, bare `www.` text turned into links, task-list `<input>` elements — and the office needs none of them.
 *    A table typed as pipes shows as the text it is.
 *
 * Hostile input is stopped before the parser sees it, because the parser's time grows faster than the text for some
 * shapes (measured on the old validator: 640 KB of nested lists, 16 s; 25,000 `*` around one letter, 114–168 s and
 * then a stack overflow) and deep nesting overflows the stack: the text's size, its container nesting per line and
 * its emphasis and bracket marks per paragraph are limited first, then the parsed tree's depth.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Issue } from '../issues.ts';
import { lineColumn } from '../text-position.ts';
import { hiddenChars } from '../../schemas/table.ts';

/** Longest text, in UTF-16 units (a Chinese character is one): a long policy document is about 20,000. */
export const MARKDOWN_MAX_CHARS = 50_000;
/** Deepest nesting of lists and block quotes. A story rarely nests twice. */
export const MARKDOWN_MAX_NESTING = 10;
/** Most `*`, `_`, `[` and `]` in one paragraph: a paragraph with ten bold phrases and ten links has about 60. */
export const MARKDOWN_MAX_MARKS = 200;
/** Deepest node of the parsed tree (lists, their items, paragraphs, emphasis, links…). */
export const MARKDOWN_MAX_TREE_DEPTH = 40;
/**
 * Most headings underlined with `=` or `-` (setext), and most lines continuing a block quote without their `>` (lazy
 * lines), in one text. The parser's time grows with the square of either count: an audit's story of 12,400 underlined
 * headings, under the size limit, held validation for 50 s and the build for two minutes more. A story has a few
 * headings, and writes them with `#`.
 */
export const MARKDOWN_MAX_SETEXT = 100;
export const MARKDOWN_MAX_LAZY = 100;

/** The one parser (building it per text costs a tenth of a parse). */
const processor = unified().use(remarkParse).use(remarkMdx).freeze();

/** A parsed text (an mdast root). */
export type MarkdownTree = ReturnType<typeof processor.parse>;

/**
 * A list marker (`-`, `+`, `*`, `1.`, `1)`) followed by a space or the end of the line, at `i`: its length (0 if none),
 * and for an ordered one its number.
 */
function listMarker(line: string, i: number): { length: number; start?: number } {
	let j = i;
	const c = line[j];
	let start: number | undefined;
	if (c === '-' || c === '+' || c === '*') j++;
	else {
		while (j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
		if (j === i || (line[j] !== '.' && line[j] !== ')')) return { length: 0 };
		start = Number(line.slice(i, j));
		j++;
	}
	return j === line.length || line[j] === ' ' || line[j] === '\t' ? { length: j - i, start } : { length: 0 };
}

/** How a line begins, for the nesting bound and for where a paragraph ends. */
interface LineStart {
	/** An upper bound of how deeply the line sits in lists and block quotes. */
	depth: number;
	/** It begins with a list marker (its first one's number, for an ordered list). */
	list?: { start?: number };
	/** It is an ATX heading: 1–6 `#` and then a space, a tab or the line's end (CommonMark 4.2). */
	heading: boolean;
	/** It holds only spaces and tabs. */
	blank: boolean;
	/** It starts at the left edge, with no indentation, `>` or marker. */
	flush: boolean;
	/** It begins with `>` (after at most three spaces): a line of a block quote. */
	quote: boolean;
	/** It is only `=` or only `-` (up to three spaces before, spaces after): under a text line, a setext underline. */
	underline: boolean;
}

/**
 * How a line begins: each `>` and list marker at its start counts one level, and every two columns of indentation
 * count one (a nested list item is indented at least two columns more than its parent's marker).
 */
function lineStart(line: string): LineStart {
	let depth = 0;
	let columns = 0;
	let i = 0;
	let list: LineStart['list'];
	for (;;) {
		if (line[i] === ' ') {
			columns++;
			i++;
		} else if (line[i] === '\t') {
			columns += 4;
			i++;
		} else if (line[i] === '>') {
			depth++;
			i++;
		} else {
			const m = listMarker(line, i);
			if (!m.length) break;
			depth++;
			list ??= { start: m.start };
			i += m.length;
		}
	}
	let hashes = 0;
	while (line[i + hashes] === '#') hashes++;
	const after = line[i + hashes];
	const heading = hashes >= 1 && hashes <= 6 && (after === undefined || after === ' ' || after === '\t');
	return {
		depth: depth + Math.floor(columns / 2),
		list,
		heading,
		blank: line.trim() === '',
		flush: i === 0,
		quote: /^ {0,3}>/.test(line),
		underline: /^ {0,3}(?:=+|-+)[ \t]*$/.test(line),
	};
}

/** The checks that run before the parser: size, characters, nesting per line, marks per paragraph. */
function preParse(source: string, file: string): Issue[] {
	const issues: Issue[] = [];
	const err = (line: number, column: number, code: string, message: string) =>
		issues.push({ file, line, column, code, message, severity: 'error' });
	if (source.length > MARKDOWN_MAX_CHARS) {
		err(
			1,
			1,
			'mdx-too-long',
			`正文过长：${source.length} 字符，最多 ${MARKDOWN_MAX_CHARS} 字符。请精简，或把附件作为单独的文件发布`,
		);
		return issues;
	}
	for (const h of hiddenChars(source)) {
		const at = lineColumn(source, h.index);
		err(at.line, at.column, h.code, h.message);
	}
	const lines = source.split(/\r\n|\r|\n/);
	let marks = 0;
	let paragraphStart = 0;
	let markReported = false;
	/** Whether the lines since the last list marker may still be in that list (no flush paragraph line after a blank). */
	let inList = false;
	let afterBlank = true;
	// Setext underlines and lazy lines (`MARKDOWN_MAX_SETEXT`): counted at most, each reported once at the line over.
	let underlines = 0;
	let lazy = 0;
	/** Whether the line before is a block quote's (its own `>`, or lazy). */
	let inQuote = false;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		const { depth, list, heading, blank, flush, quote, underline } = lineStart(line);
		// Under a line of text (not blank, no heading, no line of only - * _ = such as an underline or a rule): counted
		// whether or not the parser takes it for one (`---` under a list item is a rule), which is only stricter.
		if (
			underline &&
			n > 0 &&
			!afterBlank &&
			!lineStart(lines[n - 1]).heading &&
			!/^ {0,3}(?:[-*_=][ \t]*)+$/.test(lines[n - 1])
		)
			if (++underlines === MARKDOWN_MAX_SETEXT + 1)
				err(
					n + 1,
					1,
					'mdx-too-complex',
					`用 = 或 - 画线的标题超过 ${MARKDOWN_MAX_SETEXT} 个，无法可靠排版。标题请用 # 开头（如“## 小标题”）；要画分隔线，请在线的上面空一行`,
				);
		if (!blank && !quote && inQuote)
			if (++lazy === MARKDOWN_MAX_LAZY + 1)
				err(
					n + 1,
					1,
					'mdx-too-complex',
					`引用（行首的 >）里没有 > 的续行超过 ${MARKDOWN_MAX_LAZY} 行，无法可靠排版。请在引用的每一行行首加 >，或在引用结束后空一行`,
				);
		inQuote = !blank && (quote || inQuote);
		if (blank) afterBlank = true;
		else {
			if (!list && flush && afterBlank) inList = false;
			afterBlank = false;
		}
		// Where a new block ends the paragraph (CommonMark 4.2, 5.2): a heading; a list item, but when it would
		// interrupt a paragraph outside a list only a bullet or an ordered item numbered 1 does ("#*a" is no heading,
		// and "2. x" under a paragraph line is that paragraph's text). Counting marks across a block that is not one
		// is only stricter; resetting inside a paragraph let a 48 KB text of one paragraph keep the parser for 100 s.
		const startsBlock =
			heading || (list !== undefined && (inList || list.start === undefined || list.start === 1));
		if (list) inList = true;
		else if (heading) inList = false;
		if (depth > MARKDOWN_MAX_NESTING) {
			err(
				n + 1,
				1,
				'too-deep',
				`列表或引用嵌套过深：本行相当于 ${depth} 层（行首的每个 >、列表符号和每两个空格各算一层），最多 ${MARKDOWN_MAX_NESTING} 层。普通段落请不要在行首加空格`,
			);
			return issues;
		}
		if (blank || startsBlock) {
			marks = 0;
			paragraphStart = startsBlock ? n : n + 1;
			markReported = false;
		}
		// Stryker disable next-line EqualityOperator: past the line's end there is no mark
		for (let i = 0; i < line.length; i++) {
			const c = line.charCodeAt(i);
			// * _ [ ]
			if (c === 42 || c === 95 || c === 91 || c === 93) marks++;
		}
		if (marks > MARKDOWN_MAX_MARKS && !markReported) {
			markReported = true;
			err(
				paragraphStart + 1,
				1,
				'mdx-too-complex',
				`这一段的 * _ [ ] 符号超过 ${MARKDOWN_MAX_MARKS} 个，无法可靠排版。请删去多余的符号；要显示 * 等符号本身，可改用全角 ＊ ＿ 【 】`,
			);
		}
	}
	return issues;
}

/** Where a node starts, for messages (the parser gives every node its place). */
interface Positioned {
	type: string;
	children?: Positioned[];
	position: { start: { line: number; column: number } };
}

/** The first node deeper than the limit, found without recursion (the tree may be deep). */
function tooDeep(tree: Positioned): Positioned | undefined {
	const stack: [Positioned, number][] = [[tree, 0]];
	while (stack.length) {
		const [node, depth] = stack.pop()!;
		if (depth > MARKDOWN_MAX_TREE_DEPTH) return node;
		for (const child of node.children ?? []) stack.push([child, depth + 1]);
	}
	return undefined;
}

/**
 * The MDX parser's English reasons the office meets (a `<` or `{` typed in prose, an HTML tag pasted from Word), in
 * Chinese, each with the place to look at: the parser reports an unclosed tag at the end of its paragraph or of the
 * file (1:1), and names the tag's own place only inside its reason. Any other reason is shown as it is.
 */
const MDX_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
	[/^Expected a closing tag for `([^`]*)` \((\d+):(\d+)-/, (m) => `标签 ${m[1]} 没有对应的结束标签`],
	[
		/^Unexpected closing tag `([^`]*)`, expected corresponding closing tag for `([^`]*)` \((\d+):\d+-/,
		(m) => `结束标签 ${m[1]} 与第 ${m[3]} 行的开始标签 ${m[2]} 不对应`,
	],
	[
		/^Expected the closing tag `([^`]*)` either after the end of/,
		(m) => `结束标签 ${m[1]} 应与它的开始标签在同一段里`,
	],
	[
		/^Unexpected closing slash `\/` in tag, expected an open tag first/,
		() => '多余的结束标签：前面没有对应的开始标签',
	],
	[
		/^Unexpected end of file (before|in) (name|attribute|tag)/,
		() => '“<”开始了一个标签，但直到文件结尾也没有结束',
	],
	[
		/^Unexpected character `(.+?)` \(U\+[0-9A-F]+\) (before|in|after) /,
		(m) => `这里的“<”被当作标签的开头，但它后面的“${m[1]}”不能出现在标签里`,
	],
	[
		/^Unexpected end of file in expression, expected a corresponding closing brace/,
		() => '大括号“{”没有对应的“}”',
	],
	[/^Could not parse expression with acorn/, () => '大括号“{ }”里的内容不是程序能读的表达式'],
	[/^Unexpected lazy line/, () => '一对大括号或一个标签跨了几行，其中一行不在同一个引用或列表里'],
];

/** The office's reading of an MDX parse error: Chinese where known, and the place it names. */
export function mdxProblem(reason: string): { message: string; line?: number; column?: number } {
	for (const [re, say] of MDX_REASONS) {
		const m = re.exec(reason);
		if (!m) continue;
		// An unclosed tag: the place of the tag itself (the first "(行:列-" of the reason), not the end of its paragraph.
		const at = re === MDX_REASONS[0][0] ? { line: Number(m[2]), column: Number(m[3]) } : {};
		return { message: say(m), ...at };
	}
	return { message: reason };
}

/**
 * Parses a story or policy document in the site's dialect. Returns the tree, or the problems that stop it: the
 * limits above, MDX syntax errors, a tree too deep. The caller checks what the tree may contain.
 */
export function parseMarkdown(source: string, file: string): { tree?: MarkdownTree; issues: Issue[] } {
	const issues = preParse(source, file);
	if (issues.length) return { issues };
	let tree: MarkdownTree;
	try {
		tree = processor.parse(source);
	} catch (e) {
		// A guard: no text within the limits above is known to overflow the parser's stack (a { } expression 12,000
		// parentheses deep comes back from acorn as a syntax error), so no test reaches this.
		// Stryker disable all
		if (e instanceof RangeError)
			return {
				issues: [
					{
						file,
						line: 1,
						column: 1,
						code: 'too-deep',
						message:
							'正文的结构嵌套过深（括号、标签或格式标记层层相套），无法读取。请检查是否误粘贴了特殊内容',
						severity: 'error',
					},
				],
			};
		// Stryker restore all
		const err = e as { line?: number; column?: number; reason?: string; message: string };
		// Stryker disable next-line LogicalOperator: a parser's error is a VFileMessage, whose message is its reason
		const problem = mdxProblem(err.reason ?? err.message);
		return {
			issues: [
				{
					file,
					line: problem.line ?? err.line ?? 1,
					column: problem.column ?? err.column ?? 1,
					code: 'mdx-syntax',
					message: `MDX 语法错误：${problem.message}。正文中的 < { } 等符号请写成全角（＜ ｛ ｝）或在前面加反斜杠（\\< \\{ \\}）`,
					severity: 'error',
				},
			],
		};
	}
	const deep = tooDeep(tree as Positioned);
	if (deep)
		return {
			issues: [
				{
					file,
					line: deep.position.start.line,
					column: deep.position.start.column,
					code: 'too-deep',
					message: `格式嵌套过深：列表、引用、加粗、链接等层层相套超过 ${MARKDOWN_MAX_TREE_DEPTH} 层。请简化这一段的格式`,
					severity: 'error',
				},
			],
		};
	return { tree, issues: [] };
}
