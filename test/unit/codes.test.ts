import { describe, expect, it } from 'vitest';
import {
	CHECK_CODES,
	ISSUE_CODES,
	READ_CODES,
	cellCodes,
	columnCodes,
	tableCodes,
} from '../../src/lib/validate/codes.ts';
import { INPUT_TABLES, tableForPath } from '../../src/lib/validate/tables.ts';
import { pledgeTable } from '../../src/schemas/pledge.ts';
import { evidenceTable } from '../../src/schemas/evidence.ts';
import { scanIssueCodes, validatorSources } from '../helpers/issue-codes.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

const columnKeys = new Set(INPUT_TABLES.flatMap((t) => t.columns.map((c) => c.key)));
const emitted = scanIssueCodes(columnKeys);

describe('the issue codes of the data dictionary', () => {
	it('reads the validator from dataset.ts and everything it imports', () => {
		expect(validatorSources()).toEqual(
			expect.arrayContaining([
				'src/lib/csv.ts',
				'src/lib/validate/dataset.ts',
				'src/lib/validate/read-table.ts',
				'src/lib/validate/json.ts',
				'src/lib/validate/story.ts',
				'src/schemas/table.ts',
				'src/schemas/pledge.ts',
				'src/lib/validate/context.ts',
			]),
		);
		// Every check is reached, so a code a new check emits is found too.
		const checks = readdirSync(join(ROOT, 'src/lib/validate/checks')).map(
			(f) => `src/lib/validate/checks/${f}`,
		);
		expect(checks).toContain('src/lib/validate/checks/evidence.ts');
		expect(validatorSources()).toEqual(expect.arrayContaining(checks));
		// The scan finds codes in every way the validator writes them.
		expect(emitted.get('csv-quote')).toEqual(['src/lib/csv.ts']); // `code: 'csv-quote'`
		expect(emitted.get('missing-cell')).toEqual(['src/lib/validate/read-table.ts']); // err(line, col, 'missing-cell', `…`)
		expect(emitted.get('uscc-invalid')).toEqual(['src/schemas/pledge.ts']); // params: { code: 'uscc-invalid' }
		expect(emitted.get('unknown-field')).toEqual(['src/lib/validate/json.ts']); // code: x ? 'enum-error' : …
		expect(emitted.get('over-quota')).toEqual(['src/lib/validate/checks/candidates.ts']); // ctx.at(r, key, 'over-quota', `…`)
		expect(emitted.has('custom')).toBe(false); // zod's own addIssue code
		expect(emitted.has('recommender')).toBe(false); // a column key, not a code
	});

	it('describes every code the validator can emit, and no code it cannot', () => {
		const documented = Object.keys(ISSUE_CODES).sort();
		const missing = [...emitted.keys()].filter((c) => !(c in ISSUE_CODES));
		expect(missing, '请在 src/lib/validate/codes.ts 的 ISSUE_CODES 中说明这些代码').toEqual([]);
		expect(documented.filter((c) => !emitted.has(c))).toEqual([]);
	});

	it('attributes every code to at least one input file', () => {
		const attributed = new Set([
			...READ_CODES,
			...Object.values(CHECK_CODES).flat(),
			...INPUT_TABLES.flatMap((t) => t.columns.flatMap(columnCodes)),
		]);
		expect(Object.keys(ISSUE_CODES).filter((c) => !attributed.has(c as keyof typeof ISSUE_CODES))).toEqual(
			[],
		);
	});

	it("finds a cell's codes by asking its schema", () => {
		const col = (key: string) =>
			[...pledgeTable.columns, ...evidenceTable.columns].find((c) => c.key === key)!;
		expect(cellCodes(col('kinds').cell)).toEqual(['duplicate-value', 'enum-error', 'required']);
		expect(cellCodes(col('uscc').cell)).toEqual(['full-width', 'uscc-invalid']);
		expect(cellCodes(col('count').cell)).toEqual(['full-width', 'out-of-range', 'type-error']);
		expect(cellCodes(col('signedOn').cell)).toEqual(['date-format', 'date-invalid', 'full-width']);
		// Both are published free text: checked for personal numbers too.
		expect(columnCodes(col('what'))).toEqual([
			'control-char',
			'invisible-char',
			'personal-contact',
			'personal-id',
			'too-long',
		]);
		expect(columnCodes(col('enterprise'))).toEqual([
			'control-char',
			'invisible-char',
			'personal-contact',
			'personal-id',
			'required',
			'too-long',
		]);
		// A number that is not text is never scanned.
		expect(columnCodes(col('count'))).not.toContain('personal-id');
	});

	it("lists a table's codes: reading, its cells, its cross-file checks", () => {
		const codes = tableCodes(pledgeTable);
		expect(codes).toEqual(
			expect.arrayContaining([...READ_CODES, 'uscc-invalid', 'foreign-key', 'not-applicable']),
		);
		expect(codes).not.toContain('story-too-short');
	});
});

describe('the input tables', () => {
	it('finds the table of a file under the data folder', () => {
		expect(tableForPath('units.csv')?.name).toBe('units');
		expect(tableForPath('evidence/2024-Q1.csv')?.name).toBe('evidence');
		expect(tableForPath('calendar/2027.csv')?.name).toBe('calendar');
		expect(tableForPath('exemplars/candidates.csv')?.name).toBe('candidates');
		expect(tableForPath('templates/units.csv')).toBeUndefined();
		expect(tableForPath('evidence/notes.txt')).toBeUndefined();
	});
});
