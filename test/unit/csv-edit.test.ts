/**
 * The office tools' writes to a CSV file (`npm run release`, `--seal`, `--correct`): a row appended on a line of its
 * own, a cell set in its own column, every other byte kept, a new file with the BOM Excel and WPS need.
 */
import { describe, expect, it } from 'vitest';
import { appendRows, newTableText, setCell } from '../../src/lib/office/csv-edit.ts';
import { releaseTable } from '../../src/schemas/release.ts';

const HEADER = '季度,发布日期,文号,结果指纹,备注';
const row = { quarter: '2024-Q2', releasedOn: '2024-07-20', docNumber: '淮信用办〔2024〕9号' };

describe('appending rows', () => {
	it('starts a new line when the file does not end with one, in the file’s own line ending', () => {
		expect(appendRows(releaseTable, `${HEADER}\n2024-Q1,2024-04-20,淮信用办〔2024〕1号,,`, [row])).toBe(
			`${HEADER}\n2024-Q1,2024-04-20,淮信用办〔2024〕1号,,\n2024-Q2,2024-07-20,淮信用办〔2024〕9号,,\n`,
		);
	});

	it('leaves a column of the clerk’s own empty, takes a header written as the column’s key, and refuses a file that is not CSV', () => {
		const text = `季度,说明,releasedOn,文号\r\n2024-Q1,自填,2024-04-20,a\r\n`;
		expect(appendRows(releaseTable, text, [row])).toBe(`${text}2024-Q2,,2024-07-20,淮信用办〔2024〕9号\r\n`);
		expect(() => appendRows(releaseTable, `${HEADER}\r\n2024-Q1,"没有闭合\r\n`, [row])).toThrow(
			'CSV 结构有问题',
		);
		expect(() => appendRows(releaseTable, '', [row])).toThrow('CSV 结构有问题');
	});

	it('writes a new file with the BOM, the header and CRLF line ends', () => {
		expect(newTableText(releaseTable, [row])).toBe(
			`\uFEFF${HEADER}\r\n2024-Q2,2024-07-20,淮信用办〔2024〕9号,,\r\n`,
		);
	});
});

describe('setting one cell', () => {
	it('pads a short row to the column, so the value lands under its header and not in the cell before', () => {
		const text = `\uFEFF${HEADER}\r\n2024-Q1,2024-04-20,淮信用办〔2024〕1号\r\n`;
		expect(setCell(releaseTable, text, 2, 'fingerprint', 'sha256:ab')).toBe(
			`\uFEFF${HEADER}\r\n2024-Q1,2024-04-20,淮信用办〔2024〕1号,sha256:ab\r\n`,
		);
	});

	it('keeps a quoted cell quoted, and every other byte as it was', () => {
		const text = `${HEADER}\r\n2024-Q1,2024-04-20,"淮信用办〔2024〕1号","",备注\r\n`;
		expect(setCell(releaseTable, text, 2, 'fingerprint', 'sha256:ab')).toBe(
			`${HEADER}\r\n2024-Q1,2024-04-20,"淮信用办〔2024〕1号","sha256:ab",备注\r\n`,
		);
	});

	it('adds a column the header lacks at the end of every row, leaving blank lines alone', () => {
		const text = `季度,发布日期,文号\r\n2024-Q1,2024-04-20,a\r\n\r\n2024-Q2,2024-07-20,b\r\n`;
		expect(setCell(releaseTable, text, 4, 'fingerprint', 'sha256:ab')).toBe(
			`季度,发布日期,文号,结果指纹\r\n2024-Q1,2024-04-20,a,\r\n\r\n2024-Q2,2024-07-20,b,sha256:ab\r\n`,
		);
		// A row with an empty cell is a row, not a blank line: it gets the column too; a line of commas alone does not.
		const gaps = `季度,发布日期,文号\r\n2024-Q1,2024-04-20,\r\n,,\r\n2024-Q2,2024-07-20,b\r\n`;
		expect(setCell(releaseTable, gaps, 4, 'fingerprint', 'sha256:ab')).toBe(
			`季度,发布日期,文号,结果指纹\r\n2024-Q1,2024-04-20,,\r\n,,\r\n2024-Q2,2024-07-20,b,sha256:ab\r\n`,
		);
	});

	it('adds after the spaces a clerk left behind a closing quote, so they stay where they were and not after the value', () => {
		// The validator reads "a"<tab> as a; the old reader of these tools refused such a file as malformed.
		const short = `\uFEFF${HEADER}\r\n2024-Q1,2024-04-20,"a"\t\r\n`;
		expect(setCell(releaseTable, short, 2, 'fingerprint', 'sha256:ab')).toBe(
			`\uFEFF${HEADER}\r\n2024-Q1,2024-04-20,"a"\t,sha256:ab\r\n`,
		);
		const lacking = `季度,发布日期,"文号" \r\n2024-Q1,2024-04-20,"a"\u3000\r\n`;
		expect(setCell(releaseTable, lacking, 2, 'fingerprint', 'sha256:ab')).toBe(
			`季度,发布日期,"文号" ,结果指纹\r\n2024-Q1,2024-04-20,"a"\u3000,sha256:ab\r\n`,
		);
		// A quote inside a cell not quoted from its start is text, as the validator reads it.
		expect(appendRows(releaseTable, `${HEADER}\n2024-Q1,2024-04-20,5"号,,\n`, [row])).toBe(
			`${HEADER}\n2024-Q1,2024-04-20,5"号,,\n2024-Q2,2024-07-20,淮信用办〔2024〕9号,,\n`,
		);
	});

	it('refuses the header line as a row to set', () => {
		expect(() =>
			setCell(releaseTable, `${HEADER}\r\n2024-Q1,2024-04-20,a,,\r\n`, 1, 'fingerprint', 'x'),
		).toThrow('第 1 行不是数据行');
	});
});
