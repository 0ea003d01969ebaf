import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/issues.ts';
import { report, validate, withRows } from '../../helpers/validate.ts';

const names = (...rows: string[]) => ({ 'unit-names.csv': withRows('unit-names.csv', ...rows) });

describe('two units named alike at the same time', () => {
	const unitsWith = (...rows: string[]) => withRows('units.csv', ...rows);
	it('refuses a second unit with the same name, or one that reads the same, at its name, naming the first', () => {
		// Said by name, each group of alike names in turn (the report sorts them by line).
		// 金 as the compatibility ideograph U+F90A and as the Kangxi radical U+2FA6; 区甲局 with a full-width space. (The
		// units are set up after the fixture's released quarters, which would otherwise lack their rows.)
		const patches = {
			'units.csv': unitsWith(
				'a2,A类,2030-01-01,,,',
				'a3,A类,2030-01-01,,,',
				'a4,A类,2030-01-01,,,',
				'a5,A类,2030-01-01,,,',
			),
			'unit-names.csv': withRows(
				'unit-names.csv',
				'a2,区甲局,,',
				'a3,区\uF90A融局,,',
				'a4,区\u2FA6融局,,',
				'a5,区甲　局,,',
			),
		};
		expect(report(patches)).toEqual([
			'data/unit-names.csv:6:2: 第 6 行第 2 列（名称）：名称 "区甲局" 与单位 "a1" 同时使用的名称 "区甲局"（第 4 行）相同：网站上读者无法区分这两个单位，请核对 (duplicate-name)',
			'data/unit-names.csv:9:2: 第 9 行第 2 列（名称）：名称 "区甲　局" 与单位 "a1" 同时使用的名称 "区甲局"（第 4 行）看起来相同（其中有不可见字符或形近的兼容字符）：网站上读者无法区分这两个单位，请核对 (duplicate-name)',
			'data/unit-names.csv:8:2: 第 8 行第 2 列（名称）：名称 "区\u2FA6融局" 与单位 "a3" 同时使用的名称 "区\uF90A融局"（第 7 行）看起来相同（其中有不可见字符或形近的兼容字符）：网站上读者无法区分这两个单位，请核对 (duplicate-name)',
		]);
	});
	it('refuses a name with a soft hyphen or another character that shows as nothing', () => {
		for (const hidden of ['\u00AD', '\u061C', '\u3164', '\uFE00', '\u180E', '\u034F', '\u{E0020}'])
			expect(
				report({
					'units.csv': unitsWith('a2,A类,2030-01-01,,,'),
					'unit-names.csv': withRows('unit-names.csv', `a2,区${hidden}丙局,,`),
				}).map((l) => l.replace(/.*\((.+)\)$/, '$1')),
				hidden,
			).toEqual(['invisible-char']);
	});
	it('takes the same name in turn: a unit set up under the name of one dissolved that day, or renamed away the day before', () => {
		// a1 (区甲局) is dissolved on 2024-01-01, the day a2 is set up as 区甲局; t2 (乙镇) is renamed 乙街道 from
		// 2023-06-01, its old name used to 2023-05-31, and t3 is named 乙镇 from 2023-06-01.
		const patches = {
			'units.csv': withRows('units.csv', 'a2,A类,2024-01-01,,,', 't3,镇街,2023-06-01,,,').replace(
				'a1,A类,,,,',
				'a1,A类,,2024-01-01,,',
			),
			'unit-names.csv': withRows(
				'unit-names.csv',
				'a2,区甲局,,',
				't3,乙镇,2023-06-01,',
				't2,乙街道,2023-06-01,',
			).replace('t2,乙镇,,', 't2,乙镇,,2023-05-31'),
		};
		expect(report(patches)).toEqual([]);
		// A day of overlap is one too many.
		const overlap = {
			...patches,
			'unit-names.csv': patches['unit-names.csv'].replace('t3,乙镇,2023-06-01,', 't3,乙镇,2023-05-31,'),
		};
		expect(
			report({
				...overlap,
				'units.csv': overlap['units.csv'].replace('t3,镇街,2023-06-01,,,', 't3,镇街,2023-05-31,,,'),
			}).map((l) => l.replace(/.*\((.+)\)$/, '$1')),
		).toEqual(['duplicate-name']);
	});
});

describe('unit-names.csv', () => {
	it('rejects a name of a unit units.csv does not have, and drops it', () => {
		const d = validate(names('x9,不存在的单位,,'));
		expect(d.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/unit-names.csv:6:1: 第 6 行第 1 列（单位编号）：单位编号 "x9" 不在 units.csv 中 (foreign-key)",
			]
		`);
		expect(d.unitNames.map((n) => n.value.unitId)).toEqual(['t1', 't2', 'a1', 'b1']);
	});

	it('does not report a name again when its unit row is invalid itself, and keeps the name out', () => {
		const patches = {
			'units.csv': withRows('units.csv', 'x1,C类,,,,'),
			'unit-names.csv': withRows('unit-names.csv', 'x1,某单位,,'),
		};
		expect(validate(patches).unitNames.map((n) => n.value.unitId)).toEqual(['t1', 't2', 'a1', 'b1']);
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:2: 第 6 行第 2 列（类别）："C类" 不是允许的值，应为 镇街（town）、园区（park）、A类（A）、B类（B） 之一 (enum-error)",
			]
		`);
	});

	it('rejects a name whose end is before its start', () => {
		expect(report(names('a1,区甲局（新）,2022-05-01,2022-04-30'))).toMatchInlineSnapshot(`
			[
			  "data/unit-names.csv:6:4: 第 6 行第 4 列（停用日期）：停用日期 2022-04-30 早于启用日期 2022-05-01 (date-order)",
			]
		`);
	});

	it('takes a name used for a single day (its start and end on the same date)', () => {
		const text = withRows('unit-names.csv').replace('a1,区甲局,,', 'a1,区甲局,,2022-04-30');
		expect(
			report({
				'unit-names.csv': `${text}a1,区甲局（临时）,2022-05-01,2022-05-01\na1,区甲局（新）,2022-05-02,\n`,
			}),
		).toEqual([]);
	});

	it('orders a unit’s names by date, whatever their order in the file', () => {
		const text = withRows('unit-names.csv').replace(
			'a1,区甲局,,\n',
			'a1,区甲局（新）,2023-01-01,\na1,区甲局（中）,2022-07-01,2022-12-31\na1,区甲局,,2022-06-30\n',
		);
		expect(report({ 'unit-names.csv': text })).toEqual([]);
		// and the overlap is found between neighbours in time, not in the file
		const overlapping = text.replace('2022-07-01,2022-12-31', '2022-06-30,2022-12-31');
		expect(report({ 'unit-names.csv': overlapping })).toEqual([
			'data/unit-names.csv:5:3: 第 5 行第 3 列（启用日期）：单位 "a1" 的名称时段重叠：上一个名称 "区甲局" 须在本名称启用前停用 (overlap)',
		]);
	});

	it('requires every unit to have a name', () => {
		const text = withRows('unit-names.csv').replace('b1,区乙办,,\n', '');
		expect(report({ 'unit-names.csv': text })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:5:1: 第 5 行第 1 列（单位编号）：单位 "b1" 在 unit-names.csv 中没有名称 (missing-name)",
			]
		`);
	});

	it('says nothing of a missing name when the unit’s name row has an error, or unit-names.csv cannot be read', () => {
		// b1's only name starts on a day that does not exist: that row's error, and no "没有名称" for b1.
		const wrongDate = withRows('unit-names.csv').replace('b1,区乙办,,', 'b1,区乙办,2022-02-30,');
		expect(report({ 'unit-names.csv': wrongDate }).map((l) => l.replace(/：.*\(/, ' ('))).toEqual([
			'data/unit-names.csv:5:3: 第 5 行第 3 列（启用日期） (date-invalid)',
		]);
		// A header the file does not have: its own two errors, not four units without a name.
		const header = withRows('unit-names.csv').replace('单位编号,名称,', '编号,名字,');
		expect(
			report({ 'unit-names.csv': header }).map((l) => l.replace(/^(\S+?:\d+:\d+):.*\((\S+)\)$/, '$1 $2')),
		).toEqual([
			'data/unit-names.csv:1:1 unknown-column',
			'data/unit-names.csv:1:2 unknown-column',
			'data/unit-names.csv:1:1 missing-column',
			'data/unit-names.csv:1:1 missing-column',
			'data/unit-names.csv:1:1 rows-unchecked',
		]);
	});

	it('rejects a second name while the first has no end date', () => {
		expect(report(names('a1,区甲局（新）,2023-01-01,'))).toMatchInlineSnapshot(`
			[
			  "data/unit-names.csv:6:3: 第 6 行第 3 列（启用日期）：单位 "a1" 的名称时段重叠：上一个名称 "区甲局" 须在本名称启用前停用 (overlap)",
			]
		`);
	});

	it('rejects a name that starts on the day the one before it ends, and accepts one that starts the day after', () => {
		const text = withRows('unit-names.csv').replace('a1,区甲局,,', 'a1,区甲局,,2022-12-31');
		expect(report({ 'unit-names.csv': `${text}a1,区甲局（新）,2022-12-31,\n` })).toMatchInlineSnapshot(`
			[
			  "data/unit-names.csv:6:3: 第 6 行第 3 列（启用日期）：单位 "a1" 的名称时段重叠：上一个名称 "区甲局" 须在本名称启用前停用 (overlap)",
			]
		`);
		expect(report({ 'unit-names.csv': `${text}a1,区甲局（新）,2023-01-01,\n` })).toEqual([]);
	});
});
