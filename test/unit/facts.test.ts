/**
 * What /data/ and the data package say of each open-data file (`src/lib/opendata/facts.ts`): its size, SHA-256, rows
 * and, per text field, the greatest value (the latest date for a date field: the page's 最新记录).
 */
import { describe, expect, it } from 'vitest';
import { fileFacts } from '../../src/lib/opendata/facts.ts';

describe('file facts', () => {
	it('give the size, the SHA-256 (FIPS 180-2 "abc"), the rows and the greatest text value of each field', () => {
		const body = new TextEncoder().encode('abc');
		const rows = [
			{ date: '2024-05-01', name: '乙', score: 9 },
			{ date: '2025-01-02', name: '甲' },
			{ date: '2024-12-31', score: 99 },
		];
		expect(fileFacts(body, rows)).toEqual({
			bytes: 3,
			hash: 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
			rows: 3,
			// Numbers are not dates: only text values count.
			greatest: { date: '2025-01-02', name: '甲' },
		});
		expect(fileFacts(body)).toEqual({
			bytes: 3,
			hash: 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
		});
	});
});
