import { describe, expect, it } from 'vitest';
import { report, validate, withRows } from '../../helpers/validate.ts';

const FILE = 'commitments/updates.csv';
const updates = (...rows: string[]) => ({ [FILE]: withRows(FILE, ...rows) });

describe('commitments/updates.csv', () => {
	it('rejects an update of a commitment that does not exist, and keeps it out', () => {
		const patches = updates('k9,2022-06-20,履行中,正在建设');
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/commitments/updates.csv:3:1: 第 3 行第 1 列（承诺编号）：承诺编号 "k9" 不在 commitments.csv 中 (foreign-key)",
			]
		`);
		expect(validate(patches).commitmentUpdates.map((u) => u.value.commitmentId)).toEqual(['k2']);
	});

	it('rejects an update dated before the commitment was made (k1: 2021-12-01)', () => {
		expect(report(updates('k1,2021-11-30,履行中,筹备'))).toMatchInlineSnapshot(`
			[
			  "data/commitments/updates.csv:3:2: 第 3 行第 2 列（日期）：进展日期 2021-11-30 早于承诺日期 2021-12-01 (date-order)",
			]
		`);
		expect(report(updates('k1,2021-12-01,履行中,筹备'))).toEqual([]);
	});

	it('requires the 说明 of every status but 履行中', () => {
		expect(report(updates('k1,2022-03-01,履行中,', 'k1,2022-06-01,已兑现,'))).toMatchInlineSnapshot(`
			[
			  "data/commitments/updates.csv:4:4: 第 4 行第 4 列（说明）：已兑现、依法变更、未兑现都要写明"说明"（兑现证明或变更的法律依据） (required)",
			]
		`);
	});

	it('warns, at the later row, of two statuses of one commitment on one day: their order decides what is published', () => {
		// k2 has 已兑现 on 2022-06-20 at line 2; a 履行中 of the same day below it is what the site takes (the later row),
		// and a sort by 日期 from newest to oldest would put it above, publishing 已兑现. A warning, kept: nothing dropped.
		const patches = updates('k2,2022-06-20,履行中,复查发现尚有收尾工作');
		expect(report(patches)).toEqual([
			'data/commitments/updates.csv:3:3: 警告：第 3 行第 3 列（状态）：承诺 "k2" 在 2022-06-20 有两条状态不同的进展（第 2 行“已兑现”、本行“履行中”）：同一天按表中靠后的一行计，网站公布为“履行中”。在表格中排序（如按日期从新到旧）会颠倒这两行、改变公布的状态：请确认“履行中”是这一天最后的状态，或把较早的一条改为它实际的日期 (same-day-status)',
		]);
		expect(validate(patches).commitmentUpdates.map((u) => u.value.status)).toEqual([
			'fulfilled',
			'in-progress',
		]);
		// Another day, or another commitment's same day, is no such pair.
		expect(report(updates('k2,2022-06-21,履行中,复查'))).toEqual([]);
	});

	// The status is named in Chinese, as typed (已兑现), not by its code (fulfilled).
	it('rejects the same commitment, day and status twice', () => {
		expect(report(updates('k2,2022-06-20,已兑现,再次登记'))).toMatchInlineSnapshot(`
			[
			  "data/commitments/updates.csv:3:1: 第 3 行第 1 列（承诺编号）：承诺进展 "k2 / 2022-06-20 / 已兑现" 重复，与 data/commitments/updates.csv 第 2 行相同；每个承诺进展只能出现一次 (unique-error)",
			]
		`);
	});
});
