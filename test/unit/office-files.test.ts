/**
 * The office page's files, where the earlier tests left a rule unpinned: the quarter prefilled when no quarter has
 * evidence yet, a template's notes on optional columns and the indicator list of the newest rubric, a workbook in
 * the 1904 date system (Excel for Mac), a 15-digit number, a cell's row where a line break moved its line, and
 * hidden files inside a sub-folder.
 */
import { describe, expect, it } from 'vitest';
import { read, utils, write } from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { nextQuarter, officeTemplates, templateXlsx } from '../../src/lib/office/templates.ts';
import { readWorkbook, workbookSheets } from '../../src/lib/office/xlsx.ts';
import { issuePlace } from '../../src/lib/office/paths.ts';
import { memoryFiles } from '../../src/lib/office/workspace.ts';
import { unitTable } from '../../src/schemas/unit.ts';
import type { Rubric } from '../../src/schemas/rubric.ts';
import type { QuarterId } from '../../src/lib/quarters.ts';

const rubric = (year: number, id: string) =>
	({ year, indicators: [{ id, appliesTo: ['town'], rule: { kind: 'done' } }] }) as unknown as Rubric;
const data = {
	units: [{ id: 't1', category: 'town' as const }],
	rubrics: new Map([
		[2026, rubric(2026, '1.1')],
		[2025, rubric(2025, '9.9')],
	]),
	takenIds: [] as string[],
	quarters: [] as QuarterId[],
};

describe('templates', () => {
	it('prefills the quarter of the as-of date when no quarter has evidence: March is Q1, December Q4', () => {
		expect(nextQuarter({ ...data, asOf: '2026-03-31' }).quarter).toBe('2026-Q1');
		expect(nextQuarter({ ...data, asOf: '2026-04-01' }).quarter).toBe('2026-Q2');
		expect(nextQuarter({ ...data, asOf: '2026-12-01' }).quarter).toBe('2026-Q4');
	});

	it('says on an optional column’s header that it may be left empty', () => {
		const wb = read(templateXlsx(unitTable, [], { units: [], indicators: [] }, '被评价单位'), {
			type: 'array',
		});
		const i = unitTable.columns.findIndex((c) => c.key === 'to');
		const note = wb.Sheets['被评价单位'][`${utils.encode_col(i)}1`].c?.[0].t;
		expect(note).toContain('；可以留空');
		expect(note).not.toContain('必填');
	});

	it('offers the newest rubric’s indicator ids in the blank evidence template', () => {
		const evidence = officeTemplates({ ...data, asOf: '2027-05-01' }).find(
			(t) => t.file === 'evidence.xlsx',
		)!;
		const xml = strFromU8(unzipSync(evidence.bytes)['xl/worksheets/sheet1.xml']);
		expect(xml).toContain('<formula1>&quot;1.1&quot;</formula1>');
		expect(xml).not.toContain('9.9');
	});
});

describe('reading a workbook', () => {
	const workbook = (date1904: boolean) => {
		const ws = utils.aoa_to_sheet([
			['日期', '数量'],
			[45000, 123456789012345],
		]);
		ws.A2.z = 'yyyy-mm-dd';
		ws.B2.z = 'General';
		const wb = utils.book_new();
		utils.book_append_sheet(wb, ws, '2023-Q1');
		wb.Workbook = { WBProps: { date1904 } };
		return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
	};

	it('reads a date of a workbook in the 1904 date system (Excel for Mac) as that day, 4 years and a day later', () => {
		expect(workbookSheets(readWorkbook(workbook(false)))[0].rows[1]).toEqual([
			'2023-03-15',
			'123456789012345',
		]);
		expect(workbookSheets(readWorkbook(workbook(true)))[0].rows[1]).toEqual([
			'2027-03-16',
			'123456789012345',
		]);
	});
});

describe('the office page’s folder', () => {
	it('names a cell by the row the spreadsheet shows, not the file line a line break moved', () => {
		const issue = {
			file: 'data/units.csv',
			line: 16,
			row: 14,
			column: 2,
			header: '类别',
			code: 'x',
			message: 'm',
		};
		expect(issuePlace({ ...issue, severity: 'error' })).toEqual({ cell: 'B14', words: '第 14 行 “类别” 列' });
	});

	it('leaves out hidden files inside a sub-folder too (macOS’s .DS_Store, a lock file)', () => {
		const files = memoryFiles(
			new Map([
				['evidence/2024-Q1.csv', new Uint8Array([0x61])],
				['evidence/.DS_Store', new Uint8Array([0])],
				['evidence/.~lock.2024-Q1.csv#', new Uint8Array([0])],
			]),
		);
		expect(files.list('evidence')).toEqual(['2024-Q1.csv']);
		expect(files.read('evidence/.DS_Store')).toBeUndefined();
	});
});
