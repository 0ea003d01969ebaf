import { describe, expect, it } from 'vitest';
import { accounting, report, validate, withRows } from '../../helpers/validate.ts';

const FILE = 'exemplars/reviews.csv';

describe('reviews.csv', () => {
	it('rejects a credit review of a candidate that does not exist', () => {
		const patches = { [FILE]: withRows(FILE, 'c9,公安,无记录,2022-12-12,') };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/reviews.csv:6:1: 第 6 行第 1 列（候选人编号）：候选人编号 "c9" 不在 candidates.csv 中；是否应为 "c1"？ (foreign-key)",
			]
		`);
		expect(accounting(validate(patches), FILE)).toEqual({ rowsIn: 5, rowsValid: 4 });
	});

	it('rejects a second reply of the same body about the same candidate', () => {
		expect(report({ [FILE]: withRows(FILE, 'c1,公安,有记录,2022-12-14,') })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/reviews.csv:6:1: 第 6 行第 1 列（候选人编号）：候选人的审查单位 "c1 / police" 重复，与 data/exemplars/reviews.csv 第 3 行相同；每个候选人的审查单位只能出现一次 (unique-error)",
			]
		`);
	});
});
