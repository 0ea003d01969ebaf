import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { validateDataset, type Dataset } from '../../src/lib/validate/dataset.ts';
import type { Located } from '../../src/lib/validate/read-table.ts';
import { diskFiles } from '../../src/loaders/data-dir.ts';
import { packDataset, unpackDataset } from '../../src/loaders/snapshot.ts';
import { INPUT_TABLES } from '../../src/lib/validate/tables.ts';
import { WorkCalendar } from '../../src/lib/calendar/workdays.ts';
import { fixture } from '../helpers/files.ts';

/** What the snapshot hands on, as the next stage (another process) reads it. */
const roundTrip = (d: Dataset) =>
	unpackDataset(deserialize(serialize(packDataset(d))) as Record<string, unknown>);

const COLUMN_KEYS = [...new Set(INPUT_TABLES.flatMap((t) => t.columns.map((c) => c.key))), 'quarter', 'end'];
/** A located record as plain data: its keys in their order, and its column of every key. */
const plain = (r: Located<object>) => ({
	keys: Object.keys(r.value),
	value: r.value,
	file: r.file,
	line: r.line,
	columns: COLUMN_KEYS.map((k) => r.col(k)),
});

function expectSame(d: Dataset) {
	const back = roundTrip(d);
	expect(Object.keys(back)).toEqual(Object.keys(d));
	for (const [k, v] of Object.entries(d)) {
		const w = (back as unknown as Record<string, unknown>)[k];
		if (Array.isArray(v) && typeof (v[0] as Located<object> | undefined)?.col === 'function')
			expect((w as Located<object>[]).map(plain), k).toEqual((v as Located<object>[]).map(plain));
		else expect(w, k).toEqual(v);
	}
	expect(back.calendar).toBeInstanceOf(WorkCalendar);
}

describe('the validated-dataset snapshot', () => {
	it('gives the later stages the fixture exactly as validated, keys in the same order', () => {
		const d = validateDataset(fixture(), 'data/');
		// The first evidence row has no 数量 and a later one has: the record keys still come back in column order.
		expect(Object.keys(d.evidence[0].value)).not.toContain('count');
		expect(Object.keys(d.evidence[1].value)).toEqual([
			'id',
			'unitId',
			'indicatorId',
			'kind',
			'date',
			'count',
			'what',
			'source',
			'quarter',
		]);
		expectSame(d);
	});
	it('gives the later stages the demo data exactly as validated', () => {
		expectSame(validateDataset(diskFiles(join(import.meta.dirname, '..', '..', 'data')), 'data/'));
	});
});
