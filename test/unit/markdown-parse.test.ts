/**
 * The limits `parseMarkdown` checks before the parser sees a story or policy document, each at its boundary, and the
 * places its messages name: the line and column the office's editor shows, under each kind of line end.
 */
import { describe, expect, it } from 'vitest';
import {
	MARKDOWN_MAX_CHARS,
	MARKDOWN_MAX_LAZY,
	MARKDOWN_MAX_MARKS,
	MARKDOWN_MAX_NESTING,
	MARKDOWN_MAX_SETEXT,
	MARKDOWN_MAX_TREE_DEPTH,
	mdxProblem,
	parseMarkdown,
} from '../../src/lib/markdown/parse.ts';

const FILE = 'data/policies/x.mdx';
/** The problems as `行:列 code`, and whether a tree came back. */
function read(source: string): { at: string[]; tree: boolean } {
	const r = parseMarkdown(source, FILE);
	for (const i of r.issues) expect(i).toMatchObject({ file: FILE, severity: 'error' });
	return { at: r.issues.map((i) => `${i.line}:${i.column} ${i.code}`), tree: r.tree !== undefined };
}
const message = (source: string) => parseMarkdown(source, FILE).issues.map((i) => i.message);
const fine = { at: [], tree: true };

describe('the limits, named in the messages, as the office is told them', () => {
	it('are the ones the messages and the office guide give', () => {
		expect([
			MARKDOWN_MAX_CHARS,
			MARKDOWN_MAX_NESTING,
			MARKDOWN_MAX_MARKS,
			MARKDOWN_MAX_TREE_DEPTH,
			MARKDOWN_MAX_SETEXT,
			MARKDOWN_MAX_LAZY,
		]).toEqual([50_000, 10, 200, 40, 100, 100]);
	});
});

describe('the length of the text', () => {
	it('takes 50,000 characters and refuses 50,001, at 1:1, with the count, before any other check', () => {
		expect(read('文'.repeat(50_000))).toEqual(fine);
		// A hidden character and a line nested too deep are not looked for in a text refused for its length.
		const long = `\u200B${'>'.repeat(20)}\n${'文'.repeat(49_979)}`;
		expect(long).toHaveLength(50_001);
		expect(read(long)).toEqual({ at: ['1:1 mdx-too-long'], tree: false });
		expect(message(long)).toEqual([
			'正文过长：50001 字符，最多 50000 字符。请精简，或把附件作为单独的文件发布',
		]);
	});
});

describe('hidden characters, at the line and column an editor shows', () => {
	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r'],
	])('under %s line ends, each counted once', (_name, end) => {
		const text = ['第一行', '', '第三行', '四四\u200B四'].join(end) + end;
		expect(read(text)).toEqual({ at: ['4:3 invisible-char'], tree: false });
	});

	it('a CR and an LF apart are two line ends', () => {
		expect(read('一\r\r\n\u202E二\n').at).toEqual(['3:1 invisible-char']);
		expect(read('一\n\r\u202E二\n').at).toEqual(['3:1 invisible-char']);
	});

	it('reports a control character and an invisible one together, and stops there', () => {
		expect(read('一\u0007二\n\n三\uFEFF四\n')).toEqual({
			at: ['1:2 control-char', '3:2 invisible-char'],
			tree: false,
		});
	});
});

describe('nesting per line: each >, each list marker and every two columns of indentation count one', () => {
	const deep = (line: string) => read(`段落\n\n${line}\n`);
	const depth = (line: string) => message(`${line}\n`)[0]?.match(/本行相当于 (\d+) 层/)?.[1];

	it('takes 10 > and refuses 11, at the line, with how deep it is', () => {
		expect(deep(`${'>'.repeat(10)} 引用`)).toEqual(fine);
		expect(deep(`${'>'.repeat(11)} 引用`)).toEqual({ at: ['3:1 too-deep'], tree: false });
		expect(message(`${'>'.repeat(11)}\n`)).toEqual([
			'列表或引用嵌套过深：本行相当于 11 层（行首的每个 >、列表符号和每两个空格各算一层），最多 10 层。普通段落请不要在行首加空格',
		]);
	});

	it('counts a space as one column and a tab as four', () => {
		expect(depth(`${' '.repeat(21)}文`)).toBeUndefined();
		expect(depth(`${' '.repeat(22)}文`)).toBe('11');
		expect(depth(`${'\t'.repeat(5)} 文`)).toBeUndefined();
		expect(depth(`${'\t'.repeat(5)}  文`)).toBe('11');
		// Spaces between the marks count too: eleven "> " are 11 + 5.
		expect(depth(`${'> '.repeat(11)}文`)).toBe('16');
	});

	it.each(['-', '+', '*', '1.', '1)', '0.', '0)', '10.', '123456789.'])(
		'counts %s as a list marker, before a space, a tab or the end of the line',
		(marker) => {
			expect(depth(`${'>'.repeat(9)}${marker}`)).toBeUndefined();
			expect(depth(`${'>'.repeat(10)}${marker}`)).toBe('11');
			expect(depth(`${'>'.repeat(10)}${marker} 项`)).toBe('11');
			expect(depth(`${'>'.repeat(10)}${marker}\t项`)).toBe('13');
		},
	);

	it.each(['-项', '1.5', '1、', 'a.', '.', ')', '. 项', '1234567890.', '#'])(
		'does not count %s as a list marker',
		(text) => {
			expect(depth(`${'>'.repeat(10)}${text}`)).toBeUndefined();
		},
	);

	it('counts the markers of a list item inside another on one line', () => {
		expect(depth(`${'>'.repeat(8)}- 1. 项`)).toBe('11');
	});

	it('stops at the first line too deep, keeping the hidden characters found before', () => {
		const text = `一\u200B\n${'>'.repeat(11)}\n${'>'.repeat(12)}\n`;
		expect(read(text)).toEqual({ at: ['1:2 invisible-char', '2:1 too-deep'], tree: false });
	});
});

describe('* _ [ ] per paragraph', () => {
	const marks = (n: number, mark = '_') => `a${mark}`.repeat(n);
	const over = (n: number) => [`${n}:1 mdx-too-complex`];

	it('takes 200 in a paragraph and refuses 201, at the line the paragraph starts', () => {
		expect(read(`${marks(200)}\n`)).toEqual(fine);
		expect(read(`${marks(201)}\n`)).toEqual({ at: over(1), tree: false });
		expect(read(`开头\n\n${marks(100)}\n${marks(101)}\n`).at).toEqual(over(3));
		expect(message(`${marks(201)}\n`)).toEqual([
			'这一段的 * _ [ ] 符号超过 200 个，无法可靠排版。请删去多余的符号；要显示 * 等符号本身，可改用全角 ＊ ＿ 【 】',
		]);
	});

	it.each(['*', '_', '[', ']'])('counts %s', (mark) => {
		expect(read(`${marks(201, mark)}\n`).at).toEqual(over(1));
	});

	it('does not count other signs', () => {
		expect(read(`${marks(300, '(')}\n`).at).toEqual([]);
		expect(read(`${marks(300, '＊')}\n`).at).toEqual([]);
	});

	it('starts counting again after a blank line, a list item or a heading, each of which starts a paragraph', () => {
		expect(read(`${marks(150)}\n\n${marks(150)}\n`)).toEqual(fine);
		expect(read(`${marks(150)}\n \t\n${marks(150)}\n`)).toEqual(fine);
		expect(read(`${marks(150)}\n- ${marks(150)}\n`)).toEqual(fine);
		expect(read(`${marks(150)}\n# ${marks(150)}\n`)).toEqual(fine);
		// The list item's own line starts the paragraph it names.
		expect(read(`${marks(150)}\n- ${marks(201)}\n`).at).toEqual(over(2));
		expect(read(`${marks(150)}\n# ${marks(201)}\n`).at).toEqual(over(2));
	});

	it('goes on counting over lines that only look like a new block (CommonMark): "#a" is no heading, "2." under a paragraph is its text', () => {
		expect(read(`${marks(150)}\n#${marks(60)}\n`).at).toEqual(over(1));
		expect(read(`${marks(150)}\n####### ${marks(60)}\n`).at).toEqual(over(1));
		expect(read(`${marks(150)}\n2. ${marks(60)}\n`).at).toEqual(over(1));
		// An ordered item numbered 1 does start a list under a paragraph, and the items after it are items.
		expect(read(`${marks(150)}\n1. ${marks(150)}\n2. ${marks(150)}\n3) ${marks(150)}\n`)).toEqual(fine);
		// So does any item after a blank line; a flush paragraph line after a blank line ends the list.
		expect(read(`正文\n\n2. ${marks(150)}\n3. ${marks(150)}\n`)).toEqual(fine);
		expect(read(`- a\n\n正文${marks(150)}\n2. ${marks(60)}\n`).at).toEqual(over(3));
	});

	it('finds a 48 KB paragraph of false headings too complex before the parser sees it (it kept the parser for 100 s)', () => {
		const line = `#${'*a_'.repeat(66)}`;
		expect(read(Array(240).fill(line).join('\n')).at).toEqual(over(1));
	});

	it('names each paragraph over the limit once, and goes on to the next', () => {
		const text = `${marks(300)}\n${marks(10)}\n\n正文\n\n${marks(120)}\n${marks(120)}\n${marks(5)}\n`;
		expect(read(text)).toEqual({ at: [...over(1), ...over(6)], tree: false });
	});
});

describe('headings underlined with = or -, and block-quote lines without their >', () => {
	// The parser's time grows with the square of either count (an audit: 12,400 underlined headings, 50 s).
	it('takes 100 underlined headings and refuses the 101st, at its underline, before the parser sees the text', () => {
		const headings = (n: number, under = '=') => Array(n).fill(`小标题\n${under}\n\n正文。\n`).join('\n');
		expect(read(headings(100))).toEqual(fine);
		expect(read(headings(50, '---') + '\n' + headings(50, '  ==  '))).toEqual(fine);
		// Heading 101 starts on line 5 × 100 + 1; its underline is the next line.
		expect(read(headings(101))).toEqual({ at: ['502:1 mdx-too-complex'], tree: false });
		expect(read(headings(101, '-')).at).toEqual(['502:1 mdx-too-complex']);
		expect(message(headings(101))).toEqual([
			'用 = 或 - 画线的标题超过 100 个，无法可靠排版。标题请用 # 开头（如“## 小标题”）；要画分隔线，请在线的上面空一行',
		]);
	});
	it('does not count a rule after a blank line, a line of = under a heading or a rule, or # headings', () => {
		expect(read(Array(300).fill('正文。\n\n---\n').join('\n'))).toEqual(fine);
		expect(read(Array(300).fill('## 小标题\n===\n').join('\n')).at).toEqual([]);
		expect(read(Array(300).fill('正文。\n\n***\n---\n').join('\n')).at).toEqual([]);
	});
	it('takes 100 lines continuing a quote without > and refuses the 101st, at its line', () => {
		const quotes = (n: number) => Array(n).fill('> 引用\n续行\n').join('\n');
		expect(read(quotes(100))).toEqual(fine);
		expect(read(quotes(101))).toEqual({ at: ['302:1 mdx-too-complex'], tree: false });
		// Lines with their own > are not counted.
		expect(read(Array(300).fill('> 引用\n> 续行\n').join('\n'))).toEqual(fine);
		expect(message(quotes(101))).toEqual([
			'引用（行首的 >）里没有 > 的续行超过 100 行，无法可靠排版。请在引用的每一行行首加 >，或在引用结束后空一行',
		]);
	});
});

describe('the depth of the parsed tree', () => {
	/** `n` emphases one inside another: the root, its paragraph, the n emphases and the text make n + 2 levels. */
	const nested = (n: number) => {
		const mark = (i: number) => (i % 2 ? '_' : '*');
		let text = '';
		for (let i = 0; i < n; i++) text += `${mark(i)}a `;
		text += 'x';
		for (let i = n - 1; i >= 0; i--) text += ` b${mark(i)}`;
		return `${text}\n`;
	};

	it('takes a text 40 levels deep and refuses 41, at the deepest node', () => {
		expect(read(nested(38))).toEqual(fine);
		// The 39th emphasis opens at column 3 × 38 + 1; its text, at level 41, starts one column later.
		expect(read(nested(39))).toEqual({ at: ['1:116 too-deep'], tree: false });
		expect(message(nested(39))).toEqual([
			'格式嵌套过深：列表、引用、加粗、链接等层层相套超过 40 层。请简化这一段的格式',
		]);
	});

	it('names the line of the deep paragraph, after others', () => {
		expect(read(`正文\n\n${nested(39)}`).at).toEqual(['3:116 too-deep']);
	});
});

describe('a syntax error, at the place the parser names', () => {
	it('is an mdx-syntax error with the hint about < { }', () => {
		expect(read('一段\n\n第二段 {1+\n')).toEqual({ at: ['3:8 mdx-syntax'], tree: false });
		expect(message('一段\n\n第二段 {1+\n')).toEqual([
			'MDX 语法错误：大括号“{”没有对应的“}”。正文中的 < { } 等符号请写成全角（＜ ｛ ｝）或在前面加反斜杠（\\< \\{ \\}）',
		]);
	});

	it('takes an unclosed tag from the reason, where the parser names the end of its paragraph', () => {
		expect(read('一段\n\n<span>未完\n\n再一段\n').at).toEqual(['3:1 mdx-syntax']);
		expect(mdxProblem('Expected a closing tag for `<b>` (3:5-3:8) before the end of `paragraph`')).toEqual({
			message: '标签 <b> 没有对应的结束标签',
			line: 3,
			column: 5,
		});
	});

	it.each([
		[
			'Expected a closing tag for `<span>` (12:34-12:40) before the end of `paragraph`',
			{ message: '标签 <span> 没有对应的结束标签', line: 12, column: 34 },
		],
		[
			'Unexpected closing tag `</em>`, expected corresponding closing tag for `<span>` (12:34-12:40)',
			{ message: '结束标签 </em> 与第 12 行的开始标签 <span> 不对应' },
		],
		[
			'Expected the closing tag `</span>` either after the end of `emphasis` (12:56) or another opening tag after the start of `emphasis` (12:34)',
			{ message: '结束标签 </span> 应与它的开始标签在同一段里' },
		],
		[
			'Unexpected closing slash `/` in tag, expected an open tag first',
			{ message: '多余的结束标签：前面没有对应的开始标签' },
		],
		['Unexpected end of file before name', { message: '“<”开始了一个标签，但直到文件结尾也没有结束' }],
		['Unexpected end of file in attribute name', { message: '“<”开始了一个标签，但直到文件结尾也没有结束' }],
		['Unexpected end of file in tag', { message: '“<”开始了一个标签，但直到文件结尾也没有结束' }],
		[
			'Unexpected character `😀` (U+1F600) before name, expected a character that can start a name',
			{ message: '这里的“<”被当作标签的开头，但它后面的“😀”不能出现在标签里' },
		],
		[
			'Unexpected character `=` (U+003D) after attribute name, expected a character that can start an attribute value',
			{ message: '这里的“<”被当作标签的开头，但它后面的“=”不能出现在标签里' },
		],
		[
			'Unexpected end of file in expression, expected a corresponding closing brace for `{`',
			{ message: '大括号“{”没有对应的“}”' },
		],
		['Could not parse expression with acorn', { message: '大括号“{ }”里的内容不是程序能读的表达式' }],
		[
			'Unexpected lazy line in expression in container, expected line to be prefixed with `>` when in a block quote',
			{ message: '一对大括号或一个标签跨了几行，其中一行不在同一个引用或列表里' },
		],
	])('says %s in Chinese', (reason, said) => {
		expect(mdxProblem(reason)).toEqual(said);
		// Only a reason that starts so: one that merely holds the words is kept as the parser gave it.
		expect(mdxProblem(`MDX: ${reason}`)).toEqual({ message: `MDX: ${reason}` });
	});

	it('takes no place from the reason of any other error', () => {
		expect(
			mdxProblem('Unexpected closing tag `</i>`, expected corresponding closing tag for `<b>` (3:5-3:8)'),
		).toEqual({ message: '结束标签 </i> 与第 3 行的开始标签 <b> 不对应' });
	});
});
