import { describe, expect, it } from 'vitest';
import { report, validate, withRows } from '../../helpers/validate.ts';

const FILE = 'objections.csv';
const HEADER = '异议编号,异议对象,记录编号,期别,收到日期,办结日期,结果,更正编号';
const objections = (...rows: string[]) => ({ [FILE]: [HEADER, ...rows].map((r) => `${r}\n`).join('') });
const CORRECTION = {
	'releases/corrections.csv':
		'更正编号,季度,更正日期,文号,单位编号,项目,原值,新值,理由\nGZ-1,2022-Q1,2022-06-01,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记\n',
};

/** events.csv recording the objections to c1 received within its 公示 (GS-1, 2023-01-09 to 2023-01-17), as the register's
 *  objections of those days need. */
const recorded = (...rows: string[]) => ({
	'exemplars/events.csv': withRows('exemplars/events.csv', ...rows),
});

describe('objections.csv', () => {
	it('is optional, and reads objections to a result, a 失信 record and a candidate, open or concluded', () => {
		expect(validate().objections).toEqual([]);
		const d = validate({
			...CORRECTION,
			...recorded('c1,2023-01-10,异议,,', 'c1,2023-01-12,异议不成立,,'),
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

	it('refuses a 更正 that names a correction of another unit or quarter, or one made before the objection came in', () => {
		// GZ-1 corrects t1 in 2022-Q1 on 2022-06-01; 2022-Q1 was released on 2022-04-20 (the fixture's releases.csv).
		expect(
			report({
				...CORRECTION,
				...objections(
					'YY-1,评价结果,t2,2022-Q1,2022-04-25,2022-06-02,更正,GZ-1',
					'YY-2,评价结果,t1,2022-Q1,2022-06-02,2022-06-03,更正,GZ-1',
					'YY-3,评价结果,t1,2022-Q1,2022-04-19,,,',
					'YY-4,评价结果,t1,2022-Q1,2022-04-20,2022-05-30,更正,GZ-1',
				),
			}),
		).toEqual([
			'data/objections.csv:2:8: 第 2 行第 8 列（更正编号）：更正 GZ-1 更正的是 2022-Q1 t1 的结果，不是本异议所指的 t2 2022-Q1：请填写因这件异议所作的更正 (objection-outcome)',
			'data/objections.csv:3:8: 第 3 行第 8 列（更正编号）：更正 GZ-1 的日期 2022-06-01 早于这件异议的收到日期 2022-06-02：请填写因这件异议所作的更正 (date-order)',
			'data/objections.csv:4:5: 第 4 行第 5 列（收到日期）：收到日期 2022-04-19 早于 2022-Q1 的发布日期 2022-04-20：评价结果公布之后才能对它提出异议 (date-order)',
		]);
		// A correction only where the outcome is 更正: an objection kept (维持) names none.
		expect(
			report({ ...CORRECTION, ...objections('YY-6,评价结果,t1,2022-Q1,2022-04-25,2022-05-06,维持,GZ-1') }),
		).toEqual([
			'data/objections.csv:2:8: 第 2 行第 8 列（更正编号）：只有结果为“更正”的异议才填写更正编号 (objection-outcome)',
		]);
		// An objection to a 失信 record (the fixture's d1 is t2's) is corrected in its unit's results, not another's.
		expect(
			report({ ...CORRECTION, ...objections('YY-5,失信记录,d1,,2022-05-01,2022-06-05,更正,GZ-1') }),
		).toEqual([
			'data/objections.csv:2:8: 第 2 行第 8 列（更正编号）：更正 GZ-1 更正的是 2022-Q1 t1 的结果，不是本异议所指的失信记录 d1（单位 t2）：请填写因这件异议所作的更正 (objection-outcome)',
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
			  "data/objections.csv:6:8: 第 6 行第 8 列（更正编号）：对诚信典型的异议不填更正编号：异议成立时，未予认定或撤销记在 exemplars/events.csv，人选页面会写明 (objection-outcome)",
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

describe('objections.csv, each rule on its own', () => {
	const lines = (...rows: string[]) => report(objections(...rows));

	it('names an identity-card number typed as the id, and a repeated id', () => {
		expect(
			lines(
				'11010519491231002X,失信记录,d1,,2022-05-01,,,',
				'YY-7,失信记录,d1,,2022-05-01,,,',
				'YY-7,失信记录,d1,,2022-05-02,,,',
			),
		).toMatchInlineSnapshot(`
				[
				  "data/objections.csv:4:1: 第 4 行第 1 列（异议编号）：异议编号 "YY-7" 重复，与 data/objections.csv 第 3 行相同；每个异议编号只能出现一次 (unique-error)",
				  "data/objections.csv:2:1: 第 2 行第 1 列（异议编号）：异议编号中有身份证号 110105********002X：异议处理情况公开发布，不得记录异议人的任何信息，请改用区信用办的登记编号（如 YY-2024-01） (personal-number)",
				]
			`);
	});

	it('wants a quarter written as a quarter for a result, and no period for a 失信 record', () => {
		expect(lines('YY-1,评价结果,t1,2022Q1,2022-04-25,,,', 'YY-2,失信记录,d1,2022,2022-05-01,,,')).toEqual([
			'data/objections.csv:2:4: 第 2 行第 4 列（期别）：期别 "2022Q1" 应写作季度，如 2023-Q4 (quarter-format)',
			'data/objections.csv:3:4: 第 3 行第 4 列（期别）：对失信记录的异议不填期别 (objection-outcome)',
		]);
	});

	it('calls a period typed in full-width full-width, which --fix corrects, not a period in the wrong form', () => {
		expect(lines('YY-1,评价结果,t1,２０２２-Ｑ1,2022-04-25,,,')).toEqual([
			'data/objections.csv:2:4: 第 2 行第 4 列（期别）："２０２２-Ｑ1" 含全角字符，请改为半角：2022-Q1（可运行 npm run validate -- --fix 自动修正） (full-width)',
		]);
	});

	it('takes only the selection year as an exemplar’s period, and says which year that is', () => {
		const lines = (...rows: string[]) =>
			report({ ...recorded('c1,2023-01-10,异议,,'), ...objections(...rows) });
		expect(lines('YY-1,诚信典型,c1,2022,2023-01-10,,,', 'YY-2,诚信典型,c1,,2023-01-10,,,')).toEqual([]);
		expect(
			lines(
				'YY-1,诚信典型,c1,2021,2023-01-10,,,',
				'YY-2,诚信典型,c1,02022,2023-01-10,,,',
				'YY-3,诚信典型,c1,2022-Q1,2023-01-10,,,',
				'YY-4,诚信典型,c9,2022,2023-01-10,,,',
				'YY-5,诚信典型,c9,2022-Q1,2023-01-10,,,',
			),
		).toEqual([
			'data/objections.csv:2:4: 第 2 行第 4 列（期别）：诚信典型的期别是评选年度 2022，可以不填 (objection-outcome)',
			'data/objections.csv:3:4: 第 3 行第 4 列（期别）：诚信典型的期别是评选年度 2022，可以不填 (objection-outcome)',
			'data/objections.csv:4:4: 第 4 行第 4 列（期别）：诚信典型的期别是评选年度 2022，可以不填 (objection-outcome)',
			// A candidate nobody knows has no year to compare a year with …
			'data/objections.csv:5:3: 第 5 行第 3 列（记录编号）：人选编号 "c9" 不在 exemplars/candidates.csv 中 (foreign-key)',
			'data/objections.csv:6:3: 第 6 行第 3 列（记录编号）：人选编号 "c9" 不在 exemplars/candidates.csv 中 (foreign-key)',
			// … nor to name, but a period that is no year is wrong whatever the candidate.
			'data/objections.csv:6:4: 第 6 行第 4 列（期别）：诚信典型的期别是评选年度，可以不填 (objection-outcome)',
		]);
	});

	it('accepts an objection to a candidate only once the candidate was put on public notice', () => {
		const c2 =
			'c2,2022,李测试,男,区甲局,科员,1990-01,群众,大学本科,部门工作人员,a1,联系人 13900002222,,,"窗口承诺","在窗口岗位上坚持承诺办结。",同意推荐,2022-12-01,,,,';
		const out = report({
			'exemplars/candidates.csv': withRows('exemplars/candidates.csv', c2),
			...objections('YY-1,诚信典型,c2,,2023-01-10,,,'),
		});
		expect(out.filter((l) => l.startsWith('data/objections.csv'))).toEqual([
			'data/objections.csv:2:3: 第 2 行第 3 列（记录编号）：人选 c2 尚未公示：只能对已公示的人选提出异议 (lifecycle-order)',
		]);
	});

	it('refuses an objection received before the candidate’s 公示 started, as events.csv does', () => {
		// c1 is on GS-1, which starts on 2023-01-09: before that day nobody outside the office knows the candidate.
		expect(report(objections('YY-1,诚信典型,c1,2022,2023-01-08,,,'))).toEqual([
			'data/objections.csv:2:5: 第 2 行第 5 列（收到日期）：收到日期 2023-01-08 早于人选 c1 的公示开始日 2023-01-09：人选公示之后才能对其提出异议 (date-order)',
		]);
		expect(
			report({ ...recorded('c1,2023-01-09,异议,,'), ...objections('YY-1,诚信典型,c1,2022,2023-01-09,,,') }),
		).toEqual([]);
	});

	it('refuses an objection to a 失信 record received before the record’s date: it would publish the record’s number early', () => {
		// d1 is dated 2022-02-01. Published before that day, the objection would name the record on /objections/ while the
		// record itself is not public yet.
		expect(report(objections('YY-2,失信记录,d1,,2022-01-31,,,'))).toEqual([
			'data/objections.csv:2:5: 第 2 行第 5 列（收到日期）：收到日期 2022-01-31 早于失信记录 d1 的认定日期 2022-02-01：记录认定之后才能对它提出异议 (date-order)',
		]);
		expect(report(objections('YY-2,失信记录,d1,,2022-02-01,,,'))).toEqual([]);
	});

	it('takes an upheld objection to a candidate without a correction id, and refuses one: events.csv records the outcome', () => {
		const upheld = recorded('c1,2023-01-10,异议,,', 'c1,2023-01-12,异议成立,,');
		expect(report({ ...upheld, ...objections('YY-3,诚信典型,c1,2022,2023-01-10,2023-01-12,更正,') })).toEqual(
			[],
		);
		expect(
			report({
				...upheld,
				...CORRECTION,
				...objections('YY-3,诚信典型,c1,2022,2023-01-10,2023-01-12,更正,GZ-1'),
			}),
		).toMatchInlineSnapshot(`
			[
			  "data/objections.csv:2:8: 第 2 行第 8 列（更正编号）：对诚信典型的异议不填更正编号：异议成立时，未予认定或撤销记在 exemplars/events.csv，人选页面会写明 (objection-outcome)",
			]
		`);
	});

	it('warns for an objection to a candidate in events.csv that the register lacks, until it has it', () => {
		const events = {
			'exemplars/events.csv': withRows('exemplars/events.csv', 'c1,2023-01-10,异议,,来电反映'),
		};
		expect(report(events)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/events.csv:2:2: 警告：第 2 行第 2 列（日期）：候选人 c1 在 2023-01-10 收到的异议没有登记在 objections.csv（异议处理情况）：网站的异议处理情况列出每一件异议，请在 objections.csv 加一行：异议对象“诚信典型”，记录编号 c1，收到日期 2023-01-10，办结后填写办结日期和结果 (objection-unregistered)",
			]
		`);
		expect(report({ ...events, ...objections('YY-3,诚信典型,c1,2022,2023-01-10,,,') })).toEqual([]);
		// Another day in the register is another objection.
		expect(
			report({ ...events, ...objections('YY-3,诚信典型,c1,2022,2023-01-11,,,') }).filter((l) =>
				l.endsWith('(objection-unregistered)'),
			),
		).toHaveLength(1);
		// An objection to another kind of record is not the candidate's, even under the same id and day: here a unit c1's
		// result (the unit's other errors aside).
		const unregistered = report({
			...events,
			'units.csv': withRows('units.csv', 'c1,镇街,,,,'),
			...objections('YY-3,评价结果,c1,2022-Q1,2023-01-10,,,'),
		}).filter((l) => l.endsWith('(objection-unregistered)'));
		expect(unregistered).toHaveLength(1);
	});

	it('wants an outcome once concluded, and takes a conclusion on the day received', () => {
		expect(
			lines('YY-1,失信记录,d1,,2022-05-01,2022-05-01,,', 'YY-2,失信记录,d1,,2022-05-01,2022-05-01,维持,'),
		).toEqual([
			'data/objections.csv:2:7: 第 2 行第 7 列（结果）：已办结的异议要填写结果：维持或更正 (required)',
		]);
	});

	it('refuses an objection to the result of a unit not evaluated in that quarter: merged away before it, or set up after it', () => {
		// t3 was merged into t1 on 2022-01-01 and t4 set up on 2022-04-01: 2022-Q1's results have neither, so there is no
		// result to object to (the register would link to one the quarter's page does not have); t1 has one.
		const out = report({
			'units.csv': withRows('units.csv', 't3,镇街,,2022-01-01,t1,', 't4,镇街,2022-04-01,,,'),
			'unit-names.csv': withRows('unit-names.csv', 't3,丙镇,,', 't4,丁镇,,'),
			...objections(
				'YY-1,评价结果,t3,2022-Q1,2022-04-25,,,',
				'YY-2,评价结果,t4,2022-Q1,2022-04-25,,,',
				'YY-3,评价结果,t1,2022-Q1,2022-04-25,,,',
			),
		});
		expect(out).toEqual([
			'data/objections.csv:2:3: 第 2 行第 3 列（记录编号）：单位 "t3" 在 2022-Q1 不存在（设立 —，撤销 2022-01-01）；此后它的记录请填并入的单位 "t1"，2022-Q1 没有它的评价结果 (unit-inactive)',
			'data/objections.csv:3:3: 第 3 行第 3 列（记录编号）：单位 "t4" 在 2022-Q1 不存在（设立 2022-04-01，撤销 —），2022-Q1 没有它的评价结果 (unit-inactive)',
		]);
	});

	it('refuses an objection to a candidate received within the 公示 that events.csv does not record, up to its 7th working day', () => {
		// GS-1 runs from 2023-01-09 to 2023-01-17 (the 7th working day). Without the 异议 in events.csv the candidate would
		// be recognised on 2023-01-18 with the objection open (seed 000 第八条 "无异议的认定"); a complaint received after
		// the 公示 changes no recognition, and needs no such row.
		const lastDay = 'YY-1,诚信典型,c1,2022,2023-01-17,,,';
		expect(lines(lastDay)).toEqual([
			'data/objections.csv:2:5: 第 2 行第 5 列（收到日期）：这件异议在人选 c1 的公示期内（2023-01-09 至 2023-01-17）收到，但 exemplars/events.csv 没有候选人 c1 在 2023-01-17 的“异议”记录：不记下它，人选会在公示期满后照常认定（seed 000 第八条：“无异议的认定”）。请在 events.csv 加一行：候选人编号 c1，日期 2023-01-17，事件“异议”；核实后再记“异议成立”或“异议不成立” (objection-unrecorded)',
		]);
		expect(
			report({
				...objections(lastDay),
				'exemplars/events.csv': withRows('exemplars/events.csv', 'c1,2023-01-17,异议,,'),
			}),
		).toEqual([]);
		expect(lines('YY-1,诚信典型,c1,2022,2023-01-18,,,')).toEqual([]);
	});

	it('wants the conclusion of an objection events.csv records there too, the same day and the same way', () => {
		// The candidate's page reads events.csv: a register saying 维持 while the page says 未予认定 (or 更正 while the
		// candidate goes on to be recognised) tells the public two things.
		const on = (events: string[], row: string) =>
			report({ ...recorded('c1,2023-01-10,异议,,', ...events), ...objections(row) });
		const rejected = ['c1,2023-01-12,异议不成立,,'];
		const upheld = ['c1,2023-01-12,异议成立,,'];
		expect(on(rejected, 'YY-1,诚信典型,c1,2022,2023-01-10,2023-01-12,维持,')).toEqual([]);
		expect(on(upheld, 'YY-1,诚信典型,c1,2022,2023-01-10,2023-01-12,更正,')).toEqual([]);
		expect(on(upheld, 'YY-1,诚信典型,c1,2022,2023-01-10,2023-01-12,维持,')).toEqual([
			'data/objections.csv:2:7: 第 2 行第 7 列（结果）：这件异议 2023-01-12 办结，结果为“维持”，但 exemplars/events.csv 没有候选人 c1 在 2023-01-12 的“异议不成立”记录：人选页面按 events.csv 显示，两处会说法不一。请在 events.csv 记下核实结论，或核对这里的办结日期和结果 (objection-conclusion)',
		]);
		expect(on(rejected, 'YY-1,诚信典型,c1,2022,2023-01-10,2023-01-12,更正,')).toEqual([
			'data/objections.csv:2:7: 第 2 行第 7 列（结果）：这件异议 2023-01-12 办结，结果为“更正”，但 exemplars/events.csv 没有候选人 c1 在 2023-01-12 的“异议成立”或“撤销”记录：人选页面按 events.csv 显示，两处会说法不一。请在 events.csv 记下核实结论，或核对这里的办结日期和结果 (objection-conclusion)',
		]);
		expect(on(rejected, 'YY-1,诚信典型,c1,2022,2023-01-10,2023-01-13,维持,')).toHaveLength(1);
		// A complaint after the 公示 that events.csv does not record concludes in the register alone.
		expect(report(objections('YY-1,诚信典型,c1,2022,2023-02-01,2023-02-10,维持,'))).toEqual([]);
	});

	it('says nothing more of a unit whose own row in units.csv is wrong (that row has its error)', () => {
		const out = report({
			'units.csv': withRows('units.csv', 'x9,不是类别,,,,'),
			...objections('YY-1,评价结果,x9,2022-Q1,2022-05-01,,,'),
		});
		expect(out.some((l) => l.startsWith('data/units.csv'))).toBe(true);
		expect(out.filter((l) => l.startsWith('data/objections.csv'))).toEqual([]);
	});
});

describe('an objection naming a row that has an error of its own', () => {
	it('is kept out with nothing more said: that row’s error covers it, and the row is in its file', () => {
		const d = validate({
			'dishonesty.csv': withRows('dishonesty.csv', 'd2,t1,2022-02-30,一般,失信,逾期未履行协议,法院,,'),
			'releases/corrections.csv':
				'更正编号,季度,更正日期,文号,单位编号,项目,原值,新值,理由\nGZ-1,2022-Q1,2022-06-31,淮信用办〔2022〕9号,t1,指标 3.6,4.5,7.5,补记\n',
			...objections(
				'YY-1,评价结果,t1,2022-Q1,2022-04-25,2022-05-06,更正,GZ-1',
				'YY-2,失信记录,d2,,2022-05-01,,,',
				'YY-3,失信记录,d9,,2022-05-01,,,',
			),
		});
		expect(d.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`)).toEqual([
			'data/releases/corrections.csv:2:3 date-invalid',
			'data/dishonesty.csv:3:3 date-invalid',
			// d9 is in no file: that is said.
			'data/objections.csv:4:3 foreign-key',
		]);
		expect(d.objections).toEqual([]);
	});

	it('is kept out when the release of its quarter, or its candidate, has an error', () => {
		const releases = 'releases/releases.csv';
		const d = validate({
			[releases]: withRows(releases).replace('2022-04-20', '2022-04-31'),
			'exemplars/candidates.csv': withRows('exemplars/candidates.csv').replace(',女,', ',X,'),
			...objections('YY-1,评价结果,t1,2022-Q1,2022-04-25,,,', 'YY-3,诚信典型,c1,2022,2023-01-10,,,'),
		});
		expect(d.issues.filter((i) => i.file === 'data/objections.csv')).toEqual([]);
		expect(d.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`)).toContain(
			`data/${releases}:2:2 date-invalid`,
		);
		expect(d.objections).toEqual([]);
	});
});
