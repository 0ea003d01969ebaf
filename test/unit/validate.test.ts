import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { formatIssue, type Issue } from '../../src/lib/issues.ts';
import { join } from 'node:path';
import { fixture, fixtureText, memFiles, readFolder } from '../helpers/files.ts';
import { fixCsv } from '../../src/lib/validate/fix.ts';
import { evidenceTable } from '../../src/schemas/evidence.ts';

const errors = (patches: Parameters<typeof fixture>[0]) =>
	validateDataset(fixture(patches), 'data/').issues.filter((i) => i.severity === 'error');
const where = (i: Issue) => `${i.file}:${i.line}:${i.column} ${i.code}`;

const UNITS_HEADER = '单位编号,类别,设立日期,撤销日期,并入单位,备注';
const EVIDENCE_HEADER = '记录编号,单位编号,指标编号,类型,日期,数量,得分,事项,来源,理由';

describe('the valid fixture', () => {
	it('validates with no problem at all', () => {
		expect(validateDataset(fixture(), 'data/').issues).toEqual([]);
	});
});

describe('CSV syntax', () => {
	it('reports an unclosed quote at the line where the broken row starts', () => {
		const text = `${UNITS_HEADER}\nt1,镇街,,,,\nt2,镇街,,,,"没有闭合的备注\nt3,A类,,,,\n`;
		expect(errors({ 'units.csv': text }).map(where)).toContain('data/units.csv:3:6 csv-quote');
	});
	it('reports a row with more cells than the header, at the first extra column', () => {
		const e = errors({
			'units.csv': `${UNITS_HEADER}\nt1,镇街,,,,\nt2,镇街,,,,备注,多余\na1,A类,,,,\nb1,B类,,,,\n`,
		});
		expect(e.map(where)).toContain('data/units.csv:3:7 extra-cell');
	});
	it('reports a row split at an unquoted comma whose last cell is empty: its cells would be read shifted', () => {
		// 事项 typed with an ASCII comma in a text editor: its second half lands in 来源, 信用办 in 理由, and the empty
		// 理由 past the header.
		const row = 'e1,t1,1.1,完成,2022-03-31,,,报送（行政许可 35 条,行政处罚 15 条）,信用办,';
		const e = errors({ 'evidence/2022-Q1.csv': `${EVIDENCE_HEADER}\n${row}\n` });
		expect(e.map(formatIssue)).toEqual([
			'data/evidence/2022-Q1.csv:2:11: 第 2 行：本行有 11 列，表头只有 10 列；多出的列可能来自没加引号的逗号（本行其后各列的内容就错了位），含逗号的内容请用英文双引号括起来 (extra-cell)',
		]);
	});
	it('reads a row ended with a bare LF in a file of CR LF rows as its own row, at its own line', () => {
		const rows = [
			'e1,t1,3.6,事项,2022-02-10,1,,诚信进校园,信用办,',
			'e2,t1,3.6,事项,2022-02-11,1,,诚信进机关,信用办,',
			'e3,t1,3.6,事项,2022-02-12,1,,诚信进社区,信用办,',
		];
		const text = `${EVIDENCE_HEADER}\r\n${rows[0]}\r\n${rows[1]}\n${rows[2]}\r\n`;
		// Only the rows of this file's own problems: the fixture's other evidence of the quarter is not in it.
		const own = (csv: string) =>
			errors({ 'evidence/2022-Q1.csv': csv })
				.filter((i) => i.file.endsWith('2022-Q1.csv'))
				.map(where);
		expect(own(text)).toEqual([]);
		// The third row is read from line 4, where the spreadsheet shows it: a slip in it is reported there.
		expect(own(text.replace('2022-02-12', '2022/02/12'))).toEqual([
			'data/evidence/2022-Q1.csv:4:5 date-format',
		]);
	});
	it('reads empty cells under a header’s blank end, but not a row longer than the whole header', () => {
		// Excel exported one formatted column after 理由: every row has an empty cell there.
		const rows = [
			'e1,t1,3.6,事项,2022-02-10,1,,诚信进校园,信用办,,',
			'e2,t1,3.6,事项,2022-02-11,1,,诚信进机关（区直,街道）,信用办,,',
		];
		const r = validateDataset(
			fixture({ 'evidence/2022-Q1.csv': [`${EVIDENCE_HEADER},`, ...rows].map((l) => `${l}\n`).join('') }),
			'data/',
		);
		expect(r.issues.map((i) => `${i.severity} ${i.line}:${i.column} ${i.code}`)).toEqual([
			'warning 1:11 blank-header',
			'error 3:11 extra-cell',
		]);
	});
	it('reports a row with fewer cells than the header', () => {
		const e = errors({ 'units.csv': `${UNITS_HEADER}\nt1,镇街,,,,\nt2,镇街\na1,A类,,,,\nb1,B类,,,,\n` });
		expect(e.map(where)).toContain('data/units.csv:3:3 missing-cell');
	});
	it('counts lines physically: a quoted cell spanning two lines moves the next row down', () => {
		const e = errors({
			'units.csv': `${UNITS_HEADER}\nt1,镇街,,,,"第一行\n第二行"\nt2,镇街,,,,\na1,A类部,,,,\nb1,B类,,,,\n`,
		});
		expect(e.map(where)).toContain('data/units.csv:5:2 enum-error');
		// A spreadsheet shows that cell on one row: a1 is on row 4 there, and the message says so.
		expect(e.find((i) => i.code === 'enum-error')).toMatchObject({ line: 5, row: 4, header: '类别' });
		expect(formatIssue(e.find((i) => i.code === 'enum-error')!)).toMatch(
			/^data\/units\.csv:5:2: 第 4 行第 2 列（类别）："A类部" 不是允许的值/,
		);
	});
});

describe('header', () => {
	it('names an unknown column and its position', () => {
		const e = errors({ 'units.csv': `单位编号,类别,设立日期,撤销日期,并入单位,备注,负责人\nt1,镇街,,,,,\n` });
		expect(e.map(where)).toContain('data/units.csv:1:7 unknown-column');
	});
	it('names a missing required column', () => {
		const e = errors({ 'units.csv': `单位编号,设立日期\nt1,\n` });
		expect(e.find((i) => i.code === 'missing-column')!.message).toContain('"类别"');
	});
});

describe('cells', () => {
	it('rejects a value outside an enumeration, naming the allowed values', () => {
		const e = errors({
			'units.csv': `${UNITS_HEADER}\nt1,镇街,,,,\nt2,镇街,,,,\na1,A类部,,,,\nb1,B类,,,,\n`,
		});
		expect(e.map(formatIssue)).toContain(
			'data/units.csv:4:2: 第 4 行第 2 列（类别）："A类部" 不是允许的值，应为 镇街（town）、园区（park）、A类（A）、B类（B） 之一 (enum-error)',
		);
	});
	it('rejects text in a number column', () => {
		const e = errors({
			'evidence/2022-Q1.csv': `${EVIDENCE_HEADER}\ne2,t1,3.6,事项,2022-02-10,三,,诚信进校园,信用办,\n`,
		});
		expect(e.map(where)).toEqual(['data/evidence/2022-Q1.csv:2:6 type-error']);
	});
	it('rejects full-width digits and names the half-width fix', () => {
		const e = errors({
			'evidence/2022-Q1.csv': `${EVIDENCE_HEADER}\ne2,t1,3.6,事项,2022-02-10,３,,诚信进校园,信用办,\n`,
		});
		expect(e.map(formatIssue)).toEqual([
			'data/evidence/2022-Q1.csv:2:6: 第 2 行第 6 列（数量）："３" 含全角字符，请改为半角：3（可运行 npm run validate -- --fix 自动修正） (full-width)',
		]);
	});
	it('names the number in a count typed with its unit, a typographic minus sign, thousands separators, a percent sign or Excel\'s ="…"', () => {
		const counts = ['3项', '10 分', '−2', '"1,000"', '"10,00"', '五', '10%', '="12"'];
		const e = errors({
			'evidence/2022-Q1.csv': [
				EVIDENCE_HEADER,
				...counts.map((n, i) => `e${i},t1,3.6,事项,2022-02-10,${n},,诚信进校园,信用办,`),
			]
				.map((l) => `${l}\n`)
				.join(''),
		});
		expect(e.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
			'2:6 "3项" 不是整数：只写数字 3，不写单位“项”',
			'3:6 "10 分" 不是整数：只写数字 10，不写单位“分”',
			'4:6 "−2" 不是整数：负号“−”是排版用的减号，应写作 -2',
			'5:6 "1,000" 不是整数：不加千位分隔符，应写作 1000',
			// Not a thousands separator: no guess at the number meant.
			'6:6 "10,00" 不是整数',
			'7:6 "五" 不是整数',
			'8:6 "10%" 不是整数：不写百分号，按这一列的说明只写数字',
			'9:6 "="12"" 不是整数：这是 Excel 的公式写法 ="…"，只写引号里的 "12"',
		]);
	});
	it('rejects a Chinese date form and names the ISO spelling', () => {
		const e = errors({
			'evidence/2022-Q1.csv': `${EVIDENCE_HEADER}\ne2,t1,3.6,事项,2022年2月10日,1,,诚信进校园,信用办,\n`,
		});
		expect(e.map(formatIssue)).toEqual([
			'data/evidence/2022-Q1.csv:2:5: 第 2 行第 5 列（日期）：日期 "2022年2月10日" 格式不对，应写作 2022-02-10（年-月-日；可运行 npm run validate -- --fix 自动修正） (date-format)',
		]);
	});
	it('reads a date cell a spreadsheet exported with a time or as digits: midnight is fixed, a time of day or a serial number is named', () => {
		const dates = [
			'2022/2/10 0:00:00', // WPS, a date cell formatted with a time
			'2022-02-10 00:00:00',
			'2022-02-10T00:00',
			'20220210',
			'2022/2/10 14:30', // a time of day: writing the date alone would drop it
			'44602', // Excel's serial number of 2022-02-10, the column formatted as a number
			'12345', // a number, but no date of this century
		];
		const e = errors({
			'evidence/2022-Q1.csv': [
				EVIDENCE_HEADER,
				...dates.map((d, i) => `e${i},t1,3.6,事项,${d},1,,诚信进校园,信用办,`),
			]
				.map((l) => `${l}\n`)
				.join(''),
		});
		expect(e.map((i) => `${i.line} ${i.fixable ? 'fixable' : '-'} ${i.message}`)).toEqual([
			'2 fixable 日期 "2022/2/10 0:00:00" 格式不对，应写作 2022-02-10（年-月-日；可运行 npm run validate -- --fix 自动修正）',
			'3 fixable 日期 "2022-02-10 00:00:00" 格式不对，应写作 2022-02-10（年-月-日；可运行 npm run validate -- --fix 自动修正）',
			'4 fixable 日期 "2022-02-10T00:00" 格式不对，应写作 2022-02-10（年-月-日；可运行 npm run validate -- --fix 自动修正）',
			'5 fixable 日期 "20220210" 格式不对，应写作 2022-02-10（年-月-日；可运行 npm run validate -- --fix 自动修正）',
			'6 - 日期 "2022/2/10 14:30" 带有时间 14:30：日期列只写日期，应写作 2022-02-10',
			'7 - "44602" 不是日期，看起来是 Excel 的日期序号（对应 2022-02-10）：请在 Excel/WPS 中把这一列设为日期格式后重新导出，或直接写 2022-02-10',
			'8 - "12345" 不是日期，日期应写作 YYYY-MM-DD，例如 2022-11-22',
		]);
		// --fix writes the midnight ones and 20220210 as 2022-02-10, and leaves the other three for the office.
		const csv = [
			EVIDENCE_HEADER,
			...dates.map((d, i) => `e${i},t1,3.6,事项,${d},1,,诚信进校园,信用办,`),
		].join('\n');
		const fixed = fixCsv(evidenceTable, new TextEncoder().encode(csv), 'x', 'evidence/2022-Q1.csv');
		expect(fixed.changes.filter((c) => c.column === 5).map((c) => `${c.line} ${c.to}`)).toEqual([
			'2 "2022-02-10"',
			'3 "2022-02-10"',
			'4 "2022-02-10"',
			'5 "2022-02-10"',
		]);
	});
	it('refuses a date followed by a long run of spaces and more at once (the typed-date pattern is not tried on it)', () => {
		// 2022-02-10, 20,000 spaces, x: not a date. The pattern tried on it took time growing with the cube of the run
		// (8,000 spaces: five minutes), so this test did not end on the old code.
		const cell = `2022-02-10${' '.repeat(20_000)}x`;
		const csv = `${EVIDENCE_HEADER}\ne1,t1,3.6,事项,${cell},1,,诚信进校园,信用办,\n`;
		const e = errors({ 'evidence/2022-Q1.csv': csv });
		expect(e.map((i) => [i.line, i.column, i.code, i.fixable ?? false])).toEqual([
			[2, 5, 'date-format', false],
		]);
	});

	it('reads a long date with its day of the week when that is the date’s, and names a date whose year was not exported', () => {
		// 2022-02-10 was a Thursday (星期四): a long date format writes it so, and --fix takes the date. A different day
		// leaves the date in doubt; a format showing month and day only (m月d日) exported no year.
		const dates = ['2022年2月10日星期四', '2022/2/10 周四', '2022年2月10日星期五', '2月10日'];
		const csv = [EVIDENCE_HEADER, ...dates.map((d, i) => `e${i},t1,3.6,事项,${d},1,,诚信进校园,信用办,`)]
			.map((l) => `${l}\n`)
			.join('');
		const e = errors({ 'evidence/2022-Q1.csv': csv });
		expect(e.map((i) => `${i.line} ${i.fixable ? 'fixable' : '-'} ${i.message}`)).toEqual([
			'2 fixable 日期 "2022年2月10日星期四" 格式不对，应写作 2022-02-10（年-月-日；可运行 npm run validate -- --fix 自动修正）',
			'3 fixable 日期 "2022/2/10 周四" 格式不对，应写作 2022-02-10（年-月-日；可运行 npm run validate -- --fix 自动修正）',
			'4 - "2022年2月10日星期五" 不是日期，日期应写作 YYYY-MM-DD，例如 2022-11-22',
			'5 - 日期 "2月10日" 没有年份：表格中这一列的日期格式只显示月和日（如“m月d日”），另存时年份就丢了。请把这一列的单元格格式设为 yyyy-mm-dd 后重新另存，或直接写作 YYYY-MM-DD',
		]);
		const fixed = fixCsv(evidenceTable, new TextEncoder().encode(csv), 'x', 'evidence/2022-Q1.csv');
		expect(fixed.changes.filter((c) => c.column === 5).map((c) => `${c.line} ${c.to}`)).toEqual([
			'2 "2022-02-10"',
			'3 "2022-02-10"',
		]);
	});
	it('--fix leaves an empty file empty: a BOM alone would make it no more readable', () => {
		expect(fixCsv(evidenceTable, new Uint8Array(0), 'x', 'evidence/2022-Q1.csv')).toEqual({
			rel: 'evidence/2022-Q1.csv',
			changes: [],
		});
	});
	it('rejects a date that does not exist', () => {
		const e = errors({
			'evidence/2022-Q1.csv': `${EVIDENCE_HEADER}\ne2,t1,3.6,事项,2022-02-30,1,,诚信进校园,信用办,\n`,
		});
		expect(e.map(where)).toEqual(['data/evidence/2022-Q1.csv:2:5 date-invalid']);
	});
	it('rejects an invalid 统一社会信用代码 by its check character', () => {
		const e = errors({
			'pledges.csv': `编号,企业名称,统一社会信用代码,承诺类型,签订日期,单位编号\np1,甲公司,91350100M000100Y44,安全,2022-02-15,t1\n`,
		});
		expect(e.map(where)).toEqual(['data/pledges.csv:2:3 uscc-invalid']);
		expect(e[0].message).toContain('校验位（第 18 位）应为 3');
	});
});

describe('encodings', () => {
	it('reads a GBK file (Excel/WPS "CSV" on Chinese Windows) exactly as its UTF-8 original, with a warning', () => {
		const utf8 = validateDataset(fixture(), 'data/');
		const gbk = iconv.encode(fixtureText('exemplars/candidates.csv'), 'gbk');
		const d = validateDataset(fixture({ 'exemplars/candidates.csv': new Uint8Array(gbk) }), 'data/');
		expect(d.issues.map(where)).toEqual(['data/exemplars/candidates.csv:1:1 encoding-gbk']);
		expect(d.candidates.map((c) => c.value)).toEqual(utf8.candidates.map((c) => c.value));
		expect(d.candidates[0].value.name).toBe('张测试');
	});
});

describe('nothing is lost', () => {
	it('reports problems in several files at once', () => {
		const e = errors({
			'units.csv': `${UNITS_HEADER}\nt1,镇街,,,,\nt2,镇街,,,,\na1,A类部,,,,\nb1,B类,,,,\n`,
			'pledges.csv': `编号,企业名称,统一社会信用代码,承诺类型,签订日期,单位编号\np1,甲公司,91350100M000100Y44,安全,2022-02-15,t1\n`,
		});
		// Rows that refer to the broken unit row are not reported again: the unit's own error covers them.
		expect(e.map(where)).toEqual(['data/units.csv:4:2 enum-error', 'data/pledges.csv:2:3 uscc-invalid']);
	});
	it('accounts for every row: each is valid or named in an error at its line', () => {
		const d = validateDataset(
			fixture({
				'evidence/2022-Q1.csv': `${EVIDENCE_HEADER}\ne1,t1,1.1,完成,2022-01-15,,,报送,信用办,\ne2,t1,3.6,事项,2022-13-01,1,,活动,信用办,\ne2,t1,3.6,事项,2022-02-01,1,,活动,信用办,\n`,
			}),
			'data/',
		);
		const f = d.files.find((f) => f.file === 'data/evidence/2022-Q1.csv')!;
		// Line 4 repeats line 3's id: refused too, at once, though line 3 is refused for its date.
		expect(f).toEqual({ file: 'data/evidence/2022-Q1.csv', table: 'evidence', rowsIn: 3, rowsValid: 1 });
		expect(d.issues.filter((i) => i.file === f.file).map(where)).toEqual([
			'data/evidence/2022-Q1.csv:3:5 date-invalid',
			'data/evidence/2022-Q1.csv:4:1 unique-error',
		]);
	});
});

describe('the demo dataset', () => {
	it('reads a GBK-encoded copy of data/units.csv exactly as the UTF-8 original', () => {
		const root = join(import.meta.dirname, '..', '..');
		const demo = readFolder(join(root, 'data'));
		const original = validateDataset(memFiles(demo), 'data/');
		const gbk = new Map(demo);
		const text = new TextDecoder().decode(demo.get('units.csv')!).replace(/^\uFEFF/, '');
		gbk.set('units.csv', new Uint8Array(iconv.encode(text, 'gbk')));
		const d = validateDataset(memFiles(gbk), 'data/');
		expect(d.issues.map(where)).toEqual(['data/units.csv:1:1 encoding-gbk']);
		expect(d.units.map((u) => u.value)).toEqual(original.units.map((u) => u.value));
		expect(original.units.length).toBeGreaterThan(50);
	});
});
