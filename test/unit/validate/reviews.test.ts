import { describe, expect, it } from 'vitest';
import { accounting, report, validate, withRows } from '../../helpers/validate.ts';
import { fixtureText as readFixture } from '../../helpers/files.ts';

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

	it('takes a reply of a body besides the four (法院, 其他): not needed, and its record disqualifies as theirs do', () => {
		// Seed 000 第七条 "向纪检、公安、检察院、信访等有关单位函询": c1 has the four replies, all 无记录, and passed 评审.
		const clear = { [FILE]: withRows(FILE, 'c1,法院,无记录,2022-12-14,') };
		expect(report(clear)).toEqual([]);
		expect(accounting(validate(clear), FILE)).toEqual({ rowsIn: 5, rowsValid: 5 });
		expect(report({ [FILE]: withRows(FILE, 'c1,其他,有记录,2022-12-14,') })).toEqual([
			'data/exemplars/candidates.csv:2:21: 第 2 行第 21 列（评审结果）：信用审查有记录的候选人已取消资格，不能进入评审（seed 000 第七条） (lifecycle-order)',
		]);
		// The four are still all needed: 法院 does not stand in for 信访.
		const three = readFixture(FILE).replace(/\nc1,信访,[^\n]*/, '\nc1,法院,无记录,2022-12-13,');
		expect(report({ [FILE]: three })).toEqual([
			'data/exemplars/candidates.csv:2:21: 第 2 行第 21 列（评审结果）：信用审查尚未完成（纪检、公安、检察院、信访四家都要有回复），不能填写评审结果 (lifecycle-order)',
		]);
	});

	// The body is named in Chinese, as typed (公安), not by its code (police).
	it('rejects a second reply of the same body about the same candidate', () => {
		expect(report({ [FILE]: withRows(FILE, 'c1,公安,有记录,2022-12-14,') })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/reviews.csv:6:1: 第 6 行第 1 列（候选人编号）：候选人的审查单位 "c1 / 公安" 重复，与 data/exemplars/reviews.csv 第 3 行相同；每个候选人的审查单位只能出现一次 (unique-error)",
			]
		`);
	});
});
