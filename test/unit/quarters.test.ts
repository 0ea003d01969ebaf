/** Quarter arithmetic (`src/lib/quarters.ts`): every date window of the site rests on these days, checked by hand. */
import { describe, expect, it } from 'vitest';
import {
	addQuarters,
	isQuarterId,
	quarterEnd,
	quarterIndex,
	quarterLabel,
	quarterOf,
	quarterStart,
} from '../../src/lib/quarters.ts';

describe('quarters', () => {
	it('start on the first day of January, April, July and October and end on the last day of March, June, September and December', () => {
		expect(
			(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'] as const).map((q) => [quarterStart(q), quarterEnd(q)]),
		).toEqual([
			['2024-01-01', '2024-03-31'],
			['2024-04-01', '2024-06-30'],
			['2024-07-01', '2024-09-30'],
			['2024-10-01', '2024-12-31'],
		]);
	});

	it('hold each day from their first to their last', () => {
		expect(
			[
				'2024-01-01',
				'2024-03-31',
				'2024-04-01',
				'2024-06-30',
				'2024-07-01',
				'2024-09-30',
				'2024-10-01',
				'2024-12-31',
			].map(quarterOf),
		).toEqual(['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q2', '2024-Q3', '2024-Q3', '2024-Q4', '2024-Q4']);
	});

	it('count across years, both ways', () => {
		expect(addQuarters('2024-Q4', 1)).toBe('2025-Q1');
		expect(addQuarters('2024-Q1', -1)).toBe('2023-Q4');
		expect(addQuarters('2024-Q2', 3)).toBe('2025-Q1');
		expect(addQuarters('2024-Q2', -6)).toBe('2022-Q4');
		expect(quarterIndex('2025-Q1') - quarterIndex('2024-Q4')).toBe(1);
	});

	it('are written 2024-Q1 … 2024-Q4 and read as 2024年第一季度', () => {
		expect(['2024-Q1', '2024-Q4', '2024-Q0', '2024-Q5', '2024Q1', ' 2024-Q1'].map(isQuarterId)).toEqual([
			true,
			true,
			false,
			false,
			false,
			false,
		]);
		expect(quarterLabel('2024-Q3')).toBe('2024年第三季度');
	});
});
