import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../helpers/files.ts';
import { accounting, onlyRows, report, validate, withRows } from '../../helpers/validate.ts';

const FILE = 'exemplars/events.csv';
const events = (...rows: string[]) => ({ [FILE]: onlyRows(FILE, ...rows) });
/** The objections register with an objection to c1 received on each of `dates` (an 异议 event should be in it). */
const register = (...dates: string[]) => ({
	'objections.csv': [
		'异议编号,异议对象,记录编号,期别,收到日期,办结日期,结果,更正编号',
		...dates.map((d, i) => `YY-${i + 1},诚信典型,c1,2022,${d},,,`),
	]
		.map((l) => `${l}\n`)
		.join(''),
});

describe('events.csv', () => {
	it('accepts an objection during the 公示 of c1 (GS-1, from 2023-01-09)', () => {
		const d = validate({ ...events('c1,2023-01-10,异议,,来电反映'), ...register('2023-01-10') });
		expect(d.issues).toEqual([]);
		expect(d.events.map((e) => e.value.event)).toEqual(['objection']);
	});

	it('rejects an event of a candidate that does not exist, and keeps it out', () => {
		const patches = events('c9,2023-01-10,异议,,来电反映');
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/events.csv:2:1: 第 2 行第 1 列（候选人编号）：候选人编号 "c9" 不在 candidates.csv 中；是否应为 "c1"？ (foreign-key)",
			]
		`);
		expect(validate(patches).events).toEqual([]);
	});

	it('rejects an event of a candidate not in any 公示', () => {
		const c1 = fixtureText('exemplars/candidates.csv').replace(',通过,GS-1', ',通过,');
		expect(report({ ...events('c1,2023-01-10,异议,,来电反映'), 'exemplars/candidates.csv': c1 }))
			.toMatchInlineSnapshot(`
				[
				  "data/exemplars/notices.csv:2:1: 警告：第 2 行第 1 列（公示编号）：公示 "GS-1" 没有候选人：candidates.csv 中没有哪一行的“公示编号”是 GS-1。没有候选人的公示不在网站上发布；请在候选人的“公示编号”列填上它，或删去这一行 (notice-empty)",
				  "data/exemplars/events.csv:2:1: 第 2 行第 1 列（候选人编号）：候选人尚未公示，不能有异议或撤销记录 (lifecycle-order)",
				]
			`);
	});

	it('says nothing of the events of a candidate whose 公示 has its own error: the candidate is on notice', () => {
		// GS-1 moved to 2099: its 7 working days reach a year no calendar knows, which notices.csv says.
		const notices = fixtureText('exemplars/notices.csv').replace('2023-01-09', '2099-01-09');
		const patches = {
			...events('c1,2099-01-12,异议,,来电反映'),
			...register('2099-01-12'),
			'exemplars/notices.csv': notices,
		};
		const out = report(patches);
		expect(out.filter((l) => l.includes('calendar-unknown'))).toHaveLength(2);
		expect(out.filter((l) => l.startsWith('data/exemplars/events.csv'))).toEqual([]);
		expect(validate(patches).events).toEqual([]);
	});

	it('rejects an event dated before the 公示 starts', () => {
		expect(report(events('c1,2023-01-08,异议,,来电反映'))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/events.csv:2:2: 第 2 行第 2 列（日期）：日期 2023-01-08 早于公示开始日 2023-01-09 (date-order)",
			]
		`);
	});

	it('requires the public reason of a revocation', () => {
		expect(report(events('c1,2023-02-01,撤销,,内部说明'))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/events.csv:2:4: 第 2 行第 4 列（公开说明）：撤销必须写明向社会公开的撤销理由（公开说明） (required)",
			]
		`);
	});

	it('rejects a revocation before recognition, and counts it invalid', () => {
		const patches = events('c1,2023-01-10,撤销,经核实存在问题,内部说明');
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/events.csv:2:3: 第 2 行第 3 列（事件）：候选人尚未认定，不能撤销；公示期间异议经核实属实的，请记为"异议成立"（seed 000 第十条：取消评选资格） (lifecycle-order)",
			]
		`);
		expect(accounting(validate(patches), FILE)).toEqual({ rowsIn: 1, rowsValid: 0 });
	});

	it('accepts an event on the day the 公示 starts', () => {
		expect(report({ ...events('c1,2023-01-09,异议,,来电反映'), ...register('2023-01-09') })).toEqual([]);
	});

	it('keeps out, with nothing more said, the event of a candidate whose own row is wrong', () => {
		const candidates = withRows(
			'exemplars/candidates.csv',
			'c2,2022,李测试,不详,区甲局,科员,1990-01,群众,大学本科,部门工作人员,a1,联系人 13900002222,,,"窗口承诺","在窗口岗位上坚持承诺办结。",同意推荐,2022-12-01,,,,',
		);
		const d = validate({
			'exemplars/candidates.csv': candidates,
			'exemplars/stories/c2.mdx': fixtureText('exemplars/stories/c1.mdx'),
			...events('c2,2023-01-10,异议,,来电反映'),
		});
		expect(d.issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toEqual([
			'data/exemplars/candidates.csv:3:enum-error',
		]);
		expect(d.events).toEqual([]);
		expect(accounting(d, 'exemplars/events.csv')).toEqual({ rowsIn: 1, rowsValid: 0 });
	});
});
