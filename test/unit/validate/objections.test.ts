import { describe, expect, it } from 'vitest';
import { report, validate } from '../../helpers/validate.ts';

const FILE = 'objections.csv';
const HEADER = '异议编号,异议对象,记录编号,期别,收到日期,办结日期,结果,更正编号';
const objections = (...rows: string[]) => ({ [FILE]: [HEADER, ...rows].map((r) => `${r}\n`).join('') });
const CORRECTION = {
	'releases/corrections.csv':
		'更正编号,季度,更正日期,文号,单位编号,项目,原值,新值,理由\nGZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记\n',
};

describe('objections.csv', () => {
	it('is optional, and reads objections to a result, a 失信 record and a candidate, open or concluded', () => {
		expect(validate().objections).toEqual([]);
		const d = validate({
			...CORRECTION,
			...objections(
				'YY-1,评价结果,t1,2022-Q1,2022-04-25,2022-05-06,更正,GZ-1',
				'YY-2,失信记录,d1,,2022-05-01,,,',
				'YY-3,诚信典型,c1,2022,2023-01-10,2023-01-12,维持,',
			),
		});
		expect(d.issues).toEqual([]);
		expect(d.objections.map((o) => o.value)).toEqual([
			{
				id: 'YY-1',
				target: 'grade',
				recordId: 't1',
				period: '2022-Q1',
				receivedOn: '2022-04-25',
				concludedOn: '2022-05-06',
				outcome: 'corrected',
				correctionId: 'GZ-1',
			},
			{ id: 'YY-2', target: 'record', recordId: 'd1', receivedOn: '2022-05-01' },
			{
				id: 'YY-3',
				target: 'exemplar',
				recordId: 'c1',
				period: '2022',
				receivedOn: '2023-01-10',
				concludedOn: '2023-01-12',
				outcome: 'kept',
			},
		]);
	});

	it('has no column for who objected: a name or contact column is refused, and so is a phone number as the id', () => {
		expect(
			report({
				[FILE]: `${HEADER},异议人\nYY-1,评价结果,t1,2022-Q1,2022-04-25,,,,张三\n`,
			})[0],
		).toContain('(unknown-column)');
		expect(report(objections('13912345678,失信记录,d1,,2022-05-01,,,'))).toMatchInlineSnapshot(`
			[
			  "data/objections.csv:2:1: 第 2 行第 1 列（异议编号）：异议编号中有手机号 139****5678：异议处理情况公开发布，不得记录异议人的任何信息，请改用区信用办的登记编号（如 YY-2024-01） (personal-number)",
			]
		`);
	});

	it('refuses what does not fit: unknown records, an unreleased quarter, an outcome without a conclusion, a 更正 without its correction', () => {
		expect(
			report(
				objections(
					'YY-1,评价结果,zz,2022-Q2,2022-04-25,,,',
					'YY-2,评价结果,t1,,2022-04-25,,,',
					'YY-3,失信记录,SX-9,,2022-05-01,,维持,',
					'YY-4,失信记录,d1,,2022-05-01,2022-04-30,更正,',
					'YY-5,诚信典型,c9,,2023-01-10,2023-01-12,维持,GZ-9',
				),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/objections.csv:2:3: 第 2 行第 3 列（记录编号）：单位编号 "zz" 不在 units.csv 中 (foreign-key)",
			  "data/objections.csv:2:4: 第 2 行第 4 列（期别）：季度 2022-Q2 没有发布记录：只能对已发布的评价结果提出异议 (foreign-key)",
			  "data/objections.csv:3:4: 第 3 行第 4 列（期别）：对评价结果的异议要写明季度，如 2023-Q4 (required)",
			  "data/objections.csv:4:3: 第 4 行第 3 列（记录编号）：失信记录编号 "SX-9" 不在 dishonesty.csv 中 (foreign-key)",
			  "data/objections.csv:4:7: 第 4 行第 7 列（结果）：尚未办结的异议没有结果：办结后再填写结果和办结日期 (objection-outcome)",
			  "data/objections.csv:5:6: 第 5 行第 6 列（办结日期）：办结日期 2022-04-30 早于收到日期 2022-05-01 (date-order)",
			  "data/objections.csv:5:8: 第 5 行第 8 列（更正编号）：结果为“更正”时要填写更正编号（releases/corrections.csv） (required)",
			  "data/objections.csv:6:3: 第 6 行第 3 列（记录编号）：人选编号 "c9" 不在 exemplars/candidates.csv 中 (foreign-key)",
			  "data/objections.csv:6:8: 第 6 行第 8 列（更正编号）：只有结果为“更正”的异议才填写更正编号 (objection-outcome)",
			  "data/objections.csv:6:8: 第 6 行第 8 列（更正编号）：更正编号 "GZ-9" 不在 releases/corrections.csv 中 (foreign-key)",
			]
		`);
	});

	it('refuses an objection whose 10-working-day deadline falls in a year no calendar knows', () => {
		expect(report(objections('YY-1,失信记录,d1,,2099-05-01,,,'))).toMatchInlineSnapshot(`
			[
			  "data/objections.csv:2:5: 第 2 行第 5 列（收到日期）：2099 年的节假日安排未知，无法计算 10 个工作日的核查期限：请在 calendar/2099.csv 中按国务院办公厅的通知填写 (calendar-unknown)",
			]
		`);
	});
});
