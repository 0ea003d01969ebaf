import { describe, expect, it } from 'vitest';
import { onlyRows, report, validate, withRows } from '../../helpers/validate.ts';

const FILE = 'commitments/commitments.csv';
/** A commitment of `unit`, made on `madeOn`, due by `dueBy`. */
const commitment = (id: string, unit: string, madeOn: string, dueBy: string) =>
	`${id},${unit},政务,政务服务事项当日办结,当日办结,,,${madeOn},${dueBy},`;

describe('commitments.csv', () => {
	it('rejects a commitment of a unit units.csv does not have, and keeps it out', () => {
		const patches = { [FILE]: withRows(FILE, commitment('k3', 't9', '2022-01-10', '2022-06-30')) };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/commitments/commitments.csv:4:2: 第 4 行第 2 列（单位编号）：单位编号 "t9" 不在 units.csv 中 (foreign-key)",
			]
		`);
		expect(validate(patches).commitments.map((c) => c.value.id)).toEqual(['k1', 'k2']);
	});

	it('warns for a commitment with no service standard at all, and publishes it; one part of the standard is enough', () => {
		const row = (standard: string) => `k3,t1,政务,做好服务,${standard},2022-01-10,2022-06-30,`;
		const none = { [FILE]: withRows(FILE, row(',,')) };
		expect(report(none)).toMatchInlineSnapshot(`
			[
			  "data/commitments/commitments.csv:4:5: 警告：第 4 行第 5 列（服务内容）：承诺没有服务标准：服务内容、服务质量、服务期限三列都是空的。公开承诺应写明服务标准（seed 001 二(四)），公众才能据此监督；至少填写其中一项 (missing-standard)",
			]
		`);
		expect(validate(none).commitments.map((c) => c.value.id)).toEqual(['k1', 'k2', 'k3']);
		for (const standard of ['当日办结,,', ',满意度不低于 95%,', ',,5 个工作日内'])
			expect(report({ [FILE]: withRows(FILE, row(standard)) })).toEqual([]);
	});

	it('rejects a commitment due before it was made, and accepts one due the same day', () => {
		expect(report({ [FILE]: withRows(FILE, commitment('k3', 't1', '2022-01-10', '2022-01-09')) }))
			.toMatchInlineSnapshot(`
				[
				  "data/commitments/commitments.csv:4:9: 第 4 行第 9 列（完成时限）：完成时限 2022-01-09 早于承诺日期 2022-01-10 (date-order)",
				]
			`);
		expect(report({ [FILE]: withRows(FILE, commitment('k3', 't1', '2022-01-10', '2022-01-10')) })).toEqual(
			[],
		);
	});

	it('rejects a commitment made on a day its unit did not exist', () => {
		const units = onlyRows('units.csv', 't1,镇街,,,,', 't2,镇街,2022-03-01,,,', 'a1,A类,,,,', 'b1,B类,,,,');
		expect(
			report({
				'units.csv': units,
				// (The fixture's 失信 record of t2, 2022-02-01, goes: it would be one of a day t2 did not exist.)
				'dishonesty.csv': onlyRows('dishonesty.csv'),
				[FILE]: withRows(FILE, commitment('k3', 't2', '2022-01-10', '2022-06-30')),
			}),
		).toMatchInlineSnapshot(`
			[
			  "data/commitments/commitments.csv:4:8: 第 4 行第 8 列（承诺日期）：单位 "t2" 在 2022-01-10 不存在（设立 2022-03-01，撤销 —） (unit-inactive)",
			]
		`);
	});

	it('takes a commitment made on the day its unit was set up, up to the day before it was dissolved', () => {
		const units = onlyRows(
			'units.csv',
			't1,镇街,,,,',
			't2,镇街,2022-03-01,2022-09-01,,',
			'a1,A类,,,,',
			'b1,B类,,,,',
		);
		const lines = (madeOn: string) =>
			report({
				'units.csv': units,
				[FILE]: withRows(FILE, commitment('k3', 't2', madeOn, '2022-12-31')),
			}).filter((l) => l.startsWith(`data/${FILE}`));
		expect(lines('2022-03-01')).toEqual([]);
		expect(lines('2022-08-31')).toEqual([]);
		expect(lines('2022-02-28')).toEqual([
			`data/${FILE}:4:8: 第 4 行第 8 列（承诺日期）：单位 "t2" 在 2022-02-28 不存在（设立 2022-03-01，撤销 2022-09-01） (unit-inactive)`,
		]);
		expect(lines('2022-09-01')).toEqual([
			`data/${FILE}:4:8: 第 4 行第 8 列（承诺日期）：单位 "t2" 在 2022-09-01 不存在（设立 2022-03-01，撤销 2022-09-01） (unit-inactive)`,
		]);
	});

	it('rejects an id used twice', () => {
		expect(report({ [FILE]: withRows(FILE, commitment('k1', 't1', '2022-01-10', '2022-06-30')) }))
			.toMatchInlineSnapshot(`
				[
				  "data/commitments/commitments.csv:4:1: 第 4 行第 1 列（承诺编号）：承诺编号 "k1" 重复，与 data/commitments/commitments.csv 第 2 行相同；每个承诺编号只能出现一次 (unique-error)",
				]
			`);
	});
});
