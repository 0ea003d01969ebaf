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

	// The status is named in Chinese, as typed (已兑现), not by its code (fulfilled).
	it('rejects the same commitment, day and status twice', () => {
		expect(report(updates('k2,2022-06-20,已兑现,再次登记'))).toMatchInlineSnapshot(`
			[
			  "data/commitments/updates.csv:3:1: 第 3 行第 1 列（承诺编号）：承诺进展 "k2 / 2022-06-20 / 已兑现" 重复，与 data/commitments/updates.csv 第 2 行相同；每个承诺进展只能出现一次 (unique-error)",
			]
		`);
	});
});
