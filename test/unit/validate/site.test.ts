import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../helpers/files.ts';
import { report, validate } from '../../helpers/validate.ts';

const SITE = JSON.parse(fixtureText('site.json'));
const site = (patch: Record<string, unknown>) => ({
	'site.json': JSON.stringify({ ...SITE, ...patch }, null, '\t'),
});

describe('site.json', () => {
	it('reads the office identity into the dataset', () => {
		expect(validate().site).toMatchObject({ name: '测试站', host: '测试信用办', demo: true });
	});

	it("refuses an ID number and warns of a mobile number in its texts, which every page shows; the office's own contacts pass", () => {
		// 11010519491231002X: a valid check character (GB 11643). Line 9 is `\t"address": "测试地址 1 号 …"`: the number
		// starts at column 23, the mobile at 42. The fixture's own e-mail and phone are exempt.
		const site = fixtureText('site.json').replace(
			'测试地址 1 号',
			'测试地址 1 号 11010519491231002X 13800138000',
		);
		expect(report({ 'site.json': site })).toEqual([
			'data/site.json:9:23: 含有身份证号 110105********002X：这段文字会在网站上公开，身份证号不得公开，请删除（个人信息保护法） (personal-id)',
			'data/site.json:9:42: 警告：含有手机号码 138****8000：这段文字会在网站上公开；个人的联系方式请删除，确需公开的单位联系方式请核对无误 (personal-contact)',
		]);
	});
	it('scans a rubric like a story: an ID number in its texts is an error', () => {
		const rubric = fixtureText('rubrics/2022.json').replace(
			'"title": "信用信息归集"',
			'"title": "信用信息归集 11010519491231002X"',
		);
		const d = validate({ 'rubrics/2022.json': rubric });
		expect(d.issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toContain(
			'data/rubrics/2022.json:14:personal-id',
		);
		expect(d.rubrics.has(2022)).toBe(false);
	});
	it("refuses a NUL or a right-to-left override written as a JSON escape in its texts, at the key's line", () => {
		const text = fixtureText('site.json').replace('"name": "测试站"', '"name": "测试\\u202e站\\u0000"');
		expect(report({ 'site.json': text })).toEqual([
			'data/site.json:2:2: "name" 含有不可见的控制字符，请删除后重新输入 (control-char)',
			'data/site.json:2:2: "name" 含有不可见字符 U+202E（从网页或文档复制时常会带入），请删除后重新输入 (invisible-char)',
		]);
	});
	it('refuses half of a surrogate pair written as a JSON escape, which no UTF-8 page, feed or CSV file can hold', () => {
		for (const name of ['测试\\ud800站', '测试站\\udc00', '\\udc00\\ud800'])
			expect(
				report({ 'site.json': fixtureText('site.json').replace('"name": "测试站"', `"name": "${name}"`) }),
			).toEqual(['data/site.json:2:2: "name" 含有不可见的控制字符，请删除后重新输入 (control-char)']);
		// A whole pair, written as two escapes, is the character it makes.
		expect(
			report({
				'site.json': fixtureText('site.json').replace('"name": "测试站"', '"name": "测试\\ud83d\\ude00站"'),
			}),
		).toEqual([]);
	});
	it('holds table cells to the same rule: U+FFFE and U+FFFF, which no RSS feed may carry, are refused like a control character', () => {
		const notices = (title: string) => ({
			'exemplars/notices.csv': `公示编号,年份,标题,开始日期,文号\nGS-1,2022,${title},2023-01-09,\n`,
		});
		for (const ch of ['\uFFFE', '\uFFFF', '\u0007'])
			expect(report(notices(`2022年度${ch}拟认定人选公示`))).toEqual([
				'data/exemplars/notices.csv:2:3: 第 2 行第 3 列（标题）：含有不可见的控制字符，请删除后重新输入 (control-char)',
			]);
		expect(report(notices('2022年度拟认定人选公示'))).toEqual([]);
	});
	it('reports a missing site.json', () => {
		const d = validate({ 'site.json': null });
		expect(d.site).toBeUndefined();
		expect(report({ 'site.json': null })).toMatchInlineSnapshot(`
			[
			  "data/site.json:1:1: 缺少文件 data/site.json (missing-file)",
			]
		`);
	});

	it('reports a JSON syntax error at its line', () => {
		expect(report({ 'site.json': '{\n\t"name": "测试站",,\n}\n' })).toMatchInlineSnapshot(`
			[
			  "data/site.json:2:16: JSON 语法错误：这里应是带英文双引号的属性名 (json-syntax)",
			  "data/site.json:2:16: JSON 语法错误：这里缺少值 (json-syntax)",
			  "data/site.json:3:1: JSON 语法错误：这里应是带英文双引号的属性名 (json-syntax)",
			  "data/site.json:3:1: JSON 语法错误：这里缺少值 (json-syntax)",
			]
		`);
	});

	it('names a field it does not know', () => {
		expect(report(site({ owner: '某人' }))).toMatchInlineSnapshot(`
			[
			  "data/site.json:1:1: 不认识的项 "owner"：请检查拼写，不需要的项请删去（每一项的含义见数据字典） (unknown-field)",
			]
		`);
	});

	it('rejects a field of the wrong type, and keeps no site', () => {
		expect(report(site({ demo: '是' }))).toMatchInlineSnapshot(`
			[
			  "data/site.json:8:10: demo：应为 true 或 false（不加引号），这里是文字 "是" (type-error)",
			]
		`);
		expect(validate(site({ demo: '是' })).site).toBeUndefined();
	});

	it('warns of each government-site identifier it lacks, at site.json', () => {
		const lines = report(site({ icp: undefined }));
		expect(lines).toEqual([
			'data/site.json:1:1: 警告：site.json 没有填写ICP 备案号（"icp"）：工业和信息化部备案号，如 苏ICP备12345678号；页脚将不显示这一项 (site-identity)',
		]);
	});
});
