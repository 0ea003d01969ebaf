import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { formatIssue } from '../../../src/lib/issues.ts';
import { report, validate } from '../../helpers/validate.ts';

const INDEX = 'policies/policies.csv';
const HEADER = '编号,标题,文号,发布日期,发布单位';
const TEXT = '## 第一条\n\n为推进政务诚信建设，制定本办法。\n';
/** A policy index listing `ids`, with a text for each id in `texts`. */
const policies = (ids: string[], texts: Record<string, string | Uint8Array> = {}) => ({
	[INDEX]: [HEADER, ...ids.map((id) => `${id},关于印发办法的通知,淮信用办〔2022〕7号,2022-11-22,信用办`)]
		.map((l) => `${l}\n`)
		.join(''),
	...Object.fromEntries(Object.entries(texts).map(([id, text]) => [`policies/${id}.mdx`, text])),
});

describe('policies/', () => {
	it('needs no policy index at all', () => {
		expect(validate().policies).toEqual([]);
		// A note beside the (absent) index is not an error: a warning says it is not published.
		expect(report({ 'policies/readme.txt': '说明' })).toEqual([
			'data/policies/readme.txt:1:1: 警告：说明性文件，网站不读取也不发布（如果它应当发布，请告诉区信用办的网站维护人员） (unknown-file)',
		]);
	});

	it('reads each listed document that has its text', () => {
		expect(validate(policies(['xyb-7'], { 'xyb-7': TEXT })).policies.map((p) => p.value.id)).toEqual([
			'xyb-7',
		]);
	});

	it('rejects a listed document without its text, and keeps it out', () => {
		const patches = policies(['xyb-7']);
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/policies/policies.csv:2:1: 第 2 行第 1 列（编号）：缺少正文文件 data/policies/xyb-7.mdx (missing-file)",
			]
		`);
		expect(validate(patches).policies).toEqual([]);
	});

	it('rejects a text saved as GBK, asking for UTF-8', () => {
		const gbk = new Uint8Array(iconv.encode(TEXT, 'gbk'));
		expect(report(policies(['xyb-7'], { 'xyb-7': gbk }))).toMatchInlineSnapshot(`
			[
			  "data/policies/xyb-7.mdx:1:1: 第 1 行不是 UTF-8 编码。本文件须为 UTF-8 编码，请用文本编辑器另存为 UTF-8 (bad-encoding)",
			]
		`);
	});

	it('rejects a text with a component in it', () => {
		const d = validate(policies(['xyb-7'], { 'xyb-7': `${TEXT}\n<Chart />\n` }));
		expect(d.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/policies/xyb-7.mdx:5:1: 详细事迹只能是纯文字（段落、小标题、列表、加粗），不能使用组件或 HTML 标签 (mdx-forbidden)",
			]
		`);
		expect(d.policies).toEqual([]);
	});

	it('reports a text the index does not list: it would not be published', () => {
		expect(report(policies(['xyb-7'], { 'xyb-7': TEXT, 'xyb-8': TEXT }))).toMatchInlineSnapshot(`
			[
			  "data/policies/xyb-8.mdx:1:1: policies/policies.csv 中没有编号为 "xyb-8" 的文件，正文不会发布 (foreign-key)",
			]
		`);
	});

	it('rejects an id listed twice', () => {
		expect(report(policies(['xyb-7', 'xyb-7'], { 'xyb-7': TEXT }))).toMatchInlineSnapshot(`
			[
			  "data/policies/policies.csv:3:1: 第 3 行第 1 列（编号）：文件编号 "xyb-7" 重复，与 data/policies/policies.csv 第 2 行相同；每个文件编号只能出现一次 (unique-error)",
			]
		`);
	});
});
