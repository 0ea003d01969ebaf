import { describe, expect, it } from 'vitest';
import { accounting, DRAFT_Q1, onlyRows, report, validate, withRows } from '../../helpers/validate.ts';
import iconv from 'iconv-lite';
import { fixtureText } from '../../helpers/files.ts';

const RELEASES = 'releases/releases.csv';
const releases = (...rows: string[]) => ({ [RELEASES]: onlyRows(RELEASES, ...rows) });
/** The fixture's release of 2022-Q1 is sealed: its snapshot releases/2022-Q1.json has this SHA-256. */
const FP = fixtureText(RELEASES).match(/sha256:[0-9a-f]{64}/)![0];
const Q1 = 'evidence/2022-Q1.csv';

describe('releases/releases.csv', () => {
	it('reads the fixture’s release of 2022-Q1', () => {
		expect(validate().releases.map((r) => r.value)).toEqual([
			{ quarter: '2022-Q1', releasedOn: '2022-04-20', docNumber: '淮信用办〔2022〕2号', fingerprint: FP },
		]);
	});

	it('is required: without it nothing would ever be public, and the office would not know why', () => {
		expect(report({ [RELEASES]: null })).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:1:1: 缺少文件 data/releases/releases.csv（评价结果发布记录：每行是一个季度评价结果的发布：季度、发布日期、文号。没有发布记录的季度是草稿，不会出现在网站上）；模板见 data/templates/ (missing-file)",
			]
		`);
	});

	it('takes a header-only file: every quarter is a draft', () => {
		expect(report(DRAFT_Q1)).toEqual([]);
		expect(validate(DRAFT_Q1).releases).toEqual([]);
	});

	it('spells a quarter 2024-Q1, and says how when it is typed another way', () => {
		expect(
			report({
				...releases(
					'2022Q1,2022-04-20,淮信用办〔2022〕2号,,',
					'2022年第一季度,2022-04-20,淮信用办〔2022〕2号,,',
				),
				'releases/2022-Q1.json': null,
			}),
		).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：季度 "2022Q1" 应写作 2022-Q1 (quarter-format)",
			  "data/releases/releases.csv:3:1: 第 3 行第 1 列（季度）：季度 "2022年第一季度" 应写作 2022-Q1 (quarter-format)",
			]
		`);
	});

	it('releases a quarter once', () => {
		const twice = releases(
			`2022-Q1,2022-04-20,淮信用办〔2022〕2号,${FP},`,
			`2022-Q1,2022-05-20,淮信用办〔2022〕3号,${FP},`,
		);
		expect(report(twice)).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:3:1: 第 3 行第 1 列（季度）：发布的季度 "2022-Q1" 重复，与 data/releases/releases.csv 第 2 行相同；每个发布的季度只能出现一次 (unique-error)",
			]
		`);
		expect(accounting(validate(twice), RELEASES)).toEqual({ rowsIn: 2, rowsValid: 1 });
	});

	it('releases only a quarter that has an evidence file', () => {
		const patches = releases(
			`2022-Q1,2022-04-20,淮信用办〔2022〕2号,${FP},`,
			'2022-Q2,2022-07-20,淮信用办〔2022〕4号,,',
		);
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:3:1: 第 3 行第 1 列（季度）：发布的季度 2022-Q2 没有评价记录文件 data/evidence/2022-Q2.csv (foreign-key)",
			]
		`);
		expect(validate(patches).releases.map((r) => r.value.quarter)).toEqual(['2022-Q1']);
	});

	it('releases a quarter only after its last day', () => {
		expect(report(releases(`2022-Q1,2022-03-31,淮信用办〔2022〕2号,${FP},`))).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:2: 第 2 行第 2 列（发布日期）：发布日期 2022-03-31 不晚于 2022-Q1 的最后一天 2022-03-31：季度结束后才能发布评价结果 (date-order)",
			]
		`);
		expect(report(releases(`2022-Q1,2022-04-01,淮信用办〔2022〕2号,${FP},`))).toEqual([]);
	});

	it('refuses to release a quarter that lacks a row for a unit × indicator, listing the cells of each unit', () => {
		// 2022-Q1 with its five facts only: every other applicable cell of each unit is missing (5.2 and 5.3 are
		// computed from the pledges and commitments, never listed).
		const patches = {
			[Q1]: onlyRows(
				Q1,
				'e1,t1,1.1,完成,2022-01-15,,,双公示按时全量报送,信用办,',
				'e2,t1,3.6,事项,2022-02-10,3,,诚信进校园宣传活动,信用办,',
				'e3,t1,2.1,评分,2022-03-20,,8,信用审查制度,信用办,制度健全并已执行',
				'e4,a1,3.1,事项,2022-03-01,2,,信易批办理,信用办,',
				'e5,b1,1.3,完成,2022-03-31,,,信用承诺信息按月归集,信用办,',
			),
		};
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：2022-Q1 已登记发布，但"甲镇"（t1）缺少指标 1.3、3.2、3.3、3.4、3.5、5.1、5.4 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录 (release-incomplete)",
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：2022-Q1 已登记发布，但"乙镇"（t2）缺少指标 1.1、1.3、2.1、3.2、3.3、3.4、3.5、3.6、5.1、5.4 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录 (release-incomplete)",
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：2022-Q1 已登记发布，但"区甲局"（a1）缺少指标 1.1、1.2、1.3、2.1、3.2、3.3、3.4、3.5、3.6、5.4 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录 (release-incomplete)",
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：2022-Q1 已登记发布，但"区乙办"（b1）缺少指标 1.1、2.1、3.2、3.3、3.4、3.5、3.6、5.4 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录 (release-incomplete)",
			]
		`);
		expect(validate(patches).releases).toEqual([]);
	});

	it('does not count a blank pre-filled row as a cell’s row', () => {
		// The fixture's 无 row for 乙镇 1.1 (line 14) replaced by a blank placeholder for the same cell.
		const text = withRows(Q1).replace(
			'n221-0008,t2,1.1,无,,,,本季度未完成,信用办,',
			'n221-0008,t2,1.1,,,,,,,',
		);
		expect(report({ [Q1]: text })).toMatchInlineSnapshot(`
			[
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：2022-Q1 已登记发布，但"乙镇"（t2）缺少指标 1.1 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录 (release-incomplete)",
			]
		`);
	});

	it('does not list missing cells of a quarter whose file has errors of its own (they come first)', () => {
		// A missing column leaves every row unchecked: one error, not one per unit × indicator on top.
		const text = withRows(Q1).replace('记录编号,单位编号,指标编号,', '记录编号,指标编号,');
		expect(report({ [Q1]: text })).toMatchInlineSnapshot(`
			[
			  "data/evidence/2022-Q1.csv:1:1: 第 1 行：缺少必填列 "单位编号"（被评价单位，对应 units.csv）。本文件的表头应为：记录编号,单位编号,指标编号,类型,日期,数量,得分,事项,来源,理由,失信记录编号 (missing-column)",
			  "data/evidence/2022-Q1.csv:1:1: 表头有误，本文件的 40 行数据均未读取；改正表头后再运行检查 (rows-unchecked)",
			]
		`);
	});

	it('judges completeness of a quarter whose file has only warnings, and refuses the release of one with errors', () => {
		// The fixture's quarter saved as GBK (a warning) without t2's row of 1.1: the missing cell is still found.
		const gbk = iconv.encode(withRows(Q1).replace(/^.*,t2,1\.1,.*\n/m, ''), 'gbk');
		const lines = report({ [Q1]: new Uint8Array(gbk) });
		expect(lines.some((l) => l.startsWith(`data/${Q1}:1:1: 警告：`))).toBe(true);
		expect(lines.filter((l) => l.endsWith('(release-incomplete)'))).toHaveLength(1);
		// a file with errors: the release row is not valid until they are fixed
		const text = withRows(Q1).replace('记录编号,单位编号,指标编号,', '记录编号,指标编号,');
		expect(validate({ [Q1]: text }).releases).toEqual([]);
	});

	it('asks nothing of a unit that did not exist during the quarter', () => {
		const units = onlyRows(
			'units.csv',
			't1,镇街,,,,',
			't2,镇街,,,,',
			'a1,A类,,,,',
			'b1,B类,,,,',
			'n1,A类,2022-04-01,,,',
		);
		const names = withRows('unit-names.csv', 'n1,新设局,2022-04-01,');
		expect(report({ 'units.csv': units, 'unit-names.csv': names })).toEqual([]);
	});
});
