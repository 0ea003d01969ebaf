/**
 * What the whole report does for a file's header and for ids that do not exist: one error for a missing required
 * column and no errors on top of it in the files that refer to that table, a warning for a missing optional column,
 * and a "did you mean" for an id a typo away from one that exists.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../helpers/files.ts';
import { accounting, DRAFT_Q1, onlyRows, report, validate, withRows } from '../../helpers/validate.ts';
import { formatIssue, reportLines } from '../../../src/lib/issues.ts';
import { foldKey } from '../../../src/lib/validate/context.ts';
import { fixCsv } from '../../../src/lib/validate/fix.ts';
import { evidenceTable } from '../../../src/schemas/evidence.ts';

describe('a missing column', () => {
	it('is one error naming the required column, and no row of another file is reported for it', () => {
		// units.csv without 类别: its rows cannot be read, so the evidence, names, pledges and candidates that refer to
		// its units are not reported as unknown units (they may well be there).
		const units = fixtureText('units.csv').replace('单位编号,类别,', '单位编号,');
		expect(report({ 'units.csv': units })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:1:1: 第 1 行：缺少必填列 "类别"（评价类别（淮信用办〔2022〕6号 三(一)）：镇街、园区、A类、B类）。本文件的表头应为：单位编号,类别,设立日期,撤销日期,并入单位,备注 (missing-column)",
			  "data/units.csv:1:1: 表头有误，本文件的 4 行数据均未读取；改正表头后再运行检查 (rows-unchecked)",
			]
		`);
	});

	it('is a warning for an optional column, which reads as empty', () => {
		// units.csv without its last column, 备注 (optional).
		const units = fixtureText('units.csv')
			.split(/\r?\n/)
			.map((l) => l.split(',').slice(0, -1).join(','))
			.join('\n');
		const d = validate({ 'units.csv': units });
		expect(d.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'missing-optional-column']]);
		expect(report({ 'units.csv': units })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:1:1: 警告：第 1 行：表头没有可选列 "备注"（办公室的说明，不在网站上公开）：各行的这一列都按空值处理，公开的数据中这一列为空。如果这一列应有内容，请按模板补上这一列。本文件的表头应为：单位编号,类别,设立日期,撤销日期,并入单位,备注 (missing-optional-column)",
			]
		`);
		expect(d.units.map((u) => u.value.note)).toEqual([undefined, undefined, undefined, undefined]);
	});
});

describe('a file whose columns are not separated by commas', () => {
	it('is one error naming the separator, for tabs, semicolons and Chinese semicolons, and no rows are read', () => {
		for (const [sep, name] of [
			['\t', '制表符'],
			[';', '分号'],
			['；', '中文分号'],
		])
			expect(report({ 'units.csv': fixtureText('units.csv').replace(/,/g, sep) })).toEqual([
				`data/units.csv:1:1: 第 1 行：各列用${name}分开，不是英文逗号：请在 Excel/WPS 中“另存为”，文件类型选择“CSV UTF-8（逗号分隔）” (wrong-delimiter)`,
				'data/units.csv:1:1: 表头有误，本文件的 4 行数据均未读取；改正表头后再运行检查 (rows-unchecked)',
			]);
	});

	it('is one error for a header typed with Chinese commas, and a row so typed is told so', () => {
		expect(report({ 'units.csv': fixtureText('units.csv').replace(/,/g, '，') })).toEqual([
			'data/units.csv:1:1: 第 1 行：各列用中文逗号“，”分开，不是英文逗号：请把分开各列的“，”改为英文逗号“,”（内容里的中文逗号不用改） (wrong-delimiter)',
			'data/units.csv:1:1: 表头有误，本文件的 4 行数据均未读取；改正表头后再运行检查 (rows-unchecked)',
		]);
		const lines = fixtureText('units.csv').replace(/\r\n/g, '\n').split('\n');
		lines[2] = lines[2].replace(/,/g, '，');
		// Row 3 typed with Chinese commas; row 4 merely short, with a Chinese comma in its text.
		lines[3] = lines[3].split(',').slice(0, 2).join(',') + '，备注';
		expect(report({ 'units.csv': lines.join('\n') })).toEqual([
			'data/units.csv:3:2: 第 3 行：本行只有 1 列，表头有 6 列；本行似乎用中文逗号“，”分开各列，请改为英文逗号“,” (missing-cell)',
			'data/units.csv:4:3: 第 4 行：本行只有 2 列，表头有 6 列；请补齐缺少的列（空值也要留逗号） (missing-cell)',
		]);
	});

	it('is not said of a one-column header that merely holds such a sign', () => {
		// A header of one unknown column with a semicolon in it: the usual errors, no guess about separators.
		const lines = report({ 'units.csv': '编号;名字\nt1;镇街\n' });
		expect(lines.some((l) => l.endsWith('(wrong-delimiter)'))).toBe(false);
		expect(lines.some((l) => l.endsWith('(unknown-column)'))).toBe(true);
	});
});

describe('a row that repeats the header', () => {
	it('is one error at that row (two exports pasted into one file), and the rows around it are read', () => {
		const lines = fixtureText('evidence/2022-Q1.csv').replace(/\r\n/g, '\n').trimEnd().split('\n');
		// Line 6 repeats the header, with its cells spaced and a trailing comma as a second export may have them.
		const pasted =
			[...lines.slice(0, 5), lines[0].replace(/,/g, ', ') + ',', ...lines.slice(5)].join('\n') + '\n';
		const d = validate({ ...DRAFT_Q1, 'evidence/2022-Q1.csv': pasted });
		expect(d.issues.map(formatIssue)).toEqual([
			'data/evidence/2022-Q1.csv:6:1: 第 6 行：这一行重复了表头（可能是把两份表格拼在了一起）：请删去这一行 (repeated-header)',
		]);
		expect(accounting(d, 'evidence/2022-Q1.csv')).toEqual({ rowsIn: 41, rowsValid: 40 });
	});
});

describe('columns without a name', () => {
	const units = fixtureText('units.csv').replace(/\r\n/g, '\n');
	/** units.csv with two more cells on every line, the header's blank: what WPS exports after a column was formatted. */
	const widened = (row?: [number, string]) =>
		units
			.trimEnd()
			.split('\n')
			.map((l, i) => `${l},${row?.[0] === i + 1 ? row[1] : ''},`)
			.join('\n') + '\n';

	it('at the end of the header and empty on every row: ignored, with a warning; every row is read', () => {
		const d = validate({ 'units.csv': widened() });
		expect(report({ 'units.csv': widened() })).toEqual([
			'data/units.csv:1:7: 警告：第 1 行：表头最后的第 7、8 列没有列名，各行在这里也都是空的，已忽略；可以在 Excel/WPS 中删去这几列，或运行 npm run validate -- --fix (blank-header)',
		]);
		expect(d.units.map((u) => u.value)).toEqual(validate().units.map((u) => u.value));
		expect(accounting(d, 'units.csv')).toEqual({ rowsIn: 4, rowsValid: 4 });
	});

	it('at the end with a cell filled: no column takes it, so the file is refused as a wrong header is, once', () => {
		expect(report({ 'units.csv': widened([3, '备注二']) })).toEqual([
			'data/units.csv:1:7: 第 1 行：表头最后的第 7、8 列没有列名，但有 1 行在这里有内容（第一处在第 3 行）。请补上列名，或删去这几列。本文件的表头应为：单位编号,类别,设立日期,撤销日期,并入单位,备注 (blank-header)',
			'data/units.csv:1:1: 表头有误，本文件的 4 行数据均未读取；改正表头后再运行检查 (rows-unchecked)',
		]);
	});

	it('between named columns: an error, as before', () => {
		const gap = units.replace('单位编号,类别,', '单位编号,,类别,').replace(/^(t1|t2|a1|b1),/gm, '$1,,');
		expect(report({ 'units.csv': gap })[0]).toBe(
			'data/units.csv:1:2: 第 1 行：第 2 列没有列名。本文件的表头应为：单位编号,类别,设立日期,撤销日期,并入单位,备注 (blank-header)',
		);
	});
});

describe('an id that does not exist', () => {
	it('suggests the unit id one typo away, or the same id in another case', () => {
		const q1 = onlyRows(
			'evidence/2022-Q1.csv',
			'e1,t11,1.1,完成,2022-01-15,,,报送,信用办,',
			'e2,T1,1.1,完成,2022-01-15,,,报送,信用办,',
			'e3,ｔ1,1.1,完成,2022-01-15,,,报送,信用办,',
		);
		expect(report({ ...DRAFT_Q1, 'evidence/2022-Q1.csv': q1 })).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:4:2: 第 4 行第 2 列（单位编号）："ｔ1" 含全角字符，请改为半角：t1（可运行 npm run validate -- --fix 自动修正） (full-width)",
			  "data/evidence/2022-Q1.csv:2:2: 第 2 行第 2 列（单位编号）：单位编号 "t11" 不在 units.csv 中；是否应为 "t1"？ (foreign-key)",
			  "data/evidence/2022-Q1.csv:3:2: 第 3 行第 2 列（单位编号）：单位编号 "T1" 不在 units.csv 中；是否应为 "t1"？ (foreign-key)",
			]
		`);
	});

	it('calls an indicator number typed in full-width full-width, which --fix corrects', () => {
		const q1 = onlyRows(
			'evidence/2022-Q1.csv',
			'e1,t1,１.1,完成,2022-01-15,,,报送,信用办,',
			'e2,t1,1．1,完成,2022-01-15,,,报送,信用办,',
		);
		expect(report({ ...DRAFT_Q1, 'evidence/2022-Q1.csv': q1 })).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:3: 第 2 行第 3 列（指标编号）："１.1" 含全角字符，请改为半角：1.1（可运行 npm run validate -- --fix 自动修正） (full-width)",
			  "data/evidence/2022-Q1.csv:3:3: 第 3 行第 3 列（指标编号）："1．1" 含全角字符，请改为半角：1.1（可运行 npm run validate -- --fix 自动修正） (full-width)",
			]
		`);
		// --fix writes them half-width, and nothing else of the rows.
		const fixed = fixCsv(
			evidenceTable,
			new TextEncoder().encode(`\uFEFF${q1}`),
			'data/evidence/2022-Q1.csv',
			'evidence/2022-Q1.csv',
		);
		expect(fixed.changes.map((c) => `${c.line}:${c.column} ${c.from} → ${c.to}`)).toEqual([
			'2:3 "１.1" → "1.1"',
			'3:3 "1．1" → "1.1"',
		]);
	});

	it('names a repeated id at once when either copy has an error of its own, and publishes neither repeat', () => {
		// e1 is refused for its date typed in full-width, and repeated on line 3; e2 is repeated on line 5, which is
		// refused for its date. Both repeats are said now, not after the dates are fixed.
		const q1 = onlyRows(
			'evidence/2022-Q1.csv',
			'e1,t1,1.1,完成,２０２２-01-15,,,报送,信用办,',
			'e1,t1,1.1,完成,2022-01-16,,,报送,信用办,',
			'e2,t1,1.1,完成,2022-01-17,,,报送,信用办,',
			'E2,t1,1.1,完成,2022/01/18,,,报送,信用办,',
		);
		expect(report({ ...DRAFT_Q1, 'evidence/2022-Q1.csv': q1 })).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:5: 第 2 行第 5 列（日期）："２０２２-01-15" 含全角字符，请改为半角：2022-01-15（可运行 npm run validate -- --fix 自动修正） (full-width)",
			  "data/evidence/2022-Q1.csv:3:1: 第 3 行第 1 列（记录编号）：记录编号 "e1" 重复，与 data/evidence/2022-Q1.csv 第 2 行相同；每个记录编号只能出现一次 (unique-error)",
			  "data/evidence/2022-Q1.csv:5:5: 第 5 行第 5 列（日期）：日期 "2022/01/18" 格式不对，应写作 2022-01-18（年-月-日；可运行 npm run validate -- --fix 自动修正） (date-format)",
			  "data/evidence/2022-Q1.csv:5:1: 第 5 行第 1 列（记录编号）：记录编号 "E2" 与 data/evidence/2022-Q1.csv 第 4 行的 "e2" 只差大小写或全角半角，在网址和文件名中会被当作同一个；请改用不同的记录编号 (unique-error)",
			]
		`);
		expect(
			validate({ ...DRAFT_Q1, 'evidence/2022-Q1.csv': q1 }).evidence.map((e) => [e.line, e.value.id]),
		).toEqual([[4, 'e2']]);
	});

	it('suggests nothing when two ids are equally close, or none is close', () => {
		// t3 is one edit from both t1 and t2; zz9 is far from every id.
		const q1 = onlyRows(
			'evidence/2022-Q1.csv',
			'e1,t3,1.1,完成,2022-01-15,,,报送,信用办,',
			'e2,zz9,1.1,完成,2022-01-15,,,报送,信用办,',
		);
		expect(report({ ...DRAFT_Q1, 'evidence/2022-Q1.csv': q1 })).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:2: 第 2 行第 2 列（单位编号）：单位编号 "t3" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:3:2: 第 3 行第 2 列（单位编号）：单位编号 "zz9" 不在 units.csv 中 (foreign-key)",
			]
		`);
	});

	it('suggests a commitment id and a candidate id too', () => {
		const updates = withRows('commitments/updates.csv', 'k22,2022-07-01,已兑现,验收合格');
		const reviews = withRows('exemplars/reviews.csv', 'c11,纪检,无记录,2022-12-15,');
		expect(report({ 'commitments/updates.csv': updates, 'exemplars/reviews.csv': reviews }))
			.toMatchInlineSnapshot(`
			[
			  "data/exemplars/reviews.csv:6:1: 第 6 行第 1 列（候选人编号）：候选人编号 "c11" 不在 candidates.csv 中；是否应为 "c1"？ (foreign-key)",
			  "data/commitments/updates.csv:3:1: 第 3 行第 1 列（承诺编号）：承诺编号 "k22" 不在 commitments.csv 中；是否应为 "k2"？ (foreign-key)",
			]
		`);
	});
});

describe('the report', () => {
	it('ends with the --fix hint when a problem is one --fix corrects, and not otherwise', () => {
		const units = fixtureText('units.csv').replace('\nt2,', '\nｔ2,');
		const lines = reportLines(validate({ 'units.csv': units }).issues);
		expect(lines.at(-1)).toBe(
			'其中 1 个（全角字符、日期写法、文件编码、表头最后的空列）可以自动修正：运行 npm run validate -- --fix，逐条列出改动后再检查一遍。',
		);
		const other = reportLines(
			validate({ 'units.csv': fixtureText('units.csv').replace('\nt2,镇街', '\nt2,乡') }).issues,
		);
		expect(other.at(-1)).toMatch(/^共 \d+ 个错误，0 个警告。$/);
	});
});

describe('keys compared as a case-insensitive host sees them (foldKey)', () => {
	it('folds full-width forms to half-width and every letter to lower case', () => {
		expect(foldKey('ｔ１')).toBe('t1');
		expect(foldKey('Ｔ１-Ａ')).toBe('t1-a');
		expect(foldKey('GZ-1 / T1 / 区纪委（监委）')).toBe('gz-1 / t1 / 区纪委(监委)');
		// keys of capitals only, mixed, and already folded
		expect(foldKey('ABC')).toBe('abc');
		expect(foldKey('Ab1')).toBe('ab1');
		expect(foldKey('t1')).toBe('t1');
	});

	it('finds a unit id typed in capitals only as the same as its lower-case twin', () => {
		const d = validate({
			// set up after the fixture's released quarter, which therefore asks nothing of them
			'units.csv': withRows('units.csv', 'ab,镇街,2023-01-01,,,', 'AB,镇街,2023-01-01,,,'),
			'unit-names.csv': withRows('unit-names.csv', 'ab,新单位,,'),
		});
		expect(d.issues.map((i) => `${i.line}:${i.code}`)).toEqual(['7:unique-error']);
	});
});

describe('the tables every data folder has', () => {
	it.each([
		'unit-names.csv',
		'dishonesty.csv',
		'pledges.csv',
		'exemplars/candidates.csv',
		'exemplars/reviews.csv',
		'exemplars/notices.csv',
		'exemplars/events.csv',
		'commitments/commitments.csv',
		'commitments/updates.csv',
	])('names %s when it is missing, and where its template is', (path) => {
		expect(report({ [path]: null })[0]).toMatch(
			new RegExp(
				`^data/${path.replace('.', '\\.')}:1:1: 缺少文件 data/${path.replace('.', '\\.')}（.+）；模板见 data/templates/ \\(missing-file\\)$`,
			),
		);
	});

	it('reads rubrics and calendars by a file name that is a year and nothing more', () => {
		expect(
			report({
				'rubrics/x2022.json': '{}',
				'rubrics/2022.json.bak': '{}',
				'calendar/x2027.csv': '日期,类型\n',
				'calendar/2027.csv.bak': '日期,类型\n',
			}),
		).toEqual([
			'data/calendar/2027.csv.bak:1:1: 节假日补充文件应按年份命名，如 2027.csv (file-name)',
			'data/calendar/x2027.csv:1:1: 节假日补充文件应按年份命名，如 2027.csv (file-name)',
			'data/rubrics/2022.json.bak:1:1: 评价指标文件应按年份命名，如 2022.json (file-name)',
			'data/rubrics/x2022.json:1:1: 评价指标文件应按年份命名，如 2022.json (file-name)',
		]);
	});
});

describe('a row that refers to a row with an error of its own', () => {
	it('is kept out, with nothing more said: the unit’s row has the error', () => {
		const patches = {
			'units.csv': withRows('units.csv', 'x9,不是类别,,,,'),
			'dishonesty.csv': withRows('dishonesty.csv', 'd9,x9,2022-02-01,一般,失信,逾期未履行协议,法院,,'),
			'pledges.csv': withRows('pledges.csv', 'p9,乙公司,91350100M000100Y43,安全,2022-02-15,x9'),
			'commitments/commitments.csv': withRows(
				'commitments/commitments.csv',
				'k9,x9,政务,政务服务事项当日办结,当日办结,,,2022-01-10,2022-06-30,',
			),
		};
		const d = validate({
			...patches,
			'exemplars/stories/c2.mdx': fixtureText('exemplars/stories/c1.mdx'),
			'exemplars/candidates.csv': withRows(
				'exemplars/candidates.csv',
				'c2,2022,李测试,男,区甲局,科员,1990-01,群众,大学本科,部门工作人员,x9,联系人 13900002222,,,"窗口承诺","在窗口岗位上坚持承诺办结。",同意推荐,2022-12-01,,,,',
			),
		});
		// The one error; c2's own empty 照片 cell is still told, as a warning about that cell.
		expect(d.issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toEqual([
			'data/units.csv:6:enum-error',
			'data/exemplars/candidates.csv:3:missing-photo',
		]);
		expect(d.issues[1].severity).toBe('warning');
		expect(d.candidates.map((r) => r.value.id)).toEqual(['c1']);
		expect(d.dishonesty.map((r) => r.value.id)).toEqual(['d1']);
		expect(d.pledges.map((r) => r.value.id)).toEqual(['p1']);
		expect(d.commitments.map((r) => r.value.id)).toEqual(['k1', 'k2']);
	});

	it('is kept out when its commitment’s row is wrong', () => {
		const d = validate({
			'commitments/commitments.csv': withRows(
				'commitments/commitments.csv',
				'k9,t1,不是类别,政务服务事项当日办结,,,,2022-01-10,2022-06-30,',
			),
			'commitments/updates.csv': withRows('commitments/updates.csv', 'k9,2022-06-20,已兑现,已办结'),
		});
		expect(d.issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toEqual([
			'data/commitments/commitments.csv:4:enum-error',
		]);
		expect(d.commitmentUpdates.map((r) => r.value.commitmentId)).toEqual(['k2']);
	});
});
