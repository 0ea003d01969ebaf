/**
 * The 数据下载 page's list (`catalogue.ts`): a quarter's files grouped under one heading, each with its row count and
 * the latest date among its date fields only (not the greatest of any text, nor a deadline after the as-of date), and
 * file sizes in B, KB and MB.
 */
import { describe, expect, it } from 'vitest';
import { catalogue, formatBytes } from '../../src/lib/opendata/catalogue.ts';
import type { DataPackage, Resource } from '../../src/lib/opendata/datapackage.ts';
import type { FileFacts } from '../../src/lib/opendata/facts.ts';

const resource = (name: string, path: string, format: 'json' | 'csv', title: string): Resource =>
	({
		name,
		path,
		format,
		title,
		description: `${title}说明`,
		bytes: 2048,
		schema: {
			fields: [
				{ name: 'quarter', type: 'string' },
				{ name: 'from', type: 'date' },
				{ name: 'to', type: 'date' },
			],
		},
	}) as unknown as Resource;

describe('the 数据下载 list', () => {
	it('groups a family of files, counts rows and takes the latest date of the date fields only', () => {
		const pkg = {
			resources: [
				resource('units', 'units.json', 'json', '被评价单位'),
				resource('units-csv', 'units.csv', 'csv', '被评价单位'),
				resource('grades-2024-q1', 'grades/2024-Q1.json', 'json', '评价结果（2024-Q1）'),
				resource('grades-2024-q2', 'grades/2024-Q2.json', 'json', '评价结果（2024-Q2）'),
			],
		} as unknown as DataPackage;
		const facts = (rows: number, greatest: Record<string, string>): FileFacts => ({
			bytes: 1,
			hash: 'sha256:x',
			rows,
			greatest,
		});
		const files = new Map([
			// A text field's greatest value (2025-Q4) is no date, though it sorts after the dates and before the as-of date.
			['units.json', facts(3, { quarter: '2025-Q4', from: '2024-01-05', to: '2024-03-01' })],
			['grades/2024-Q1.json', facts(48, { from: '2024-04-20' })],
			['grades/2024-Q2.json', facts(0, {})],
		]);
		const groups = catalogue(pkg, files, '2026-11-22');
		expect(groups.map((g) => [g.title, g.items.map((i) => [i.label, i.rows, i.latest])])).toEqual([
			['被评价单位', [['被评价单位', 3, '2024-03-01']]],
			[
				'评价结果',
				[
					['2024-Q1', 48, '2024-04-20'],
					['2024-Q2', 0, undefined],
				],
			],
		]);
		expect(groups[0].items[0].files.map((f) => [f.format, f.path])).toEqual([
			['JSON', 'units.json'],
			['CSV', 'units.csv'],
			['中文 CSV', 'units-中文.csv'],
		]);
	});

	it('does not give a deadline after the as-of date as the latest record date', () => {
		// The demo's commitments said 最近记录日期 2029-12-31 (a 完成时限), its exemplars 2026-11-26 (the last day of a
		// 公示 still running) and its objections 2026-12-04 (a 核查期限), on a site whose data ran to 2026-11-22.
		const pkg = {
			resources: [resource('commitments', 'commitments.json', 'json', '公开承诺')],
		} as unknown as DataPackage;
		const files = new Map([
			[
				'commitments.json',
				{ bytes: 1, hash: 'sha256:x', rows: 2, greatest: { from: '2026-11-20', to: '2029-12-31' } },
			],
		]);
		expect(catalogue(pkg, files, '2026-11-22')[0].items[0].latest).toBe('2026-11-20');
		expect(catalogue(pkg, files, '2029-12-31')[0].items[0].latest).toBe('2029-12-31');
	});

	it('gives sizes in B below 1 KB, KB below 1 MB, then MB', () => {
		expect([1023, 1024, 1000 * 1024, 1024 * 1024, 1536 * 1024].map(formatBytes)).toEqual([
			'1023 B',
			'1.0 KB',
			'1000.0 KB',
			'1.0 MB',
			'1.5 MB',
		]);
	});
});
