/**
 * One rule for where a character is (`src/lib/text-position.ts`): every reader names the same line for the same
 * character, whichever way its lines end. The two readers that count lines their own way (the CSV rows, the bytes of
 * an undecodable file) are checked against it on generated texts.
 */
import { describe, expect, it } from 'vitest';
import { lineColumn } from '../../src/lib/text-position.ts';
import { decodeText, eachCsvRow } from '../../src/lib/csv.ts';
import { prng } from '../../scripts/lib/gen-scale/random.ts';

const ENDS = ['\r\n', '\r', '\n'];

describe('lineColumn', () => {
	it('counts CRLF, a lone CR and LF as one line end each', () => {
		expect(lineColumn('ab\r\ncd\ref\ngh', 11)).toEqual({ line: 4, column: 2 });
		expect(lineColumn('ab\r\ncd', 3)).toEqual({ line: 1, column: 4 });
		expect(lineColumn('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
		expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
		const text = '甲\r乙\r\n丙\n丁';
		expect(lineColumn(text, text.indexOf('乙'))).toEqual({ line: 2, column: 1 });
		expect(lineColumn(text, text.indexOf('丙'))).toEqual({ line: 3, column: 1 });
		expect(lineColumn(text, text.indexOf('丁') + 1)).toEqual({ line: 4, column: 2 });
	});
	it('counts two line ends in a row as two lines, and a CR before the offset as ended', () => {
		expect(lineColumn('a\n\nb', 3)).toEqual({ line: 3, column: 1 });
		expect(lineColumn('a\r\rb', 3)).toEqual({ line: 3, column: 1 });
		expect(lineColumn('a\n\rb', 3)).toEqual({ line: 3, column: 1 });
		// The offset is the LF of a CRLF: still the first line, the CR is not yet a line end on its own.
		expect(lineColumn('a\r\nb', 2)).toEqual({ line: 1, column: 3 });
	});
	it('stops counting at the end of the text', () => {
		expect(lineColumn('a\nb', 10)).toEqual({ line: 2, column: 9 });
	});
});

describe('readers that count lines their own way agree with it', () => {
	it('names the line of a NUL byte in a file as the text would', () => {
		// Seeded, so that a failing text can be made again.
		const next = prng(7).next;
		for (let n = 0; n < 300; n++) {
			let before = '';
			const parts = Math.floor(next() * 8);
			for (let i = 0; i < parts; i++)
				before += (next() < 0.5 ? '甲乙' : 'ab,c') + ENDS[Math.floor(next() * 3)];
			if (next() < 0.3) before += '丙';
			const text = `${before}\0${next() < 0.5 ? '\nz' : ''}`;
			const [issue] = decodeText(new TextEncoder().encode(text), 'x.csv').issues;
			expect(issue.line, JSON.stringify(text)).toBe(lineColumn(text, before.length).line);
		}
	});

	it('numbers every CSV row by the line its first character is on', () => {
		// A header first, then rows each ended by any of the three line ends (a file with rows pasted in from others),
		// blank lines between them, and line breaks of any kind inside quoted cells.
		const next = prng(11).next;
		const anyEnd = () => ENDS[Math.floor(next() * 3)];
		for (let n = 0; n < 300; n++) {
			let text = `h1,h2${ENDS[n % 3]}`;
			const starts = [0];
			const rows = 1 + Math.floor(next() * 6);
			for (let r = 0; r < rows; r++) {
				// Blank lines between rows are skipped: a row is named by its own first line, not the blank one's.
				while (next() < 0.2) text += anyEnd();
				starts.push(text.length);
				const cells = 1 + Math.floor(next() * 3);
				for (let c = 0; c < cells; c++) {
					if (c) text += ',';
					// A quoted cell may hold line ends; the row still starts where its first cell does.
					text += next() < 0.3 ? `"格${anyEnd()}子"` : `v${c}`;
				}
				text += anyEnd();
			}
			const lines: number[] = [];
			eachCsvRow(text, 'x.csv', (row) => lines.push(row.line));
			expect(lines, JSON.stringify(text)).toEqual(starts.map((s) => lineColumn(text, s).line));
		}
	});
});
