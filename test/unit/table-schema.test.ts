/** The Frictionless field of a numeric column carries both its bounds, as the validator checks the source with them. */
import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../src/lib/opendata/table-schema.ts';
import { evidenceTable } from '../../src/schemas/evidence.ts';

describe('Table Schema fields', () => {
	it('publish a numeric column’s minimum and maximum', () => {
		const col = (key: string) => evidenceTable.columns.find((c) => c.key === key)!;
		expect(fieldOf(col('count'), 'json').constraints).toMatchObject({ minimum: 0, maximum: 10000 });
		expect(fieldOf(col('points'), 'csv').constraints).toMatchObject({ minimum: -1000, maximum: 1000 });
	});
});
