import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { fixture, fixtureText } from '../../helpers/files.ts';
import { validateDataset } from '../../../src/lib/validate/dataset.ts';
import { formatIssue } from '../../../src/lib/issues.ts';
import { report, validate } from '../../helpers/validate.ts';
import { countZi } from '../../../src/lib/validate/story.ts';

const STORY = fixtureText('exemplars/stories/c1.mdx');

describe('exemplars/stories/', () => {
	it('reads the story of each candidate with its length in 字', () => {
		const story = validate({ 'exemplars/stories/c1.mdx': '## 事迹\n\n' + '字'.repeat(1598) }).stories.get(
			'c1',
		);
		expect(story).toEqual({
			candidateId: 'c1',
			path: 'exemplars/stories/c1.mdx',
			source: '## 事迹\n\n' + '字'.repeat(1598),
			chars: 1600,
		});
	});

	it('rejects a story under 1500 字', () => {
		// The heading's two characters count: 2 + 1497 = 1499.
		expect(report({ 'exemplars/stories/c1.mdx': '## 事迹\n\n' + '字'.repeat(1497) })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/c1.mdx:1:1: 详细事迹只有 1499 字，不少于 1500 字（seed 000 附件1 注；按 WPS、Word 的字数计：汉字和中文标点各算 1 字，一个英文单词或一个数字算 1 字，不计 Markdown 标记） (story-too-short)",
			]
		`);
	});

	it('accepts a story of exactly 1500 字, not counting headings marks and spaces', () => {
		expect(report({ 'exemplars/stories/c1.mdx': '## 事迹\n\n' + '字'.repeat(1498) + '\n\n  ' })).toEqual([]);
	});

	it('counts 字 as WPS and Word do: an English word or a number is one, ASCII punctuation none, Chinese punctuation one', () => {
		// 2023 (1) 年 (1) 走访 (2) 86.5 (1) 户 (1) ， (1) TEL (1) don't (1) 。 (1) = 10; "-", "(" and ")" count nothing.
		expect(countZi("2023 年走访 86.5 户，TEL (don't) - 。")).toBe(10);
		expect(countZi('Ａ３')).toBe(2);
		expect(countZi('')).toBe(0);
		// 1498 字 and a number: 1499, one short; and a story of 1400 字 padded with Latin letters is refused.
		expect(report({ 'exemplars/stories/c1.mdx': '字'.repeat(1498) + ' 20231122' })).toHaveLength(1);
		expect(report({ 'exemplars/stories/c1.mdx': '字'.repeat(1499) + ' 2023' })).toEqual([]);
		expect(report({ 'exemplars/stories/c1.mdx': '字'.repeat(1400) + ' abcdefghij'.repeat(20) })).toHaveLength(
			1,
		);
	});

	it('rejects a story that imports a component', () => {
		const d = validate({ 'exemplars/stories/c1.mdx': STORY + "\nimport X from './x.js'\n" });
		expect(d.issues.map((i) => i.code)).toEqual(['mdx-forbidden']);
		expect(d.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/c1.mdx:94:1: 详细事迹只能是纯文字（段落、小标题、列表、加粗），不能使用import/export 语句 (mdx-forbidden)",
			]
		`);
		expect(d.stories.size).toBe(0);
	});

	it('rejects an image by reference as an image: the site shows neither', () => {
		const d = validate({
			'exemplars/stories/c1.mdx': `${STORY}\n![现场照片][p]\n\n[p]: https://example.org/p.png\n`,
		});
		expect(d.issues.map(formatIssue)).toEqual([
			'data/exemplars/stories/c1.mdx:94:1: 正文中不能插入图片；候选人照片请填写在 candidates.csv 的"照片"列 (mdx-forbidden)',
		]);
	});

	it('requires a story for every candidate', () => {
		expect(report({ 'exemplars/stories/c1.mdx': null })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:1: 第 2 行第 1 列（编号）：缺少详细事迹 data/exemplars/stories/c1.mdx（不少于 1500 字，seed 000 附件1 注） (missing-story)",
			]
		`);
	});

	it('does not read a file that is not .mdx, and then misses the story', () => {
		expect(report({ 'exemplars/stories/c1.mdx': null, 'exemplars/stories/c1.txt': STORY }))
			.toMatchInlineSnapshot(`
				[
				  "data/exemplars/stories/c1.txt:1:1: 详细事迹文件应为 <候选人编号>.mdx (file-name)",
				  "data/exemplars/candidates.csv:2:1: 第 2 行第 1 列（编号）：缺少详细事迹 data/exemplars/stories/c1.mdx（不少于 1500 字，seed 000 附件1 注） (missing-story)",
				]
			`);
	});

	it('rejects a story named for a candidate that does not exist', () => {
		expect(report({ 'exemplars/stories/c9.mdx': STORY })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/c9.mdx:1:1: 没有编号为 "c9" 的候选人（文件名应为候选人编号）；是否应为 "c1"？ (foreign-key)",
			]
		`);
	});

	it('rejects a story saved as GBK, asking for UTF-8', () => {
		const gbk = new Uint8Array(iconv.encode(STORY, 'gbk'));
		expect(report({ 'exemplars/stories/c1.mdx': gbk })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/stories/c1.mdx:1:1: 第 1 行不是 UTF-8 编码。本文件须为 UTF-8 编码，请用文本编辑器另存为 UTF-8 (bad-encoding)",
			]
		`);
	});

	it('says nothing of the story of a candidate whose own row is wrong (that row has its error)', () => {
		const candidates = fixtureText('exemplars/candidates.csv').replace(',女,', ',不详,');
		const lines = report({ 'exemplars/candidates.csv': candidates });
		expect(lines.filter((l) => l.startsWith('data/exemplars/candidates.csv'))).toHaveLength(1);
		expect(lines.filter((l) => l.startsWith('data/exemplars/stories/'))).toEqual([]);
	});

	it('reads nothing more of a story the folder lists but cannot give (the folder’s view says why)', () => {
		const files = fixture();
		const unreadable = { ...files, read: (p: string) => (p.endsWith('c1.mdx') ? undefined : files.read(p)) };
		const d = validateDataset(unreadable, 'data/');
		expect(d.stories.size).toBe(0);
		// the folder's own view reports why (on disk, a symbolic link is refused as it is read); the check adds nothing
		expect(d.issues).toEqual([]);
	});
});
