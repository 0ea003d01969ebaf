import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../helpers/files.ts';
import { accounting, onlyRows, report, validate } from '../../helpers/validate.ts';
import { fixCsv } from '../../../src/lib/validate/fix.ts';
import { candidateTable } from '../../../src/schemas/candidate.ts';

const encode = (text: string) => new TextEncoder().encode(text);

const FILE = 'exemplars/candidates.csv';
const [HEADER, C1] = fixtureText(FILE).split(/\r?\n/);
const COLUMNS = HEADER.split(',');
/** The fixture's candidate c1 (2022, recommended by a1 on 2022-12-01, 评审 通过, in 公示 GS-1), with some cells
 *  changed, by column title. */
const candidate = (changes: Record<string, string> = {}) => {
	const cells = C1.split(',');
	for (const [title, value] of Object.entries(changes)) cells[COLUMNS.indexOf(title)] = value;
	return cells.join(',');
};
const candidates = (...rows: string[]) => ({ [FILE]: onlyRows(FILE, ...rows) });
const STORY = fixtureText('exemplars/stories/c1.mdx');

describe('candidates.csv: recommendation', () => {
	it('rejects a third candidate from one unit in one year, naming the lines of all three', () => {
		const rows = ['c1', 'c2', 'c3'].map((id) =>
			candidate({ 编号: id, 姓名: `候选人${id}`, 评审结果: '', 公示编号: '' }),
		);
		const patches = {
			...candidates(...rows),
			'exemplars/reviews.csv': onlyRows('exemplars/reviews.csv'),
			'exemplars/stories/c2.mdx': STORY,
			'exemplars/stories/c3.mdx': STORY,
		};
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:4:11: 第 4 行第 11 列（推荐单位）：推荐单位 "a1" 在 2022 年已推荐 3 人，每单位每年限 2 人（seed 000 第六条；另见第 2、3、4 行） (over-quota)",
			  "data/exemplars/notices.csv:2:1: 警告：第 2 行第 1 列（公示编号）：公示 "GS-1" 没有候选人：candidates.csv 中没有哪一行的“公示编号”是 GS-1。没有候选人的公示不在网站上发布；请在候选人的“公示编号”列填上它，或删去这一行 (notice-empty)",
			]
		`);
		expect(validate(patches).candidates.map((c) => c.value.id)).toEqual(['c1', 'c2']);
	});

	it('rejects a candidate of a recommending unit units.csv does not have', () => {
		expect(report(candidates(candidate({ 推荐单位: 'x9' })))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:11: 第 2 行第 11 列（推荐单位）：推荐单位 "x9" 不在 units.csv 中 (foreign-key)",
			]
		`);
	});

	it('rejects a recommendation by a unit merged away before the day or set up after it, and accepts one on its first and last day', () => {
		// Seed 000 第六条 "各单位……报送本单位候选人": a1 merged into a2 on 2022-07-01 recommends no one from that day (its
		// rows would also be counted apart from a2's, past the quota of 2); a2, set up that day, recommends from it.
		const units = onlyRows(
			'units.csv',
			't1,镇街,,,,',
			't2,镇街,,,,',
			'a1,A类,,2022-07-01,a2,',
			'a2,A类,2022-07-01,,,',
			'b1,B类,,,,',
		);
		const on = (recommender: string, date: string) =>
			report({
				'units.csv': units,
				...candidates(candidate({ 推荐单位: recommender, 推荐日期: date, 评审结果: '', 公示编号: '' })),
				'exemplars/reviews.csv': onlyRows('exemplars/reviews.csv'),
			}).filter((m) => m.startsWith('data/exemplars/candidates.csv'));
		expect(on('a1', '2022-06-30')).toEqual([]);
		expect(on('a1', '2022-07-01')).toEqual([
			'data/exemplars/candidates.csv:2:18: 第 2 行第 18 列（推荐日期）：单位 "a1" 在 2022-07-01 不存在（设立 —，撤销 2022-07-01）；此后它的记录请填并入的单位 "a2" (unit-inactive)',
		]);
		expect(on('a2', '2022-06-30')).toEqual([
			'data/exemplars/candidates.csv:2:18: 第 2 行第 18 列（推荐日期）：单位 "a2" 在 2022-06-30 不存在（设立 2022-07-01，撤销 —） (unit-inactive)',
		]);
		expect(on('a2', '2022-07-01')).toEqual([]);
	});

	it('rejects a recommendation after 12 月 10 日, and accepts one on that day', () => {
		expect(report(candidates(candidate({ 推荐日期: '2022-12-11' })))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:18: 第 2 行第 18 列（推荐日期）：推荐日期 2022-12-11 晚于 2022 年 12 月 10 日的报送截止日（seed 000 第六条） (deadline)",
			]
		`);
		expect(report(candidates(candidate({ 推荐日期: '2022-12-10' })))).toEqual([]);
	});

	it('rejects a recommendation dated in another year than the candidate’s', () => {
		expect(report(candidates(candidate({ 推荐日期: '2021-12-01' })))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:18: 第 2 行第 18 列（推荐日期）：推荐日期 2021-12-01 不在评选年度 2022 年内 (out-of-period)",
			]
		`);
	});

	it('rejects an id used twice', () => {
		expect(report(candidates(candidate(), candidate({ 姓名: '李测试' })))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:3:1: 第 3 行第 1 列（编号）：候选人编号 "c1" 重复，与 data/exemplars/candidates.csv 第 2 行相同；每个候选人编号只能出现一次 (unique-error)",
			]
		`);
	});
	it('rejects an id that differs from another only in case: one story file and one page on a case-insensitive host', () => {
		expect(report(candidates(candidate(), candidate({ 编号: 'C1', 姓名: '李测试' })))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:3:1: 第 3 行第 1 列（编号）：候选人编号 "C1" 与 data/exemplars/candidates.csv 第 2 行的 "c1" 只差大小写或全角半角，在网址和文件名中会被当作同一个；请改用不同的候选人编号 (unique-error)",
			]
		`);
	});
});

describe('candidates.csv: 出生年月 as a spreadsheet leaves it', () => {
	// Excel and WPS read 1988-03 as a date (1988-03-01) and export it 1988/3/1 or 1988年3月; a clerk types 1988.03. Each
	// is refused with the one spelling, which --fix writes. 1988.1 is 1988-01, or 1988.10 a spreadsheet read as a
	// number and cut: named both ways, never fixed.
	const birth = (v: string) => ({ [FILE]: onlyRows(FILE, candidate({ 出生年月: v })) });
	// The row's own problem (its photo's warning that the row is held back follows it).
	const own = (v: string) => report(birth(v)).filter((l) => l.startsWith(`data/${FILE}`));
	it('names the YYYY-MM a date cell stands for, and --fix writes it', () => {
		expect(own('1988/3/1')).toEqual([
			'data/exemplars/candidates.csv:2:7: 第 2 行第 7 列（出生年月）："1988/3/1" 格式不对，出生年月应写作 1988-03（年-月，不写日；Excel/WPS 会把 1988-03 当作这个月 1 日的日期，请把这一列设为“文本”；可运行 npm run validate -- --fix 自动修正） (date-format)',
		]);
		expect(
			validate(birth('1988年3月'))
				.issues.filter((i) => i.file === `data/${FILE}`)
				.map((i) => [i.code, i.fixable]),
		).toEqual([['date-format', true]]);
		const fixed = fixCsv(
			candidateTable,
			encode(onlyRows(FILE, candidate({ 出生年月: '1988-03-01' }))),
			FILE,
			FILE,
		);
		expect(fixed.changes.map((c) => `${c.line}:${c.column}: ${c.from} → ${c.to}`)).toEqual([
			'1:1: UTF-8（无 BOM） → UTF-8（带 BOM）',
			'2:7: "1988-03-01" → "1988-03"',
		]);
	});

	it('asks which month 1988.1 is, and --fix leaves it; a day other than the 1st is no month', () => {
		expect(own('1988.1')).toEqual([
			'data/exemplars/candidates.csv:2:7: 第 2 行第 7 列（出生年月）："1988.1" 格式不对，出生年月应写作 YYYY-MM：是 1988-01 还是 1988-10？（Excel/WPS 把 1988.10 当作数字时会去掉末尾的 0）请核对原件后填写 (date-format)',
		]);
		expect(own('1988-03-15')).toEqual([
			'data/exemplars/candidates.csv:2:7: 第 2 行第 7 列（出生年月）："1988-03-15" 格式不对，出生年月应写作 YYYY-MM，例如 1985-07 (date-format)',
		]);
		const fixed = fixCsv(
			candidateTable,
			encode(onlyRows(FILE, candidate({ 出生年月: '1988.1' }))),
			FILE,
			FILE,
		);
		expect(fixed.changes.map((c) => c.to)).toEqual(['UTF-8（带 BOM）']);
	});
});

describe('candidates.csv: 评审 after the credit review (seed 000 第七条)', () => {
	const reviews = (...rows: string[]) => ({
		'exemplars/reviews.csv': onlyRows('exemplars/reviews.csv', ...rows),
	});
	const CLEAR = ['c1,纪检,无记录,2022-12-12,', 'c1,公安,无记录,2022-12-12,', 'c1,检察院,无记录,2022-12-13,'];

	it('rejects a 评审结果 for a candidate with a credit record, and keeps the candidate out', () => {
		const patches = reviews(...CLEAR, 'c1,信访,有记录,2022-12-13,');
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:21: 第 2 行第 21 列（评审结果）：信用审查有记录的候选人已取消资格，不能进入评审（seed 000 第七条） (lifecycle-order)",
			]
		`);
		const d = validate(patches);
		expect(d.candidates).toEqual([]);
		expect(accounting(d, FILE)).toEqual({ rowsIn: 1, rowsValid: 0 });
	});

	it('rejects a 评审结果 before all four bodies have replied', () => {
		expect(report(reviews(...CLEAR))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:21: 第 2 行第 21 列（评审结果）：信用审查尚未完成（纪检、公安、检察院、信访四家都要有回复），不能填写评审结果 (lifecycle-order)",
			]
		`);
	});
});

describe('candidates.csv: the 公示 (seed 000 第八条)', () => {
	it('rejects a 公示 notices.csv does not have', () => {
		expect(report(candidates(candidate({ 公示编号: 'GS-9' })))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:22: 第 2 行第 22 列（公示编号）：公示编号 "GS-9" 不在 notices.csv 中；是否应为 "GS-1"？ (foreign-key)",
			  "data/exemplars/notices.csv:2:1: 警告：第 2 行第 1 列（公示编号）：公示 "GS-1" 没有候选人：candidates.csv 中没有哪一行的“公示编号”是 GS-1。没有候选人的公示不在网站上发布；请在候选人的“公示编号”列填上它，或删去这一行 (notice-empty)",
			]
		`);
	});

	it('rejects a 公示 of a candidate who did not pass 评审', () => {
		expect(report(candidates(candidate({ 评审结果: '未通过' })))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:22: 第 2 行第 22 列（公示编号）：只有评审通过的候选人才能公示（seed 000 第八条） (lifecycle-order)",
			]
		`);
	});

	it('rejects a 公示 of another year than the candidate’s', () => {
		const notices = onlyRows('exemplars/notices.csv', 'GS-1,2023,2023年度拟认定人选公示,2023-01-09,');
		expect(report({ 'exemplars/notices.csv': notices })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:22: 第 2 行第 22 列（公示编号）：公示 GS-1 属于 2023 年度，候选人属于 2022 年度 (out-of-period)",
			]
		`);
	});

	it('rejects a 公示 that starts before the recommendation', () => {
		const notices = onlyRows('exemplars/notices.csv', 'GS-1,2022,2022年度拟认定人选公示,2022-11-30,');
		expect(report({ 'exemplars/notices.csv': notices })).toContain(
			'data/exemplars/candidates.csv:2:22: 第 2 行第 22 列（公示编号）：公示开始 2022-11-30 早于推荐日期 2022-12-01 (date-order)',
		);
	});

	it('rejects a credit-review reply dated before the recommendation, and accepts one on the day', () => {
		// Recommended 2022-12-01 (the fixture); the office asks about a candidate once recommended (第七条).
		const replies = (...dates: string[]) => ({
			'exemplars/reviews.csv': onlyRows(
				'exemplars/reviews.csv',
				...['纪检', '公安', '检察院', '信访'].map((by, i) => `c1,${by},无记录,${dates[i]},`),
			),
		});
		expect(report(replies('2022-11-30', '2022-12-01', '2022-12-12', '2022-12-13'))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/reviews.csv:2:4: 第 2 行第 4 列（回复日期）：回复日期 2022-11-30 早于候选人 c1 的推荐日期 2022-12-01：信用审查是对已推荐的候选人做的（seed 000 第七条），请核对回复日期或 candidates.csv 第 2 行的推荐日期 (date-order)",
			]
		`);
		expect(report(replies('2022-12-01', '2022-12-01', '2022-12-12', '2022-12-13'))).toEqual([]);
	});

	it('accepts a 公示 that starts on the day of the recommendation', () => {
		// With the replies in reviews.csv this cannot pass (they come on or after the recommendation and before the
		// notice); without that file (its own error), the two dates alone are compared.
		const noticedOn = (start: string) =>
			report({
				...candidates(candidate({ 推荐日期: '2022-12-10' })),
				'exemplars/reviews.csv': null,
				'exemplars/notices.csv': onlyRows(
					'exemplars/notices.csv',
					`GS-1,2022,2022年度拟认定人选公示,${start},`,
				),
			}).filter((m) => m.includes('candidates.csv'));
		expect(noticedOn('2022-12-10')).toEqual([]);
		expect(noticedOn('2022-12-09')).toEqual([
			'data/exemplars/candidates.csv:2:22: 第 2 行第 22 列（公示编号）：公示开始 2022-12-09 早于推荐日期 2022-12-10 (date-order)',
		]);
	});

	it('rejects a 公示 that starts before the credit review is done, naming each late reply, and accepts one the day after', () => {
		// The fixture's replies: 纪检 and 公安 on 2022-12-12, 检察院 and 信访 on 2022-12-13 (reviews.csv lines 2–5).
		const startingOn = (start: string) =>
			report({
				'exemplars/notices.csv': onlyRows(
					'exemplars/notices.csv',
					`GS-1,2022,2022年度拟认定人选公示,${start},`,
				),
			});
		expect(startingOn('2022-12-13')).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:22: 第 2 行第 22 列（公示编号）：公示 GS-1 从 2022-12-13 开始，但那时信用审查还没有完成：data/exemplars/reviews.csv 第 4 行的回复日期是 2022-12-13；data/exemplars/reviews.csv 第 5 行的回复日期是 2022-12-13。信用审查通过后才能评审和公示（seed 000 第七条、第八条），请核对回复日期或公示日期 (lifecycle-order)",
			]
		`);
		expect(startingOn('2022-12-14')).toEqual([]);
	});

	it('calls no 公示 empty when candidates.csv is missing or its header is wrong (its own error says so)', () => {
		for (const file of [null, '编号,年份\nc1,2022\n']) {
			const lines = report({ [FILE]: file });
			expect(
				lines.some((l) => l.startsWith('data/exemplars/candidates.csv:1:1:') && !l.includes('警告')),
			).toBe(true);
			expect(lines.filter((l) => l.endsWith('(notice-empty)'))).toEqual([]);
		}
	});

	it('warns for a 公示 no candidate names, which the site leaves out', () => {
		const notices = `${fixtureText('exemplars/notices.csv')}GS-2,2022,第二批公示,2023-01-10,\n`;
		expect(report({ 'exemplars/notices.csv': notices })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/notices.csv:3:1: 警告：第 3 行第 1 列（公示编号）：公示 "GS-2" 没有候选人：candidates.csv 中没有哪一行的“公示编号”是 GS-2。没有候选人的公示不在网站上发布；请在候选人的“公示编号”列填上它，或删去这一行 (notice-empty)",
			]
		`);
		// A candidate naming it, even one refused for another error, is enough: that error is what to fix.
		expect(
			report({
				'exemplars/notices.csv': notices,
				...candidates(candidate({ 公示编号: 'GS-2', 评审结果: '未通过' })),
			}).filter((l) => l.endsWith('(notice-empty)')),
		).toEqual([
			'data/exemplars/notices.csv:2:1: 警告：第 2 行第 1 列（公示编号）：公示 "GS-1" 没有候选人：candidates.csv 中没有哪一行的“公示编号”是 GS-1。没有候选人的公示不在网站上发布；请在候选人的“公示编号”列填上它，或删去这一行 (notice-empty)',
		]);
	});

	it('keeps out, without a second message, a candidate whose 公示 is invalid itself', () => {
		const notices = onlyRows('exemplars/notices.csv', 'GS-1,2022,公示,2030-12-27,');
		const d = validate({ 'exemplars/notices.csv': notices });
		expect(d.issues.map((i) => i.code)).toEqual(['calendar-unknown']);
		expect(d.candidates).toEqual([]);
		expect(accounting(d, FILE)).toEqual({ rowsIn: 1, rowsValid: 0 });
	});
});
