/**
 * `readTable` on a small table of its own (编号, 名称, 数量, 类别, 备注): the header matched by its Chinese names or
 * its keys, every header problem, the row width against the header's, the repeated header, the cells checked, the
 * values declared for other files, and the rows kept or named. Expected lines, columns and codes are counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
	col,
	identifier,
	integer,
	listOf,
	noteColumn,
	text,
	type TableDef,
} from '../../src/schemas/table.ts';
import { namedWidth, readTable } from '../../src/lib/validate/read-table.ts';
import type { Issue } from '../../src/lib/issues.ts';

const DEF: TableDef = {
	name: 'things',
	title: '测试表',
	path: 'things.csv',
	doc: '一行一件',
	columns: [
		col('id', '编号', identifier(), { doc: '编号', example: 'a1' }),
		col('name', '名称', text({ max: 20 }), { doc: '名称', example: '甲' }),
		col('count', '数量', integer({ min: 0 }), { required: false, doc: '数量', example: '1' }),
		col(
			'kinds',
			'类别',
			listOf([
				{ value: 'a', label: '甲类' },
				{ value: 'b', label: '乙类' },
			]),
			{ required: false, doc: '类别', example: '甲类' },
		),
		noteColumn(50),
	],
};

const read = (text: string, opts: { declare?: string[] } = {}) =>
	readTable<Record<string, unknown>>(DEF, new Uint8Array(Buffer.from(text, 'utf8')), 'things.csv', opts);
/** The issues as `line:column code severity`, in the order reported. */
const where = (issues: Issue[]) => issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.severity}`);
const values = (text: string) => read(text).records.map((r) => r.value);

describe('the header', () => {
	it('is matched by the Chinese names or by the keys, in any order, with a BOM of its own', () => {
		const want = [{ id: 'a1', name: '甲', count: 3, kinds: ['a'], note: '注' }];
		expect(values('编号,名称,数量,类别,备注\na1,甲,3,甲类,注\n')).toEqual(want);
		expect(values('note,kinds,count,name,id\n注,甲类,3,甲,a1\n')).toEqual(want);
		// A second BOM after the file's own (two programs each added one) is not part of the first name.
		expect(values('\uFEFF\uFEFF编号,名 称,数量,类别,备注\na1,甲,3,甲类,注\n')).toEqual(want);
	});

	it('reads a file without the optional columns, warning once for each', () => {
		const r = read('名称,编号\n甲,a1\n');
		expect(r.records.map((x) => x.value)).toEqual([{ id: 'a1', name: '甲' }]);
		expect(where(r.issues)).toEqual([
			'1:1 missing-optional-column warning',
			'1:1 missing-optional-column warning',
			'1:1 missing-optional-column warning',
		]);
		expect(r.records[0].col('name')).toBe(1);
		expect(r.records[0].col('note')).toBe(0);
	});

	it('names an unknown column as typed, trimmed, and reads no row', () => {
		const r = read('编号, 名字 ,名称\na1,x,甲\nb2,y,乙\n');
		const errors = (i: Issue[]) => where(i).filter((w) => !w.includes('optional'));
		expect(errors(r.issues)).toEqual(['1:2 unknown-column error', '1:1 rows-unchecked error']);
		expect(r.issues[0].message).toContain('未知的列 "名字"');
		expect(r.issues[0].header).toBe('名字');
		expect(r.issues.at(-1)!.message).toContain('本文件的 2 行数据均未读取');
		expect(r.records).toEqual([]);
		// No data row: nothing to say was not read.
		expect(errors(read('编号,名字,名称\n').issues)).toEqual(['1:2 unknown-column error']);
	});

	it('reports a column named twice at its second place, naming the first', () => {
		const r = read('编号,名称,id\na1,甲,a2\n');
		expect(where(r.issues).filter((w) => !w.includes('optional'))).toEqual([
			'1:3 duplicate-column error',
			'1:1 rows-unchecked error',
		]);
		expect(r.issues[0].message).toBe('列 "编号" 出现了两次（另见第 1 列）');
	});

	it('reports a missing required column', () => {
		const r = read('名称\n甲\n');
		expect(where(r.issues).slice(0, 1)).toEqual(['1:1 missing-column error']);
		expect(r.issues[0].message).toContain('缺少必填列 "编号"');
	});

	it('tells a file separated by another character, by its Chinese names or its keys', () => {
		const sep = (header: string) => {
			const r = read(`${header}\nx\n`);
			return [...where(r.issues), r.issues[0]?.message.slice(0, 8)];
		};
		expect(sep('编号\t名称')).toEqual([
			'1:1 wrong-delimiter error',
			'1:1 rows-unchecked error',
			'各列用制表符分开',
		]);
		expect(sep('id;name;count')).toEqual([
			'1:1 wrong-delimiter error',
			'1:1 rows-unchecked error',
			'各列用分号分开，',
		]);
		expect(sep('编号，名称')[2]).toBe('各列用中文逗号“');
		// Every cell quoted, as LibreOffice and many programs export: the quotes, broken by the separator on every row,
		// are not said besides it (they were 引号使用不正确 on each row, then 缺少必填列 for each column).
		const quoted = read('"编号";"名称"\n"a1";"甲"\n"b2";"乙"\n');
		expect(where(quoted.issues)).toEqual(['1:1 wrong-delimiter error', '1:1 rows-unchecked error']);
		expect(quoted.issues[0].message.slice(0, 8)).toBe('各列用分号分开，');
		expect(where(read('"编号"\t"名称"\n').issues)[0]).toBe('1:1 wrong-delimiter error');
		// Its rows counted at its own separator: two, the first ending in an empty 备注 (read at commas, its quote is
		// still open at the line end, and the row runs on into the next: one row).
		const broken = read('"编号";"名称";"备注"\n"a1";"甲";\n"b2";"丙";\n');
		expect(broken.rowsIn).toBe(2);
		expect(broken.issues[1].message).toBe('表头有误，本文件的 2 行数据均未读取；改正表头后再运行检查');
		// One name that splits into a single known column is one unknown column, not a separator.
		expect(sep('编号;备用')[0]).toBe('1:1 unknown-column error');
		// A header of several cells is comma-separated: a cell with a semicolon in it is an unknown column.
		expect(where(read('编号;名称,备注\n').issues)).toContain('1:1 unknown-column error');
		expect(where(read('编号;名称,备注\n').issues)).not.toContain('1:1 wrong-delimiter error');
	});

	it('counts a header of blank cells as one named cell', () => {
		expect(namedWidth(['', ' '])).toBe(1);
		expect(namedWidth(['a', '', '　'])).toBe(1);
		expect(namedWidth(['a', 'b', ''])).toBe(2);
	});
});

describe('blank columns at the end of the header', () => {
	it('are ignored with a fixable warning while every row is empty there, spaces included', () => {
		const r = read('编号,名称,,\na1,甲, ,\n');
		expect(r.records).toHaveLength(1);
		expect(r.issues.map((i) => [i.line, i.column, i.code, i.severity, i.fixable])).toEqual([
			[1, 1, 'missing-optional-column', 'warning', undefined],
			[1, 1, 'missing-optional-column', 'warning', undefined],
			[1, 1, 'missing-optional-column', 'warning', undefined],
			[1, 3, 'blank-header', 'warning', true],
		]);
		expect(r.issues[3].message).toContain('第 3、4 列没有列名');
	});

	it('are an error, not ignored, in a file whose header is wrong anyway', () => {
		const r = read('编号,名字,,\na1,甲,,\n');
		const blank = r.issues.find((i) => i.code === 'blank-header')!;
		expect([blank.severity, blank.fixable]).toEqual(['error', undefined]);
		expect(blank.message).toContain('第 3、4 列没有列名。请补上列名，或删去这几列');
	});

	it('are an error when a row has something there, and no row is read', () => {
		const r = read('编号,名称,,\na1,甲,,\nb2,乙,x,\nc3,丙,,y\n');
		expect(r.records).toEqual([]);
		const blank = r.issues.find((i) => i.code === 'blank-header')!;
		expect([blank.severity, blank.fixable]).toEqual(['error', undefined]);
		expect(blank.message).toContain('但有 2 行在这里有内容（第一处在第 3 行）');
		expect(where(r.issues).at(-1)).toBe('1:1 rows-unchecked error');
	});
});

describe('a data row that repeats the header', () => {
	it('is an error at its line, with trailing empty cells, a leading space, or the header’s blank end', () => {
		for (const [text, line] of [
			['编号,名称\na1,甲\n编号,名称\n', 3],
			['编号,名称\n编号,名称,,\n', 2],
			['编号,名称\n 编号 ,名称\n', 2],
			['编号,名称,,\na1,甲,,\n编号,名称,,\n', 3],
			// The header's own first cell with a space or a second BOM before it.
			[' 编号,名称\n编号,名称\n', 2],
			['\uFEFF\uFEFF编号,名称\n编号,名称\n', 2],
		] as const) {
			const r = read(text);
			const repeated = r.issues.filter((i) => i.code === 'repeated-header');
			expect(
				repeated.map((i) => `${i.line}:${i.column}`),
				text,
			).toEqual([`${line}:1`]);
			expect(repeated[0].message, text).toContain('重复了表头');
			expect(
				r.issues.filter((i) => i.severity === 'error'),
				text,
			).toEqual(repeated);
		}
	});

	it('is a row like any other when only its first cell is the header’s, or its first cell differs as typed', () => {
		expect(values('编号,名称\n编号,甲\n').length).toBe(0);
		expect(where(read('id,name\nid,甲\n').issues)).not.toContain('2:1 repeated-header error');
		expect(values('id,name\nid,甲\n')).toEqual([{ id: 'id', name: '甲' }]);
		// Full-width letters: not the header as typed, so the cell's own problem is what is reported.
		expect(where(read('id,name\nｉｄ,name\n').issues)).toEqual([
			'1:1 missing-optional-column warning',
			'1:1 missing-optional-column warning',
			'1:1 missing-optional-column warning',
			'2:1 full-width error',
		]);
	});
});

describe('the width of a row', () => {
	const HEADER = '编号,名称,数量,类别\n';
	it('is an extra-cell error past the header, or with content under its blank end, and the row is not read', () => {
		const r = read(HEADER + 'a1,甲,1,甲类,x\n');
		expect(r.records).toEqual([]);
		expect(where(r.issues).filter((w) => !w.includes('optional'))).toEqual(['2:5 extra-cell error']);
		expect(r.issues.at(-1)!.message).toContain('本行有 5 列，表头只有 4 列；多出的列可能来自没加引号的逗号');
		// Even an empty cell past the whole header: the row was split at a comma that is no separator.
		expect(where(read(HEADER + 'a1,甲,1,甲类,\n').issues)).toContain('2:5 extra-cell error');
		expect(values(HEADER + 'a1,甲,1,甲类\n')).toEqual([{ id: 'a1', name: '甲', count: 1, kinds: ['a'] }]);
	});

	it('reads a row ended by a bare LF in a CRLF file as its own row, and a quoted line break as part of its cell', () => {
		// A row typed in another editor: the spreadsheet shows two rows, and so does the reader.
		const mixed = read(HEADER.replace('\n', '\r\n') + 'a1,甲,1,甲类\nb2,乙,2,乙类\r\n');
		expect(mixed.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(mixed.records.map((r) => [r.line, r.row, r.value])).toEqual([
			[2, 2, { id: 'a1', name: '甲', count: 1, kinds: ['a'] }],
			[3, 3, { id: 'b2', name: '乙', count: 2, kinds: ['b'] }],
		]);
		const quoted = read(HEADER + 'a1,"甲\n乙",1,甲类,x\n');
		expect(quoted.issues.at(-1)!.message).toContain('没加引号的逗号');
		// Eight cells and no line break: a comma problem, not two rows.
		const commas = read(HEADER + 'a1,甲,1,甲类,a,b,c,d\n');
		expect(commas.issues.at(-1)!.message).toContain('没加引号的逗号');
	});

	it('is a missing-cell error at the first missing column, noticing Chinese commas', () => {
		const r = read(HEADER + 'a1,甲\n');
		expect(where(r.issues).at(-1)).toBe('2:3 missing-cell error');
		expect(r.issues.at(-1)!.message).toContain('本行只有 2 列，表头有 4 列；请补齐缺少的列');
		const cn = read(HEADER + 'a1，甲，1，甲类\n');
		expect(where(cn.issues).at(-1)).toBe('2:2 missing-cell error');
		expect(cn.issues.at(-1)!.message).toContain('中文逗号');
		expect(cn.records).toEqual([]);
	});
});

describe('the cells', () => {
	it('reports an empty required cell at its column, and at column 1 for a required column the file lacks', () => {
		const r = read('编号,名称\na1, \n');
		expect(where(r.issues).at(-1)).toBe('2:2 required error');
		expect(r.issues.at(-1)).toMatchObject({
			field: 'name',
			header: '名称',
			message: '"名称" 不能为空（名称）',
		});
		expect(r.records).toEqual([]);
	});

	it('reports a wrong cell with its value, field and header, and keeps the row out', () => {
		const r = read('编号,名称,数量\na1,甲,abc\nb2,乙,-1\nc3,丙,２\n');
		expect(r.issues.filter((i) => i.severity === 'error')).toEqual([
			expect.objectContaining({
				line: 2,
				column: 3,
				code: 'type-error',
				value: 'abc',
				field: 'count',
				header: '数量',
			}),
			expect.objectContaining({ line: 3, column: 3, code: 'out-of-range', value: '-1' }),
			expect.objectContaining({ line: 4, column: 3, code: 'full-width', value: '２', fixable: true }),
		]);
		expect(r.records).toEqual([]);
		expect(r.rowsIn).toBe(3);
	});

	it('names a totals row once, at its label, instead of a problem for each of its cells', () => {
		// 合计 in the first column under the rows (with a sum under 数量), 总计： with its label further right, and a
		// record whose 名称 is 合计 (a first cell that is a code: a record like any other).
		const r = read('编号,名称,数量\na1,甲,1\n合计,,3\n,,总计：,\nb2,合计,2\n');
		const errors = r.issues.filter((i) => i.severity === 'error');
		expect(where(errors)).toEqual(['3:1 totals-row error', '4:3 totals-row error']);
		expect(errors.map((i) => i.header)).toEqual(['编号', '数量']);
		expect(errors[0].message).toBe(
			'这一行像是表格的合计行（"合计"），不是一条记录：数据文件中每一行都是一条记录，合计、平均由网站计算。请删去这一行（需要合计时，可以放在另一个工作表中）',
		);
		expect(r.records.map((x) => x.value.id)).toEqual(['a1', 'b2']);
		expect(r.rowsIn).toBe(4);
	});

	it('refuses a formula’s error value in any column, free text too, and keeps the row out', () => {
		// A 名称 that is a formula whose cell was deleted (#REF!), a 数量 divided by zero (#DIV/0!), a 备注 looked up in
		// vain (#N/A), and LibreOffice's Err:502: as the spreadsheet's CSV export writes them, in either case (a clerk
		// retyping what the cell showed). Text that only starts so, or holds one inside, is text.
		const r = read(
			'编号,名称,数量,备注\na1,#REF!,1,\nb2,乙,#DIV/0!,\nc3,丙,,#n/a\nd4,Err:502,,\nd5,err:502,,\ne5,#REF!号文件,,见 #N/A 列\n',
		);
		const errors = r.issues.filter((i) => i.severity === 'error');
		expect(where(errors)).toEqual([
			'2:2 formula-error error',
			'3:3 formula-error error',
			'4:4 formula-error error',
			'5:2 formula-error error',
			'6:2 formula-error error',
		]);
		expect(errors[0]).toMatchObject({
			field: 'name',
			header: '名称',
			value: '#REF!',
			message:
				'"#REF!" 是表格中的公式出错时显示的值（常见原因：公式引用的单元格或工作表被删除、移动，或排序后错位），不是内容：请在 Excel/WPS 中把这一格改为实际的内容（可复制后用“选择性粘贴 → 数值”去掉公式），再另存',
		});
		expect(r.records.map((x) => x.value.id)).toEqual(['e5']);
	});

	it('reads a list written one item to a line in its cell (Alt+Enter), as written with 、', () => {
		// Line breaks as Excel (LF), as a file saved on Windows may have them (CRLF), and an empty line between.
		const r = read('编号,名称,类别\na1,甲,"甲类\n乙类"\nb2,乙,"乙类\r\n\r\n甲类"\n');
		// (The file leaves out the optional 数量 and 备注: a warning each, nothing about the lists.)
		expect(r.issues.filter((i) => i.code !== 'missing-optional-column')).toEqual([]);
		expect(r.records.map((x) => x.value.kinds)).toEqual([
			['a', 'b'],
			['b', 'a'],
		]);
	});

	it('gives each record its own list, though the same cell was read before', () => {
		const r = read('编号,名称,类别\na1,甲,甲类、乙类\nb2,乙,甲类、乙类\n');
		const [a, b] = r.records.map((x) => x.value.kinds as string[]);
		expect([a, b]).toEqual([
			['a', 'b'],
			['a', 'b'],
		]);
		expect(a).not.toBe(b);
	});

	it('names a problem zod reports without a code of ours by whether the text is full-width', () => {
		const plain: TableDef = {
			...DEF,
			columns: [
				col('id', '编号', { type: 'string', schema: z.string().regex(/^[a-z]+$/) }, { doc: '', example: '' }),
			],
		};
		const r = readTable(plain, new Uint8Array(Buffer.from('编号\nabc\nA1\nａｂ\n')), 'x.csv');
		expect(where(r.issues)).toEqual(['3:1 type-error error', '4:1 full-width error']);
		expect(r.records.map((x) => x.value)).toEqual([{ id: 'abc' }]);
	});
});

describe('a repeated key within the file', () => {
	const keyed: TableDef = {
		...DEF,
		columns: [
			col(
				'id',
				'编号',
				{ type: 'string', schema: z.string().regex(/^[a-z0-9]+$/) },
				{ doc: '', example: '' },
			),
		],
		primaryKey: ['id'],
	};
	const bytes = new Uint8Array(Buffer.from('编号\na1\nA1\na1\nb2\nb2\n'));
	it('is said at once where a copy has an error of its own, leaving two valid copies to the checks after', () => {
		// A1 is refused for its capital (type-error) and repeats line 2's a1 (folded); line 4's a1 and line 6's b2 repeat
		// valid rows, which CheckContext.unique says with the rest of the folder.
		const r = readTable<{ id: string }>(keyed, bytes, 'x.csv');
		expect(where(r.issues)).toEqual(['3:1 type-error error', '3:1 unique-error error']);
		expect(r.records.map((x) => `${x.line} ${x.value.id}`)).toEqual(['2 a1', '4 a1', '5 b2', '6 b2']);
	});
	it('is said for two valid copies too when the file is read on its own, and the repeat is not kept', () => {
		const r = readTable<{ id: string }>(keyed, bytes, 'x.csv', { alone: true });
		expect(where(r.issues)).toEqual([
			'3:1 type-error error',
			'3:1 unique-error error',
			'4:1 unique-error error',
			'6:1 unique-error error',
		]);
		expect(r.records.map((x) => `${x.line} ${x.value.id}`)).toEqual(['2 a1', '5 b2']);
	});
});

describe('a repeated key within the file, in the shapes a table and a row can have', () => {
	const HEADER = '编号,名称,数量,类别,备注';
	/** The unique-error lines (`line:column 列名 message`) of a file of DEF with `primaryKey`. */
	const repeats = (primaryKey: string[] | undefined, rows: string[], alone = false) =>
		readTable(
			{ ...DEF, primaryKey },
			new Uint8Array(Buffer.from([HEADER, ...rows, ''].join('\n'))),
			'x.csv',
			{
				alone,
			},
		)
			.issues.filter((i) => i.code === 'unique-error')
			.map((i) => `${i.line}:${i.column} ${i.header} ${i.message}`);

	it('names the key column by its own header, where it is not the first', () => {
		// 数量 x refuses line 3, which repeats line 2's 名称.
		expect(repeats(['name'], ['a1,甲,1,,', 'a2,甲,x,,'])).toEqual([
			'3:2 名称 名称 "甲" 重复，与 x.csv 第 2 行相同；每个名称只能出现一次',
		]);
	});
	it('counts a row refused for its width, and a key typed with spaces around it', () => {
		// Line 3 has a cell past the header; line 4 is refused for its count and has its id typed " a1 ".
		expect(repeats(['id'], ['a1,甲,1,,', 'a1,乙,1,,,多', ' a1 ,丙,x,,'])).toEqual([
			'3:1 编号 编号 "a1" 重复，与 x.csv 第 2 行相同；每个编号只能出现一次',
			'4:1 编号 编号 "a1" 重复，与 x.csv 第 2 行相同；每个编号只能出现一次',
		]);
	});
	it('never takes blank keys, or keys missing from short rows, for repeats', () => {
		// Two rows without an id (required), and two rows too short to hold 数量, the key here.
		expect(repeats(['id'], [',甲,1,,', ',乙,1,,'])).toEqual([]);
		expect(repeats(['count'], ['a1,甲', 'a2,乙'])).toEqual([]);
	});
	it('leaves a key of several columns, and a table without one, to the checks after it', () => {
		// id and name together: line 3 (refused for its count) shares only the id with line 2.
		expect(repeats(['id', 'name'], ['a1,甲,1,,', 'a1,乙,x,,'])).toEqual([]);
		expect(repeats(undefined, ['a1,甲,1,,', 'a1,甲,1,,'], true)).toEqual([]);
	});
});

describe('a header that is not the first row', () => {
	it('names the row that is the header when a title and a date line are above it', () => {
		const r = read('测试表汇总,,\n2024年3月,,\n编号,名称,数量\na1,甲,1\n');
		expect(r.issues[0]).toMatchObject({
			line: 1,
			code: 'header-not-first',
			message:
				'第 3 行才像是本文件的表头（编号,名称,数量），它上面的 2 行像是标题或说明：请删去这几行，让表头成为第一行',
		});
		expect(r.records).toEqual([]);
		// Said once: not also the columns the title row lacks (the header below has them), as 数量 here; and the one
		// data row is one, not the title's second row and the header too.
		expect(r.issues.slice(1).map((i) => [i.code, i.message])).toEqual([
			['rows-unchecked', '表头有误，本文件的 1 行数据均未读取；改正表头后再运行检查'],
		]);
	});
	it('finds it right under a one-line title, and names it without the blank cells at its end', () => {
		const r = read('测试表汇总,,,\n编号,名称,数量,,\na1,甲,1,,\n');
		expect(r.issues[0]).toMatchObject({
			line: 1,
			code: 'header-not-first',
			severity: 'error',
			message:
				'第 2 行才像是本文件的表头（编号,名称,数量），它上面的 1 行像是标题或说明：请删去这几行，让表头成为第一行',
		});
	});
	it('says a first line "sep=," is Excel\'s note of the separator, and nothing of the header under it', () => {
		for (const sep of ['sep=,', 'SEP=,']) {
			const r = read(`${sep}\n编号,名称,数量\na1,甲,1\n`);
			expect(r.issues.map((i) => [i.line, i.code, i.message])).toEqual([
				[
					1,
					'header-not-first',
					`第 1 行 "${sep}" 是 Excel 导出时写的分隔符说明（Excel 打开时不显示这一行），表头在第 2 行：请用记事本打开文件删去第 1 行，或在 Excel/WPS 中重新另存为“CSV UTF-8（逗号分隔）”`,
				],
				// One data row: the header under "sep=," is no data row.
				[1, 'rows-unchecked', '表头有误，本文件的 1 行数据均未读取；改正表头后再运行检查'],
			]);
		}
		// Excel writes the separator of the locale: a semicolon is quoted as such.
		expect(read('sep=;\n编号,名称,数量\na1,甲,1\n').issues[0].message).toMatch(/^第 1 行 "sep=;" 是 Excel/);
		// A first line that merely holds it, or more lines above the header, are a title as before.
		for (const text of [
			'sep=,说明\n编号,名称,数量\na1,甲,1\n',
			'sep=,,说明\n编号,名称,数量\na1,甲,1\n',
			'sep=;说明\n编号,名称,数量\na1,甲,1\n',
			'Xsep=,\n编号,名称,数量\na1,甲,1\n',
			'sep=,\n标题\n编号,名称,数量\na1,甲,1\n',
		])
			expect(read(text).issues[0].message, text).toContain('像是标题或说明');
	});
	it('looks at the five rows after the first only, for a row naming every required column and more than the first', () => {
		const titled = (n: number) =>
			read(`${'标题\n'.repeat(n)}编号,名称,数量\na1,甲,1\n`).issues.map((i) => i.code);
		// Five rows above the header (the first and four more): found; six: not looked for that far.
		expect(titled(5)).toContain('header-not-first');
		expect(titled(6)).not.toContain('header-not-first');
		// A later row naming no more of the columns than the first (编号 and 名称 both), or lacking a required one (编号).
		expect(read('编号,名称,未知\n编号,名称,x\n').issues.map((i) => i.code)).not.toContain('header-not-first');
		expect(read('标题,,\n名称,数量\n').issues.map((i) => i.code)).not.toContain('header-not-first');
	});
	it('says nothing of the kind when no later row names the columns better, or the header is right', () => {
		expect(read('编码,称呼\na1,甲\n').issues.map((i) => i.code)).not.toContain('header-not-first');
		// A data row holding a column name as a value is no header: the first row is one already.
		expect(read('编号,名称\n编号,名称x\n').issues.map((i) => i.code)).not.toContain('header-not-first');
	});
	it('reports a header after blank lines at its own line', () => {
		const r = read('\n\n编号,名称,未知\na1,甲,x\n');
		expect(where(r.issues.filter((i) => i.code === 'unknown-column'))).toEqual(['3:3 unknown-column error']);
	});
});

describe('personal numbers in the public columns', () => {
	it('keeps a row with a mobile number (a warning) and refuses one with an ID number, in any column position', () => {
		const r = read('备注,编号,名称\n电话 13912345678,a1,甲\n11010519491231002X,b2,乙\n');
		expect(r.records.map((x) => x.value.id)).toEqual(['a1']);
		const found = r.issues.filter((i) => i.field === 'note');
		expect(found.map((i) => `${i.line}:${i.column} ${i.severity}`)).toEqual(['2:1 warning', '3:1 error']);
		expect(found.every((i) => i.value === undefined)).toBe(true);
		// 名称 is not published: a number in it is no one's business here.
		const unpublished = read('编号,名称\na1,13912345678\n');
		expect(unpublished.issues.filter((i) => i.field === 'name')).toEqual([]);
		expect(unpublished.records).toHaveLength(1);
	});
});

describe('the values declared for other files', () => {
	it('holds every id typed, valid row or not, never an empty one, and refuses a key it was not asked for', () => {
		const r = read('名称,编号,数量\n甲,a1,x\n乙,,1\n丙\n丁，b2，1\n戊，己,c3,1\n庚, d4 ,1\n', {
			declare: ['id', 'count'],
		});
		// A cell with a Chinese comma in a row of full width is one cell: c3, not 己.
		expect([...r.declared('id')].sort()).toEqual(['a1', 'b2', 'c3', 'd4']);
		expect([...r.declared('count')].sort()).toEqual(['1', 'x']);
		expect(() => r.declared('name')).toThrow(/opts.declare/);
		// A declared column the file lacks declares nothing.
		expect([...read('名称,编号\n甲,a1\n', { declare: ['count'] }).declared('count')]).toEqual([]);
	});
});
