/**
 * The context the checks share (src/lib/validate/context.ts), through its own API: the error count a check compares
 * before and after a row, the positions of a record's cell, the accounting of rows, and a missing optional table.
 */
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../../../src/lib/validate/context.ts';
import { objectionTable } from '../../../src/schemas/objection.ts';
import type { Located } from '../../../src/lib/validate/read-table.ts';
import { fixture } from '../../helpers/files.ts';

const context = () => new CheckContext(fixture(), 'data/');
const record = (file: string, col = 2): Located<{ id: string }> => ({
	value: { id: 'x' },
	file,
	line: 3,
	row: 3,
	col: () => col,
});

describe('the error count', () => {
	it('counts each error reported, however it is reported, and no warning', () => {
		const ctx = context();
		expect(ctx.errorCount).toBe(0);
		ctx.error('data/a.csv', 1, 1, 'x', '错误');
		expect(ctx.errorCount).toBe(1);
		ctx.at(record('data/a.csv'), 'id', 'x', '错误');
		expect(ctx.errorCount).toBe(2);
		ctx.warn('data/a.csv', 1, 1, 'x', '警告');
		ctx.report([
			{ file: 'data/a.csv', line: 1, column: 1, code: 'x', message: '错误', severity: 'error' },
			{ file: 'data/a.csv', line: 2, column: 1, code: 'x', message: '错误', severity: 'error' },
			{ file: 'data/a.csv', line: 3, column: 1, code: 'x', message: '警告', severity: 'warning' },
		]);
		expect(ctx.errorCount).toBe(4);
		expect(ctx.issues.map((i) => i.severity)).toEqual([
			'error',
			'error',
			'warning',
			'error',
			'error',
			'warning',
		]);
	});
});

describe('a record’s cell', () => {
	it('is placed at its row and column, with no header when its file was not read as a table', () => {
		const ctx = context();
		ctx.at(record('data/elsewhere.csv'), 'id', 'x', '错误');
		expect(ctx.issues[0]).toMatchObject({
			file: 'data/elsewhere.csv',
			line: 3,
			column: 2,
			row: 3,
			field: 'id',
		});
		expect(ctx.issues[0].header).toBeUndefined();
	});

	it('is at column 1 when the file has no such column', () => {
		const ctx = context();
		ctx.at(record('data/elsewhere.csv', 0), 'id', 'x', '错误');
		expect(ctx.issues[0]).toMatchObject({ column: 1 });
		expect(ctx.issues[0]).not.toHaveProperty('header');
	});

	it('takes a row off no count when its file was not read as a table', () => {
		const ctx = context();
		expect(() => ctx.markInvalid(record('data/elsewhere.csv'))).not.toThrow();
		expect(ctx.counts).toEqual([]);
	});
});

describe('a table the data folder does not have', () => {
	it('has no records; missing and optional, it declares no ids and is no error', () => {
		const ctx = new CheckContext(fixture({ 'objections.csv': null }), 'data/');
		const optional = ctx.table(objectionTable, 'objections.csv', false);
		expect(optional.records).toEqual([]);
		expect([...optional.declared('id')]).toEqual([]);
		expect(optional.declared('id').has('YY-1')).toBe(false);
		expect(ctx.issues).toEqual([]);
	});

	it('missing and required, it is one error, and it counts every id as declared (its error covers them)', () => {
		const ctx = new CheckContext(fixture({ 'objections.csv': null }), 'data/');
		const required = ctx.table(objectionTable, 'objections.csv', true);
		expect(required.records).toEqual([]);
		expect(required.declared('id').has('YY-1')).toBe(true);
		expect(ctx.issues.map((i) => i.code)).toEqual(['missing-file']);
	});

	it('exempts no contact from the personal-number checks until site.json names the office’s own', () => {
		expect(context().publicContacts).toEqual([]);
	});
});
