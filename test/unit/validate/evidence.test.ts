import { describe, expect, it } from 'vitest';
import { accounting, DRAFT_Q1, onlyRows, report, validate } from '../../helpers/validate.ts';
import { kindsOf } from '../../../src/lib/validate/checks/evidence.ts';
import type { Rule } from '../../../src/schemas/rubric.ts';

const Q1 = 'evidence/2022-Q1.csv';
/** The 2022-Q1 evidence file holding only `rows` (the first on line 2), as a draft quarter (not complete). */
const q1 = (...rows: string[]) => ({ ...DRAFT_Q1, [Q1]: onlyRows(Q1, ...rows) });
/** The fixture's five facts of 2022-Q1 (lines 2–6), without the 无 rows that complete the quarter. */
const FACTS = [
	'e1,t1,1.1,完成,2022-01-15,,,双公示按时全量报送,信用办,',
	'e2,t1,3.6,事项,2022-02-10,3,,诚信进校园宣传活动,信用办,',
	'e3,t1,2.1,评分,2022-03-20,,8,信用审查制度,信用办,制度健全并已执行',
	'e4,a1,3.1,事项,2022-03-01,2,,信易批办理,信用办,',
	'e5,b1,1.3,完成,2022-03-31,,,信用承诺信息按月归集,信用办,',
];

describe('evidence files', () => {
	it('reads each row with its quarter, from the file name', () => {
		const d = validate();
		const facts = d.evidence.filter((e) => e.value.kind !== 'none');
		expect(facts.map((e) => [e.value.id, e.value.quarter])).toEqual([
			['e1', '2022-Q1'],
			['e2', '2022-Q1'],
			['e3', '2022-Q1'],
			['e4', '2022-Q1'],
			['e5', '2022-Q1'],
		]);
		// The fixture's other unit × indicator cells each hold a 无 row (a released quarter is complete).
		expect(d.evidence.filter((e) => e.value.kind === 'none').map((e) => e.value.quarter)).toEqual(
			Array(35).fill('2022-Q1'),
		);
	});

	it('does not read a file not named for a quarter', () => {
		expect(report({ 'evidence/2022Q2.csv': onlyRows(Q1) })).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022Q2.csv:1:1: 季度评价记录文件应按季度命名，如 2023-Q4.csv，而不是 "2022Q2.csv" (file-name)",
			]
		`);
	});

	it('reports a quarter whose year has no rubric, and keeps none of its rows', () => {
		const patches = { 'evidence/2023-Q1.csv': onlyRows(Q1, 'f1,t1,1.1,完成,2023-01-15,,,报送,信用办,') };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/evidence/2023-Q1.csv:1:1: 没有 2023 年的评价指标文件 rubrics/2023.json，本季度无法计分 (missing-rubric)",
			]
		`);
		expect(accounting(validate(patches), 'evidence/2023-Q1.csv')).toEqual({ rowsIn: 1, rowsValid: 0 });
	});

	it('accepts a file with only its header for a year with no rubric', () => {
		expect(report({ 'evidence/2023-Q1.csv': onlyRows(Q1) })).toEqual([]);
	});

	it('rejects an id used in two quarters, naming the first', () => {
		const patches = { 'evidence/2022-Q2.csv': onlyRows(Q1, 'e1,t1,1.1,完成,2022-04-15,,,报送,信用办,') };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q2.csv:2:1: 第 2 行第 1 列（记录编号）：记录编号 "e1" 重复，与 data/evidence/2022-Q1.csv 第 2 行相同；每个记录编号只能出现一次 (unique-error)",
			]
		`);
		expect(validate(patches).evidence.filter((e) => e.value.id === 'e1')).toHaveLength(1);
	});
});

describe('evidence rows: unit and indicator', () => {
	it('rejects evidence for a unit that does not exist', () => {
		expect(report(q1('e2,t9,3.6,事项,2022-02-10,1,,诚信进校园,信用办,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:2: 第 2 行第 2 列（单位编号）：单位编号 "t9" 不在 units.csv 中 (foreign-key)",
			]
		`);
	});

	it('rejects evidence for an indicator the rubric does not have', () => {
		expect(report(q1('e2,t1,9.9,事项,2022-02-10,1,,诚信进校园,信用办,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:3: 第 2 行第 3 列（指标编号）：指标编号 "9.9" 不在 rubrics/2022.json 中 (foreign-key)",
			]
		`);
	});

	it('rejects an indicator used for a unit category it does not apply to (town-only 5.1 for an A-class unit)', () => {
		expect(report(q1('e2,a1,5.1,评分,2022-02-10,,10,诚信镇创建,信用办,验收合格'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:3: 第 2 行第 3 列（指标编号）：指标 5.1「“诚信镇（街道）”创建」不适用于A类单位（适用于：镇街、园区） (not-applicable)",
			]
		`);
	});

	it('rejects evidence for a unit in a quarter before it was set up, and keeps the row out', () => {
		const patches = {
			...q1(...FACTS),
			'units.csv': onlyRows('units.csv', 't1,镇街,,,,', 't2,镇街,,,,', 'a1,A类,2022-04-01,,,', 'b1,B类,,,,'),
		};
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:5:2: 第 5 行第 2 列（单位编号）：单位 "a1" 在 2022-Q1 不存在（设立 2022-04-01，撤销 —） (unit-inactive)",
			]
		`);
		expect(validate(patches).evidence.map((e) => e.value.id)).toEqual(['e1', 'e2', 'e3', 'e5']);
	});

	it('accepts evidence for a unit dissolved after the first day of the quarter, warning of a row dated after that', () => {
		const units = onlyRows('units.csv', 't1,镇街,,,,', 't2,镇街,,,,', 'a1,A类,,2022-01-02,,', 'b1,B类,,,,');
		// (a1's candidate c1, recommended on 2022-12-01 when a1 is gone, is candidates.csv's matter: unit-inactive.)
		// a1's one fact (e4, line 5) is dated 2022-03-01, after its dissolution: counted, with a warning.
		expect(report({ 'units.csv': units }).filter((l) => !l.startsWith('data/exemplars/'))).toEqual([
			'data/evidence/2022-Q1.csv:5:5: 警告：第 5 行第 5 列（日期）：单位 "a1" 在 2022-03-01 不存在（设立 —，撤销 2022-01-02）；这一行仍计入它 2022-Q1 的得分 (unit-inactive-day)',
		]);
		expect(validate({ 'units.csv': units }).evidence.some((e) => e.value.id === 'e4')).toBe(true);
	});

	it('warns of each 评分 of a unit and indicator a later one in the quarter replaces, naming the one counted', () => {
		// t1's 2.1 judged three times: 03-20 (e3, line 2), 03-25 (x2, line 3) and 03-25 (x1, line 4). The latest date
		// counts, and of one day the greater 记录编号: x2 (line 3). a1's 2.1 once: nothing said.
		const lines = report(
			q1(
				FACTS[2],
				'x2,t1,2.1,评分,2022-03-25,,6,信用审查制度复评,信用办,复评：执行不到位',
				'x1,t1,2.1,评分,2022-03-25,,7,信用审查制度复评,信用办,复评',
				'x3,a1,2.1,评分,2022-03-25,,7,信用审查制度,信用办,制度健全',
			),
		).filter((l) => l.startsWith(`data/${Q1}`));
		expect(lines).toEqual([
			'data/evidence/2022-Q1.csv:2:7: 警告：第 2 行第 7 列（得分）：单位 "t1" 的指标 2.1 本季度有 3 行评分，只计日期最晚（同一天时记录编号最大）的一行（第 3 行，x2）：这一行不计分 (judged-twice)',
			'data/evidence/2022-Q1.csv:4:7: 警告：第 4 行第 7 列（得分）：单位 "t1" 的指标 2.1 本季度有 3 行评分，只计日期最晚（同一天时记录编号最大）的一行（第 3 行，x2）：这一行不计分 (judged-twice)',
		]);
	});

	it('warns of a fact dated before its unit was set up or from the day it merged, not of one on a day it existed', () => {
		const units = (a1: string) => onlyRows('units.csv', 't1,镇街,,,,', 't2,镇街,,,,', a1, 'b1,B类,,,,');
		const lines = (a1: string, ...rows: string[]) =>
			report({ ...q1(...rows), 'units.csv': units(a1) }).filter((l) => l.startsWith(`data/${Q1}`));
		// Merged into b1 on 2022-02-15: the 14th is its last day, the 15th is b1's, and a 无 row (undated or dated)
		// records nothing that happened.
		expect(
			lines(
				'a1,A类,,2022-02-15,b1,',
				'x1,a1,3.1,事项,2022-02-14,1,,信易批办理,信用办,',
				'x2,a1,3.1,事项,2022-02-15,1,,信易批办理,信用办,',
				'x3,a1,1.1,无,,,,,,',
				'x4,a1,1.3,无,2022-03-31,,,,,',
			),
		).toEqual([
			'data/evidence/2022-Q1.csv:3:5: 警告：第 3 行第 5 列（日期）：单位 "a1" 在 2022-02-15 不存在（设立 —，撤销 2022-02-15）；此后它的记录请填并入的单位 "b1"；这一行仍计入它 2022-Q1 的得分 (unit-inactive-day)',
		]);
		// Set up on 2022-03-10: a row of the 9th is before its time, one of the 10th is not.
		expect(
			lines(
				'a1,A类,2022-03-10,,,',
				'x1,a1,3.1,事项,2022-03-09,1,,信易批办理,信用办,',
				'x2,a1,3.1,事项,2022-03-10,1,,信易批办理,信用办,',
			),
		).toEqual([
			'data/evidence/2022-Q1.csv:2:5: 警告：第 2 行第 5 列（日期）：单位 "a1" 在 2022-03-09 不存在（设立 2022-03-10，撤销 —）；这一行仍计入它 2022-Q1 的得分 (unit-inactive-day)',
		]);
	});

	it('takes a unit set up on the quarter’s last day, and refuses one dissolved on its first (a unit exists from its setup day up to the day before its dissolution)', () => {
		const units = (a1: string) => onlyRows('units.csv', 't1,镇街,,,,', 't2,镇街,,,,', a1, 'b1,B类,,,,');
		const patches = (a1: string) => ({ ...q1(...FACTS), 'units.csv': units(a1) });
		// (a1's candidate c1, recommended on 2022-12-01, is candidates.csv's matter when a1 is gone by then.)
		const evidence = (a1: string) => report(patches(a1)).filter((l) => !l.startsWith('data/exemplars/'));
		// Set up on the last day: the quarter is its to be evaluated in; its fact of 2022-03-01 is warned of.
		expect(evidence('a1,A类,2022-03-31,,,')).toEqual([
			'data/evidence/2022-Q1.csv:5:5: 警告：第 5 行第 5 列（日期）：单位 "a1" 在 2022-03-01 不存在（设立 2022-03-31，撤销 —）；这一行仍计入它 2022-Q1 的得分 (unit-inactive-day)',
		]);
		expect(evidence('a1,A类,2021-06-01,2022-01-01,,')).toEqual([
			'data/evidence/2022-Q1.csv:5:2: 第 5 行第 2 列（单位编号）：单位 "a1" 在 2022-Q1 不存在（设立 2021-06-01，撤销 2022-01-01） (unit-inactive)',
		]);
		expect(evidence('a1,A类,,2021-12-31,,')).toEqual([
			'data/evidence/2022-Q1.csv:5:2: 第 5 行第 2 列（单位编号）：单位 "a1" 在 2022-Q1 不存在（设立 —，撤销 2021-12-31） (unit-inactive)',
		]);
		// Merged into b1 on the quarter's first day: its evidence is b1's from then on, and the message says so; set up
		// after the quarter and merged later, the quarter is before its time and b1 is not named.
		const merged = (a1: string) =>
			report(patches(a1)).filter((l) => l.startsWith('data/evidence/2022-Q1.csv:5:2:'));
		expect(merged('a1,A类,2021-06-01,2022-01-01,b1,')).toEqual([
			'data/evidence/2022-Q1.csv:5:2: 第 5 行第 2 列（单位编号）：单位 "a1" 在 2022-Q1 不存在（设立 2021-06-01，撤销 2022-01-01）；此后它的记录请填并入的单位 "b1" (unit-inactive)',
		]);
		expect(merged('a1,A类,2022-04-01,2022-09-01,b1,')).toEqual([
			'data/evidence/2022-Q1.csv:5:2: 第 5 行第 2 列（单位编号）：单位 "a1" 在 2022-Q1 不存在（设立 2022-04-01，撤销 2022-09-01） (unit-inactive)',
		]);
	});
});

describe('evidence rows: the facts', () => {
	it('requires a date, what was done and the source', () => {
		expect(report(q1('e1,t1,1.1,完成,,,,,,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:5: 第 2 行第 5 列（日期）："日期" 不能为空 (required)",
			  "data/evidence/2022-Q1.csv:2:8: 第 2 行第 8 列（事项）："事项" 不能为空：写明做了什么或发生了什么 (required)",
			  "data/evidence/2022-Q1.csv:2:9: 第 2 行第 9 列（来源）："来源" 不能为空：写明数据来源（如 信用办、法院、纪委、网信办） (required)",
			]
		`);
	});

	it('rejects a date outside the quarter of the file', () => {
		expect(report(q1('e1,t1,1.1,完成,2022-04-01,,,报送,信用办,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:5: 第 2 行第 5 列（日期）：日期 2022-04-01 不在 2022-Q1（2022-01-01 至 2022-03-31）内 (out-of-period)",
			]
		`);
	});

	it('counts a blank pre-filled row as a placeholder: checked, neither valid evidence nor an error', () => {
		const d = validate(q1('e1,t1,1.1,完成,2022-01-15,,,报送,信用办,', 'e2,t1,3.6,,,,,,,'));
		expect(d.issues).toEqual([]);
		expect(d.evidence.map((e) => e.value.id)).toEqual(['e1']);
		expect(d.files.find((f) => f.file === `data/${Q1}`)).toEqual({
			file: `data/${Q1}`,
			table: 'evidence',
			rowsIn: 2,
			rowsValid: 2,
			placeholders: 1,
		});
	});

	it('still checks the unit and indicator of a placeholder', () => {
		expect(report(q1('e1,t9,3.6,,,,,,,', 'e2,t1,9.9,,,,,,,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:2: 第 2 行第 2 列（单位编号）：单位编号 "t9" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:3:3: 第 3 行第 3 列（指标编号）：指标编号 "9.9" 不在 rubrics/2022.json 中 (foreign-key)",
			]
		`);
	});
});

describe('evidence rows: kinds, points and counts', () => {
	it('refuses evidence for an indicator computed from the commitments or the pledges', () => {
		expect(report(q1('e1,t1,5.3,,2022-02-01,,,覆盖,信用办,', 'e2,t1,5.2,事项,2022-02-01,3,,承诺,信用办,')))
			.toMatchInlineSnapshot(`
				[
				  "data/evidence/2022-Q1.csv:2:3: 第 2 行第 3 列（指标编号）：指标 5.3「政务诚信公开承诺」由公开承诺数据自动计算，不要在评价记录中填写 (computed-indicator)",
				  "data/evidence/2022-Q1.csv:3:3: 第 3 行第 3 列（指标编号）：指标 5.2「属地行政监管：企业信用承诺」由企业信用承诺数据自动计算，不要在评价记录中填写 (computed-indicator)",
				]
			`);
	});

	it('rejects a kind the indicator’s rule does not read', () => {
		expect(report(q1('e1,t1,1.3,事项,2022-02-01,1,,归集,信用办,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:4: 第 2 行第 4 列（类型）：指标 1.3 的记录类型只能是：完成、无 (kind-mismatch)",
			]
		`);
	});

	it('accepts 扣分 on an indicator with a deduction, and a blank kind taking the rule’s own', () => {
		expect(
			report(q1('e1,t1,1.1,扣分,2022-02-01,1,,漏报,省信息中心,', 'e2,t1,3.6,,2022-02-01,2,,活动,信用办,')),
		).toEqual([]);
	});

	it('requires the points of a judged indicator, also when the kind is left blank', () => {
		expect(report(q1('e3,t1,2.1,,2022-03-20,,,信用审查制度,信用办,制度健全'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:7: 第 2 行第 7 列（得分）：评分类指标 2.1 要填写"得分"（0～10） (required)",
			]
		`);
	});

	it('rejects judged points above the indicator maximum', () => {
		expect(report(q1('e3,t1,2.1,评分,2022-03-20,,12,信用审查制度,信用办,制度健全'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:7: 第 2 行第 7 列（得分）：得分 12 超出指标 2.1 的范围 0～10 (out-of-range)",
			]
		`);
	});

	it('rejects judged points with more than two decimals, which scoring would round, and accepts two', () => {
		expect(report(q1('e3,t1,2.1,评分,2022-03-20,,8.333,信用审查制度,信用办,制度健全')))
			.toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:7: 第 2 行第 7 列（得分）："8.333" 最多保留 2 位小数 (type-error)",
			]
		`);
		expect(report(q1('e3,t1,2.1,评分,2022-03-20,,8.33,信用审查制度,信用办,制度健全'))).toEqual([]);
	});

	it('accepts judged points of exactly the maximum', () => {
		expect(report(q1('e3,t1,2.1,评分,2022-03-20,,10,信用审查制度,信用办,制度健全'))).toEqual([]);
	});

	it('rejects a judged indicator without a reason', () => {
		expect(report(q1('e3,t1,2.1,评分,2022-03-20,,8,信用审查制度,信用办,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:10: 第 2 行第 10 列（理由）：评分类指标 2.1 必须写明评分理由 (reason-required)",
			]
		`);
	});

	it('rejects points on an indicator that is not judged', () => {
		expect(report(q1('e1,t1,1.1,完成,2022-01-15,,5,报送,信用办,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:7: 第 2 行第 7 列（得分）：只有评分类指标填写"得分"；1.1 的分值按规则计算，请清空此格 (points-not-allowed)",
			]
		`);
	});

	it('rejects a count other than 1 on a 完成 row', () => {
		expect(report(q1('e1,t1,1.1,完成,2022-01-15,2,,报送,信用办,'))).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:2:6: 第 2 行第 6 列（数量）："完成" 类记录的数量只能是 1 或空 (out-of-range)",
			]
		`);
		expect(report(q1('e1,t1,1.1,完成,2022-01-15,1,,报送,信用办,'))).toEqual([]);
	});
});

describe('evidence rows: 无, nothing to report', () => {
	it('takes a 无 row without date, 事项 or 来源, for any indicator scored from evidence, and keeps it', () => {
		const patches = q1(
			'e1,t1,1.1,无,,,,,,',
			'e2,t1,3.6,无,,,,本季度未开展,信用办,',
			'e3,t1,2.1,无,2022-03-01,,,,,',
		);
		expect(report(patches)).toEqual([]);
		expect(validate(patches).evidence.map((e) => [e.value.id, e.value.kind])).toEqual([
			['e1', 'none'],
			['e2', 'none'],
			['e3', 'none'],
		]);
	});

	it('takes 无 as the office types it: 无事项, 本季度无, 未完成', () => {
		const patches = q1('e1,t1,1.1,未完成,,,,,,', 'e2,t1,3.6,本季度无,,,,,,', 'e3,t1,2.1,无事项,,,,,,');
		expect(report(patches)).toEqual([]);
	});

	it('refuses 无 on an indicator computed from other data, a 数量 on it, and a date outside the quarter', () => {
		expect(report(q1('e1,t1,5.2,无,,,,,,', 'e2,t1,3.6,无,,2,,,,', 'e3,t1,3.6,无,2022-04-01,,,,,')))
			.toMatchInlineSnapshot(`
				[
				  "data/evidence/2022-Q1.csv:2:3: 第 2 行第 3 列（指标编号）：指标 5.2「属地行政监管：企业信用承诺」由企业信用承诺数据自动计算，不要在评价记录中填写 (computed-indicator)",
				  "data/evidence/2022-Q1.csv:3:6: 第 3 行第 6 列（数量）：类型为"无"的记录不填"数量"：它表示本季度没有可报的事实 (out-of-range)",
				  "data/evidence/2022-Q1.csv:4:5: 第 4 行第 5 列（日期）：日期 2022-04-01 不在 2022-Q1（2022-01-01 至 2022-03-31）内 (out-of-period)",
				]
			`);
	});

	it('refuses a 无 row beside a fact for the same unit and indicator in the quarter, naming the fact’s line', () => {
		const patches = q1(
			'e1,t1,3.6,事项,2022-02-10,1,,诚信进校园,信用办,',
			'e2,t2,3.6,无,,,,,,',
			'e3,t1,3.6,无,,,,,,',
		);
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:4:4: 第 4 行第 4 列（类型）：类型为"无"表示单位 t1 本季度指标 3.6 没有可报的事实，但第 2 行记录了一条：删去其中一行 (kind-conflict)",
			]
		`);
		expect(validate(patches).evidence.map((e) => e.value.id)).toEqual(['e1', 'e2']);
	});

	it('lets a 无 row stand beside a blank pre-filled row (not a fact)', () => {
		expect(report(q1('e1,t1,3.6,,,,,,,', 'e2,t1,3.6,无,,,,,,'))).toEqual([]);
	});
});

describe('evidence rows: each rule on its own', () => {
	const missing = (line: number, cols: ('date' | 'what' | 'source')[]) =>
		cols.map(
			(c) =>
				({
					date: `data/evidence/2022-Q1.csv:${line}:5: 第 ${line} 行第 5 列（日期）："日期" 不能为空 (required)`,
					what: `data/evidence/2022-Q1.csv:${line}:8: 第 ${line} 行第 8 列（事项）："事项" 不能为空：写明做了什么或发生了什么 (required)`,
					source: `data/evidence/2022-Q1.csv:${line}:9: 第 ${line} 行第 9 列（来源）："来源" 不能为空：写明数据来源（如 信用办、法院、纪委、网信办） (required)`,
				})[c],
		);

	it('takes a row with only a date, a 数量 or a 得分 as a fact (not a blank placeholder), which must then be complete', () => {
		expect(report(q1('e1,t1,1.1,,2022-01-15,,,,,'))).toEqual(missing(2, ['what', 'source']));
		expect(report(q1('e1,t1,3.6,,,2,,,,'))).toEqual(missing(2, ['date', 'what', 'source']));
		expect(report(q1('e1,t1,2.1,,,,8,,,')).slice(0, 3)).toEqual(missing(2, ['date', 'what', 'source']));
	});

	it('takes dates from the quarter’s first day to its last, and no day before or after', () => {
		expect(
			report(q1('e1,t1,1.1,完成,2022-01-01,,,报送,信用办,', 'e2,t1,1.3,完成,2022-03-31,,,报送,信用办,')),
		).toEqual([]);
		expect(report(q1('e1,t1,1.1,完成,2021-12-31,,,报送,信用办,'))).toEqual([
			'data/evidence/2022-Q1.csv:2:5: 第 2 行第 5 列（日期）：日期 2021-12-31 不在 2022-Q1（2022-01-01 至 2022-03-31）内 (out-of-period)',
		]);
	});

	it('refuses negative judged points', () => {
		expect(report(q1('e3,t1,2.1,评分,2022-03-20,,-1,信用审查制度,信用办,制度健全'))).toEqual([
			'data/evidence/2022-Q1.csv:2:7: 第 2 行第 7 列（得分）：得分 -1 超出指标 2.1 的范围 0～10 (out-of-range)',
		]);
	});

	it('reads no file in evidence/ without the .csv ending, even one named for a quarter', () => {
		expect(
			report({ ...DRAFT_Q1, 'evidence/2022-Q2': onlyRows(Q1, 'e9,t1,1.1,完成,2022-04-15,,,报送,信用办,') }),
		).toEqual([
			'data/evidence/2022-Q2:1:1: 季度评价记录文件应按季度命名，如 2023-Q4.csv，而不是 "2022-Q2" (file-name)',
		]);
	});

	it('keeps out a row of a unit whose own units.csv row is wrong, and says nothing more of it', () => {
		const patches = {
			...q1('e1,x9,1.1,完成,2022-01-15,,,报送,信用办,'),
			'units.csv': onlyRows(
				'units.csv',
				't1,镇街,,,,',
				't2,镇街,,,,',
				'a1,A类,,,,',
				'b1,B类,,,,',
				'x9,不是,,,,',
			),
		};
		expect(report(patches)).toEqual([
			'data/units.csv:6:2: 第 6 行第 2 列（类别）："不是" 不是允许的值，应为 镇街（town）、园区（park）、A类（A）、B类（B） 之一 (enum-error)',
		]);
		expect(validate(patches).evidence).toEqual([]);
	});

	it('names the first fact beside a 无 row, when there are several', () => {
		expect(
			report(
				q1(
					'e1,t1,3.6,事项,2022-02-10,1,,诚信进校园,信用办,',
					'e2,t1,3.6,事项,2022-02-11,1,,诚信进校园,信用办,',
					'e3,t1,3.6,无,,,,,,',
				),
			),
		).toEqual([
			'data/evidence/2022-Q1.csv:4:4: 第 4 行第 4 列（类型）：类型为"无"表示单位 t1 本季度指标 3.6 没有可报的事实，但第 2 行记录了一条：删去其中一行 (kind-conflict)',
		]);
	});
});

describe('the kinds of row each rule reads (a blank 类型 is the implied one)', () => {
	it.each<[string, Rule, ReturnType<typeof kindsOf>]>([
		['完成 (done)', { kind: 'done' } as Rule, { implied: 'done', allowed: ['done', 'none'] }],
		[
			'完成 with deductions',
			{ kind: 'done', deduction: { per: 10, what: '通报' } } as Rule,
			{ implied: 'done', allowed: ['done', 'incident', 'none'] },
		],
		[
			'事项 counted from evidence',
			{ kind: 'perItem', per: 1, cap: 5, source: 'evidence' } as Rule,
			{ implied: 'item', allowed: ['item', 'none'] },
		],
		[
			'事项 counted from pledges (computed: no row at all)',
			{ kind: 'perItem', per: 0.5, cap: 5, source: 'pledges' } as Rule,
			{ implied: 'item', allowed: [] },
		],
		['评分 (judged)', { kind: 'judged' } as Rule, { implied: 'judged', allowed: ['judged', 'none'] }],
		[
			'扣分 only',
			{ kind: 'deduction', base: 10, per: 5, what: '失信' } as unknown as Rule,
			{ implied: 'incident', allowed: ['incident', 'none'] },
		],
		[
			'诚信镇创建',
			{ kind: 'creditTown' } as unknown as Rule,
			{ implied: undefined, allowed: ['done', 'item', 'none'] },
		],
		[
			'公开承诺 coverage (computed)',
			{ kind: 'commitmentCoverage', step: 0.5 } as Rule,
			{ implied: undefined, allowed: [] },
		],
	])('%s', (_, rule, kinds) => {
		expect(kindsOf(rule)).toEqual(kinds);
	});
});
