/**
 * The recomputation's reading of the open data (`src/lib/recompute/open-data.ts`): a repaired 失信 record, whose
 * details are no longer published, goes to scoring as the least severe record with its cap, active over exactly the
 * quarters it weighed on; an evidence row's numbers are read as numbers, and a tampered one is named.
 */
import { describe, expect, it } from 'vitest';
import { dishonestyRow, evidenceFact } from '../../src/lib/recompute/open-data.ts';
import type { PublicRecord } from '../../src/lib/dishonesty/public.ts';

const repaired = (cap: PublicRecord['cap']): PublicRecord => ({
	id: 'XF-t1-2023-Q1-1',
	unitId: 't1',
	unitName: '甲镇',
	activeFrom: '2023-Q1',
	activeTo: '2024-Q2',
	cap,
	repaired: true,
	date: null,
	severity: null,
	kind: null,
	what: null,
	source: null,
	repairedOn: null,
	repairHow: null,
});

describe('a repaired 失信 record read back from the open data', () => {
	it('is dated on the first day of its first quarter and repaired in its last, of the least severity with its cap', () => {
		expect(dishonestyRow(repaired('blue'))).toEqual({
			id: 'XF-t1-2023-Q1-1',
			unitId: 't1',
			date: '2023-01-01',
			severity: 'minor',
			kind: 'dishonesty',
			what: '',
			source: '',
			repairedOn: '2024-04-01',
		});
		expect(dishonestyRow(repaired('yellow'))).toMatchObject({ severity: 'major' });
	});

	it('is refused without a cap below red or a last quarter', () => {
		expect(() => dishonestyRow(repaired('red'))).toThrow('已修复，但没有等次上限或止计季度');
		expect(() => dishonestyRow({ ...repaired('blue'), activeTo: null })).toThrow('已修复');
	});
});

describe('an evidence row read back from the open data', () => {
	it('keeps its kind, date, count and points, leaves out empty cells, and names a cell that is no number', () => {
		const row = {
			id: 'e1',
			quarter: '2022-Q1',
			unitId: 't1',
			indicatorId: '3.6',
			kind: 'item',
			date: '2022-02-10',
		};
		expect(evidenceFact({ ...row, count: ' 3 ', points: '' })).toEqual({ ...row, count: 3 });
		expect(evidenceFact({ ...row, kind: 'judged', points: '-2.5' })).toMatchObject({ points: -2.5 });
		expect(() => evidenceFact({ ...row, count: '3次' })).toThrow('评价记录 e1 的 count “3次” 不是数字');
		expect(() => evidenceFact({ ...row, kind: 'bonus' })).toThrow('类型 “bonus”');
	});
});
