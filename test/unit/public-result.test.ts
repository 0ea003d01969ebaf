/**
 * A unit's quarter as the pages and the grades open data publish it (`publicResult`): a repaired record is named by
 * its public id (XF-…) in the unit's records and in its override, never by the office's own id, which the record
 * was published under before its repair (信用修复: its details no longer public). A build of the demo with the
 * records left unmapped put SX-2023-004 (shhz, repaired) into /data/grades/2023-Q4.json and 2024-Q1.json, and
 * nothing failed.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILE_QUARTERS, publicResult } from '../../src/page-data/quarters.ts';
import { publishRecords } from '../../src/lib/dishonesty/public.ts';
import type { UnitResult } from '../../src/lib/scoring/score.ts';
import type { DishonestyRow } from '../../src/schemas/dishonesty.ts';

const row = (over: Partial<DishonestyRow>): DishonestyRow =>
	({
		id: 'SX-2023-004',
		unitId: 'shhz',
		date: '2023-11-08',
		severity: 'minor',
		kind: 'breach',
		what: '拖欠村级道路工程款',
		source: '区法院',
		...over,
	}) as DishonestyRow;

describe('a unit’s published result', () => {
	it('names a repaired record by its public id in its records and its override, an unrepaired one by its own', () => {
		const pub = publishRecords(
			[
				row({ repairedOn: '2024-03-01', repairHow: '已履行' }),
				row({ id: 'SX-2024-001', date: '2024-01-10' }),
			],
			'2026-11-22',
			[],
		);
		const result = {
			id: 'shhz',
			name: '南闸街道',
			records: ['SX-2023-004', 'SX-2024-001'],
			overrides: [{ grade: 'yellow', reason: 'x', recordId: 'SX-2023-004', cause: 'breach' }],
		} as unknown as UnitResult;
		const published = publicResult(result, pub);
		expect(published.records).toEqual(['XF-shhz-2023-Q4-1', 'SX-2024-001']);
		expect(published.overrides.map((o) => o.recordId)).toEqual(['XF-shhz-2023-Q4-1']);
		expect(JSON.stringify(published)).not.toContain('SX-2023-004');
	});
});

describe('a unit’s profile page', () => {
	it('breaks down as many quarters as the longest validity of a point (至次年同月认定的前一季度止: 4)', () => {
		// A point carried over from an earlier quarter rests on that quarter's evidence, shown on the same page.
		const dir = join(import.meta.dirname, '..', '..', 'data', 'rubrics');
		const longest = Math.max(
			...readdirSync(dir).flatMap((f) =>
				[...readFileSync(join(dir, f), 'utf8').matchAll(/"validQuarters":\s*(\d+)/g)].map((m) =>
					Number(m[1]),
				),
			),
		);
		expect([longest, PROFILE_QUARTERS]).toEqual([4, 4]);
	});
});
