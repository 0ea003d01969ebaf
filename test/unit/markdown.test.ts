import { describe, expect, it } from 'vitest';
import { storyText } from '../../src/lib/validate/story.ts';
import { renderMarkdown } from '../../src/lib/markdown/render.ts';
import { mdxProblem } from '../../src/lib/markdown/parse.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { outsideAllowlist } from '../helpers/html-allowlist.ts';
import { HOSTILE_MARKDOWN, worstMarkdown } from '../../scripts/lib/bench/markdown-texts.ts';

/** The hostile Markdown an attacker or a careless copy-paste brings (issue 15 and the OWASP XSS filter cheat sheet). */
const CORPUS: Record<string, string> = {
	'GFM table cell whose code span hides a meta refresh':
		'| 项目 | 说明 |\n|---|---|\n| `x|<meta http-equiv="refresh" content="2;url=https://evil.example/">` | 是 |\n',
	'footnote hiding an indented link definition':
		'正文[^1]，[点此][x]。\n\n[^1]: 注释\n\n    [x]: javascript:alert(1)\n',
	'reference link to javascript:': '[办事指南][r]\n\n[r]: javascript:alert(document.domain)\n',
	'reference definition in angle brackets': '[a][r]\n\n[r]: <javascript:alert(1)>\n',
	autolinks: '<https://example.org/> <javascript:alert(1)> www.evil.example/x\n',
	'HTML comment': '正文<!-- <script>alert(1)</script> -->结束\n',
	'entities that spell markup':
		'&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;img src=x onerror=alert(1)&#x3E;\n',
	'entity-encoded scheme':
		'[a](&#x6A;avascript:alert(1)) [b](java&#x09;script:alert(1)) [c](&#106;avascript:x)\n',
	'mixed-case and padded schemes':
		'[a](JaVaScRiPt:alert(1)) [b]( javascript:alert(1)) [c](vbscript:msgbox)\n',
	'data: and file: URLs':
		'[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [b](file:///etc/passwd)\n',
	'protocol-relative URLs': '[a](//evil.example/) [b](\\\\\\\\evil.example/x) [c](/\\evil.example/)\n',
	'raw HTML block': '<div onclick="alert(1)">\n\n正文\n\n</div>\n',
	'raw HTML inline': '正文<span style="color:red" onmouseover="alert(1)">红</span>\n',
	'script element': '<script>alert(1)</script>\n',
	'img with onerror': '<img src="x" onerror="alert(1)" />\n',
	'image with a data URL': '![照片](data:image/svg+xml,<svg onload=alert(1)>)\n',
	'image with an https URL': '![照片](https://example.org/a.png)\n',
	'meta refresh outside a table': '<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n',
	'iframe, object, embed, base, form':
		'<iframe src="https://evil.example/"></iframe><base href="//evil.example/" />\n',
	'svg and math':
		'<svg><script>alert(1)</script></svg>\n\n<math><mi xlink:href="javascript:alert(1)">x</mi></math>\n',
	'JSX link to javascript:': '<a href="javascript:alert(1)">点此</a>\n',
	expression: '正文{alert(1)}结束\n',
	'import and export': 'import X from "./x.js"\n\nexport const a = 1\n\n正文\n',
	'nested block quotes with markup': '> > > <script>alert(1)</script>\n> > > [a](javascript:alert(1))\n',
	'fenced code with a hostile info string': '```"onmouseover="alert(1)\n<script>alert(1)</script>\n```\n',
	'link title that tries to close the attribute': '[a](https://example.org/ "\\" onmouseover=\\"alert(1)")\n',
	'link URL with markup': '[a](https://example.org/<script>)\n',
	'heading id attribute syntax': '## 标题 {#x onclick=alert(1)}\n',
	'bidi override': '王某某\u202Egnp.exe\n',
	'zero-width space in a link': '[a](java\u200Bscript:alert(1))\n',
	'control character': '正文\u0007结束\n',
	'HTML entity for a bidi override': '王某某&#x202E;gnp.exe\n',
	'plain story with every allowed construct':
		'## 一、标题\n\n段落**加粗***斜体*`代码`，[站内](/policies/xyb-2022-7/)、[外链](https://example.org/ "标题")、[邮件](mailto:xyb@example.org)。\n\n> 引用\n\n1. 一\n2. 二\n\n- 甲\n  - 乙\n\n---\n\n```\n代码块\n```\n',
};

describe('one Markdown dialect: what the validator accepts is what the site renders, and only the allowlist', () => {
	it.each(Object.entries(CORPUS))('%s', (_name, source) => {
		const { issues } = storyText(source, 'data/exemplars/stories/x.mdx');
		let html: string;
		try {
			html = renderMarkdown(source, 'data/exemplars/stories/x.mdx');
		} catch {
			// The renderer refuses only what does not parse; the validator refuses that too.
			expect(issues.length).toBeGreaterThan(0);
			return;
		}
		// Whatever the validator said, the renderer emits nothing outside the allowlist…
		expect(outsideAllowlist(html)).toEqual([]);
		// …a text whose rendering would carry a control, zero-width or direction character is refused…
		// eslint-disable-next-line no-control-regex
		if (
			/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|&#x(?:[0-8bcef]|1[0-9a-f]|7f|200[b-f]|202[a-e]|206[0-46-9]|feff);/i.test(
				html,
			)
		)
			expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining([expect.stringMatching(/-char$/)]));
		// …and of what the validator accepts, no element is dropped without trace: every link it checked renders as one.
		if (issues.length === 0) {
			const links = [...source.matchAll(/\]\(([^)\s]+)/g)].length;
			expect((html.match(/<a href=/g) ?? []).length).toBeGreaterThanOrEqual(links);
		}
	});

	it('refuses every payload of issue 15 with a located error', () => {
		const refused = (s: string) => storyText(s, 'data/exemplars/stories/x.mdx').issues.map(formatIssue);
		expect(refused(CORPUS['footnote hiding an indented link definition'])).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/x.mdx:5:5: 链接地址 "javascript:alert(1)" 不允许：只能链接到 http://、https://、mailto: 或本站页面 (unsafe-link)",
			]
		`);
		expect(refused(CORPUS['bidi override'])).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/x.mdx:1:4: 含有不可见字符 U+202E（从网页或文档复制时常会带入），请删除后重新输入 (invisible-char)",
			]
		`);
		expect(refused(CORPUS['HTML entity for a bidi override'])).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/x.mdx:1:1: 字符引用（&#…;）写出的内容含有不可见字符 U+202E（从网页或文档复制时常会带入），请删除后重新输入 (invisible-char)",
			]
		`);
		expect(refused(CORPUS['control character'])).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/x.mdx:1:3: 含有不可见的控制字符，请删除后重新输入 (control-char)",
			]
		`);
		// `//host`, `\\host` and `/\host` all name another host to a browser.
		expect(
			refused(CORPUS['protocol-relative URLs']).map((l) => l.replace(/^.*链接地址 | 不允许.*$/g, '')),
		).toEqual(['"//evil.example/"', '"\\\\evil.example/x"', '"/\\evil.example/"']);
	});

	it('renders the GFM table payload as the text it is, its code span intact', () => {
		expect(renderMarkdown(CORPUS['GFM table cell whose code span hides a meta refresh'], 'x.mdx'))
			.toMatchInlineSnapshot(`
			"<p>| 项目 | 说明 |
			|---|---|
			| <code>x|&#x3C;meta http-equiv="refresh" content="2;url=https://evil.example/"></code> | 是 |</p>"
		`);
	});

	it("puts a story's headings one level under the profile's 详细事迹 heading", () => {
		expect(
			renderMarkdown('## 一\n\n正文 ## 不是标题\n### 二\n```\n## 代码\n```', 'x.mdx', { headingOffset: 1 }),
		).toMatchInlineSnapshot(`
			"<h3>一</h3>
			<p>正文 ## 不是标题</p>
			<h4>二</h4>
			<pre><code>## 代码
			</code></pre>"
		`);
	});
});

describe('an MDX syntax error, as the office reads it', () => {
	const at = (s: string) =>
		storyText(s, 'x.mdx').issues.map(
			(i) => `${i.line}:${i.column} ${i.message.replace(/。正文中的.*$/, '')}`,
		);

	it('is said in Chinese, at the tag or brace to look at, with how to write the sign as text', () => {
		// A tag pasted from Word and never closed: the parser names the end of the file (1:1 before) and the tag's own
		// place only inside its English reason.
		expect(at('# 标题\n\n正文一段。\n\n<img src="x" onerror="alert(1)">\n\n再一段\n')).toEqual([
			'5:1 MDX 语法错误：标签 <img> 没有对应的结束标签',
		]);
		expect(at('一段\n\n第二段 <b>粗\n')).toEqual(['3:5 MDX 语法错误：标签 <b> 没有对应的结束标签']);
		expect(at('一段\n\n第二段 <b>粗</i>\n')).toEqual([
			'3:9 MDX 语法错误：结束标签 </i> 与第 3 行的开始标签 <b> 不对应',
		]);
		expect(at('一段 </b> 结束\n')).toEqual(['1:5 MDX 语法错误：多余的结束标签：前面没有对应的开始标签']);
		expect(at('一段 a <1 比较\n')).toEqual([
			'1:7 MDX 语法错误：这里的“<”被当作标签的开头，但它后面的“1”不能出现在标签里',
		]);
		expect(at('一段 <b\n')).toEqual(['1:6 MDX 语法错误：“<”开始了一个标签，但直到文件结尾也没有结束']);
		expect(at('一段\n\n第二段 {1+\n')).toEqual(['3:8 MDX 语法错误：大括号“{”没有对应的“}”']);
		expect(at('一段 {1+;} 比较\n')).toEqual(['1:7 MDX 语法错误：大括号“{ }”里的内容不是程序能读的表达式']);
		expect(storyText('一段 <b\n', 'x.mdx').issues[0].message).toMatch(
			/。正文中的 < \{ \} 等符号请写成全角（＜ ｛ ｝）或在前面加反斜杠（\\< \\\{ \\\}）$/,
		);
	});

	it('keeps a reason it has no Chinese for, as the parser gave it', () => {
		expect(mdxProblem('Unexpected extra content in spread: only a single spread is supported')).toEqual({
			message: 'Unexpected extra content in spread: only a single spread is supported',
		});
	});
});

describe('limits checked before the parser, so hostile text costs no time', () => {
	// Each of these is refused by a check that runs before the parser (its code says which), so the parser never
	// sees it; how long that takes is measured by npm run bench:markdown, not here.
	const refused = (name: string) =>
		storyText(HOSTILE_MARKDOWN[name], 'data/policies/x.mdx').issues.map(formatIssue);

	it('refuses a 640 KB story of nested lists at once (the old validator took 16 s)', () => {
		expect(refused('640 KB 的多层列表')).toMatchInlineSnapshot(`
			[
			  "data/policies/x.mdx:1:1: 正文过长：640000 字符，最多 50000 字符。请精简，或把附件作为单独的文件发布 (mdx-too-long)",
			]
		`);
	});

	it('refuses lists nested deeper than 10 levels, at the line that goes too deep', () => {
		const lists = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- 第 ${i + 1} 层\n`).join('');
		expect(storyText(lists, 'data/policies/x.mdx').issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/policies/x.mdx:11:1: 列表或引用嵌套过深：本行相当于 11 层（行首的每个 >、列表符号和每两个空格各算一层），最多 10 层。普通段落请不要在行首加空格 (too-deep)",
			]
		`);
	});

	it('refuses 6,000 nested > (it overflowed the stack)', () => {
		expect(refused('6000 个嵌套的 >')).toMatchInlineSnapshot(`
			[
			  "data/policies/x.mdx:1:1: 列表或引用嵌套过深：本行相当于 6000 层（行首的每个 >、列表符号和每两个空格各算一层），最多 10 层。普通段落请不要在行首加空格 (too-deep)",
			]
		`);
	});

	it('refuses 8,000 repetitions of "*a " as too many marks in one paragraph', () => {
		expect(refused('“*a ”重复 8000 次')).toMatchInlineSnapshot(`
			[
			  "data/policies/x.mdx:1:1: 这一段的 * _ [ ] 符号超过 200 个，无法可靠排版。请删去多余的符号；要显示 * 等符号本身，可改用全角 ＊ ＿ 【 】 (mdx-too-complex)",
			]
		`);
	});

	it('refuses 25,000 * around one letter (the old validator took 114 s, then overflowed) and names the paragraph', () => {
		expect(refused('一个字前后共 49,000 个 *')).toEqual([
			expect.stringMatching(/^data\/policies\/x\.mdx:3:1: .*\(mdx-too-complex\)$/),
		]);
	});

	it('counts marks per paragraph: 300 bold phrases in 30 paragraphs are fine', () => {
		const text = Array.from({ length: 30 }, () => '这是**加粗**的文字。'.repeat(10)).join('\n\n');
		expect(storyText(text, 'x.mdx').issues).toEqual([]);
	});

	it('refuses formatting nested deeper than the tree allows, at its line', () => {
		const deep = `正文\n\n${'*'.repeat(90)}强调${'*'.repeat(90)}\n`;
		expect(storyText(deep, 'data/policies/x.mdx').issues.map(formatIssue)).toEqual([
			expect.stringMatching(/^data\/policies\/x\.mdx:3:\d+: .*\(too-deep\)$/),
		]);
	});

	it('reads and renders the worst text the limits let through, with no problem', () => {
		const text = worstMarkdown();
		expect(text).toHaveLength(50_000);
		expect(storyText(text, 'x.mdx').issues).toEqual([]);
		expect(renderMarkdown(text, 'x.mdx').length).toBeGreaterThan(50_000);
	}, 30_000);
});
