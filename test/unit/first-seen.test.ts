import { describe, expect, it } from 'vitest';
import { firstOfEachKey, FirstSeen } from '../../src/lib/validate/first-seen.ts';

describe('FirstSeen', () => {
	it('names the first earlier record of every repeated key, over enough keys to grow many times', () => {
		// Ids like the evidence files', with every 7th repeating one from far earlier.
		const keys = Array.from({ length: 50_000 }, (_, i) =>
			i % 7 === 6 ? `2023Q1-${String(i >> 1).padStart(6, '0')}` : `2023Q1-${String(i).padStart(6, '0')}`,
		);
		const firsts: number[] = [];
		const seen = new FirstSeen((n) => keys[firsts[n]]);
		const expected = new Map<string, number>();
		keys.forEach((key, i) => {
			const earlier = seen.add(key, firsts.length);
			const want = expected.get(key);
			expect(earlier === -1 ? undefined : firsts[earlier]).toBe(want);
			if (want === undefined) {
				expected.set(key, i);
				firsts.push(i);
			}
		});
		expect(firsts.length).toBe(expected.size);
	});
	it('tells apart keys that differ only in case, width or a combining mark', () => {
		const keys = ['a1', 'A1', 'ａ1', 'é', 'e\u0301', '', ' '];
		const seen = new FirstSeen((n) => keys[n]);
		keys.forEach((key, i) => expect(seen.add(key, i)).toBe(-1));
		expect(seen.add('A1', 99)).toBe(1);
		expect(seen.add('', 99)).toBe(5);
	});
	it('tells apart two different keys with the same hash: only the same key is a repeat', () => {
		// 2023Q1-462789 and 2023Q1-679192 have the same 32-bit hash (found by search): two rows, not a repeat.
		const keys = ['2023Q1-462789', '2023Q1-679192'];
		const seen = new FirstSeen((n) => keys[n]);
		expect(seen.add(keys[0], 0)).toBe(-1);
		expect(seen.add(keys[1], 1)).toBe(-1);
		expect(seen.add('2023Q1-679192', 2)).toBe(1);
	});
	it('keeps the first item of each key compared folded, whichever spelling came first', () => {
		const repeats: string[] = [];
		const firsts = firstOfEachKey(
			['T1', 't1', 'ｔ１', 't2', 'Ｔ2'],
			(k) => k,
			(k, first) => repeats.push(`${k}=${first}`),
		);
		expect(firsts).toEqual(['T1', 't2']);
		expect(repeats).toEqual(['t1=T1', 'ｔ１=T1', 'Ｔ2=t2']);
	});
});
