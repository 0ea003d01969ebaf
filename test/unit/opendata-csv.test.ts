import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, toCsv } from '../../src/lib/opendata.ts';

/** What the open-data CSV files were written with before `toCsv` was hand-written for speed (issue 8). */
const papa = (rows: Record<string, unknown>[], columns: string[]) =>
	'\uFEFF' +
	Papa.unparse(
		{
			fields: columns,
			data: rows.map((r) =>
				columns.map((c) => {
					const v = r[c];
					if (v === undefined || v === null) return '';
					if (Array.isArray(v)) return v.join('、');
					if (typeof v === 'object') return JSON.stringify(v);
					return String(v);
				}),
			),
		},
		{ newline: '\r\n' },
	) +
	'\r\n';

describe('open-data CSV', () => {
	it('writes the same bytes papaparse wrote, for every kind of awkward cell', () => {
		const awkward = [
			'',
			'plain',
			'含,逗号',
			'含"引号"',
			'"',
			'line\nbreak',
			'cr\rlf',
			' leading',
			'trailing ',
			' ',
			'\uFEFFbom',
			'全角，逗号',
			'=SUM(A1)',
			'a""b',
		];
		const columns = ['id', 'text', 'n', 'list', 'obj', 'none', 'with space '];
		const rows = awkward.map((text, i) => ({
			id: `r${i}`,
			text,
			n: i % 3 ? i * 1.5 : -i,
			list: i % 2 ? ['安全', text] : [],
			obj: i % 4 ? { k: text } : null,
			none: undefined,
			'with space ': text,
		}));
		expect(toCsv(rows, columns)).toBe(papa(rows, columns));
		expect(toCsv([], columns)).toBe(papa([], columns));
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
	});
});
