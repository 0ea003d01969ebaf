/**
 * `readJson` (site.json and the rubrics) on a schema of its own: every JSON syntax error the office meets, in Chinese
 * at its line and column; nesting refused before the parser; and zod's problems made plain at the value they are
 * about, with the path and the ids of the listed items it passes through. Positions are counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { JSON_MAX_DEPTH, readJson } from '../../src/lib/validate/json.ts';

const SCHEMA = z.strictObject({
	name: z.string().min(1).max(5),
	code: z.string().min(3).optional(),
	year: z.number().int().min(2000).max(2100).optional(),
	ratio: z.number().gt(0).lt(1).optional(),
	on: z.boolean().optional(),
	kind: z.enum(['a', 'b']).optional(),
	tags: z.array(z.string()).min(1).max(2).optional(),
	items: z.array(z.strictObject({ id: z.string(), max: z.number().min(0) })).optional(),
});
/** The problems of a text as `line:column code field message`. */
const problems = (text: string) =>
	readJson(SCHEMA, text, 'x.json').issues.map(
		(i) => `${i.line}:${i.column} ${i.code}${i.field ? ` ${i.field}` : ''} ${i.message}`,
	);

describe('a property name twice in one object', () => {
	it('is refused at the second, naming the line of the first, in nested objects too; the same name in two objects is fine', () => {
		expect(problems('{"name":"a",\n "name":"b"}')).toEqual([
			'2:2 json-duplicate-key 属性 "name" 在同一个对象里出现了两次（另一处在第 1 行）：JSON 只用后一个，前一个会被悄悄忽略；请删去多余的一个',
		]);
		expect(problems('{"name":"a","items":[\n{"id":"x","max":1,\n"max":2}]}')).toEqual([
			'3:1 json-duplicate-key 属性 "max" 在同一个对象里出现了两次（另一处在第 2 行）：JSON 只用后一个，前一个会被悄悄忽略；请删去多余的一个',
		]);
		expect(problems('{"name":"a","items":[{"id":"x","max":1},{"id":"y","max":2}]}')).toEqual([]);
		expect(readJson(SCHEMA, '{"name":"a","name":"b"}', 'x.json').value).toBeUndefined();
	});
});

describe('JSON syntax', () => {
	it.each([
		['{"name":}', ['1:9 json-syntax JSON 语法错误：这里缺少值']],
		[
			'{"name":"a",}',
			[
				'1:13 json-syntax JSON 语法错误：这里应是带英文双引号的属性名',
				'1:13 json-syntax JSON 语法错误：这里缺少值',
			],
		],
		['// c\n{"name":"a"}', ['1:1 json-syntax JSON 语法错误：JSON 不允许注释']],
		[
			'{"name":"a',
			[
				'1:9 json-syntax JSON 语法错误：字符串没有结束（缺少右引号）',
				'1:11 json-syntax JSON 语法错误：缺少右花括号 }',
			],
		],
		[
			'{"name":"a"} x',
			[
				'1:14 json-syntax JSON 语法错误：无效字符（属性名和文字要用英文双引号 " 括起来，中文引号“”只能写在英文双引号里面）',
			],
		],
		['{}{}', ['1:3 json-syntax JSON 语法错误：文件在这里应当结束']],
		[
			'{"name":"a\tb"}',
			['1:9 json-syntax JSON 语法错误：文字里有制表符、换行等控制字符：请删去，或写成 \\t、\\n'],
		],
		['{"name":1e}', ['1:9 json-syntax JSON 语法错误：数字没有结束']],
		['{"name":"\\u12"}', ['1:9 json-syntax JSON 语法错误：无效的 Unicode 转义']],
		['{"name":"\\q"}', ['1:9 json-syntax JSON 语法错误：无效的转义字符']],
		['{"name" "a"}', ['1:9 json-syntax JSON 语法错误：这里缺少冒号 :']],
		['{"name":"a" "x":1}', ['1:13 json-syntax JSON 语法错误：这里缺少逗号 ,']],
		['[1', ['1:3 json-syntax JSON 语法错误：缺少右方括号 ]']],
		['{\r\n"name": "a"\r\n', ['3:1 json-syntax JSON 语法错误：缺少右花括号 }']],
	])('%j', (text, want) => {
		expect(problems(text)).toEqual(want);
	});

	it('says an empty file is empty, spaces or a BOM only', () => {
		for (const text of ['', '  \r\n ', '\uFEFF'])
			expect(readJson(SCHEMA, text, 'x.json').issues, JSON.stringify(text)).toEqual([
				{
					file: 'x.json',
					line: 1,
					column: 1,
					code: 'json-syntax',
					message: 'JSON 文件是空的',
					severity: 'error',
				},
			]);
	});

	it('names Chinese quotes around a name', () => {
		expect(problems('{“name”:"a"}')[0]).toContain(
			'1:2 json-syntax JSON 语法错误：无效字符（属性名和文字要用英文双引号',
		);
	});

	it('keeps a BOM inside a text as it is, and counts it in the columns after it', () => {
		const plain = z.strictObject({ name: z.string(), year: z.number().optional() });
		expect(readJson(plain, '{"name":"a\uFEFFb"}', 'x.json').value).toEqual({ name: 'a\uFEFFb' });
		expect(readJson(plain, '{"name":"\uFEFF","year":"x"}', 'x.json').issues.map((i) => i.column)).toEqual([
			20,
		]);
	});

	it('reads a file that starts with a BOM, placing problems as an editor shows them', () => {
		expect(readJson(SCHEMA, '\uFEFF{"name":"a"}', 'x.json')).toEqual({ value: { name: 'a' }, issues: [] });
		expect(problems('\uFEFF{"name":5}')).toEqual([
			'1:9 type-error name name：应为文字（用英文双引号括起来），这里是数字 5',
		]);
	});

	it('places problems past the first line of a file that starts with a BOM where the editor shows them', () => {
		// The BOM is not a character the office sees: "x" is the 11th character of line 2, and the "}" after it the
		// 1st of line 3, with it or without it.
		const broken = '{\n  "name": x\n}';
		expect(problems(broken).map((p) => p.split(' ', 2).join(' '))).toEqual([
			'2:11 json-syntax',
			'3:1 json-syntax',
		]);
		expect(problems(`\uFEFF${broken}`)).toEqual(problems(broken));
		expect(problems('\uFEFF{\n  "name": 5\n}')).toEqual([
			'2:11 type-error name name：应为文字（用英文双引号括起来），这里是数字 5',
		]);
		const at = (text: string) =>
			readJson(z.unknown(), text, 'x.json').issues.map((i) => `${i.line}:${i.column}`);
		expect(at(`\uFEFF${'['.repeat(JSON_MAX_DEPTH + 1)}`)).toEqual([`1:${JSON_MAX_DEPTH + 1}`]);
		expect(at(`\uFEFF[\r\n${'['.repeat(JSON_MAX_DEPTH)}`)).toEqual([`2:${JSON_MAX_DEPTH}`]);
	});
});

describe('nesting', () => {
	const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
	it(`refuses more than ${JSON_MAX_DEPTH} levels at the first bracket too deep, before parsing`, () => {
		const { issues } = readJson(z.unknown(), nested(JSON_MAX_DEPTH + 1), 'x.json');
		expect(issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toEqual([
			`1:${JSON_MAX_DEPTH + 1} too-deep`,
		]);
		expect(issues[0].message).toContain(`超过 ${JSON_MAX_DEPTH} 层`);
		expect(readJson(z.unknown(), nested(JSON_MAX_DEPTH), 'x.json').issues).toEqual([]);
		// 100,000 levels: an error, not a stack overflow.
		expect(readJson(z.unknown(), nested(100_000), 'x.json').issues[0].code).toBe('too-deep');
	});
	it('counts objects and arrays alike, and closing brackets, and not brackets inside strings', () => {
		const objects = '{"a":'.repeat(JSON_MAX_DEPTH + 1) + '1' + '}'.repeat(JSON_MAX_DEPTH + 1);
		expect(readJson(z.unknown(), objects, 'x.json').issues.map((i) => i.code)).toEqual(['too-deep']);
		// Thirty-two levels twice over, one after the other: never deeper than 32.
		const twice = `[${nested(JSON_MAX_DEPTH - 1)},${nested(JSON_MAX_DEPTH - 1)}]`;
		expect(readJson(z.unknown(), twice, 'x.json').issues).toEqual([]);
		// Brackets in strings, also after an escaped quote.
		const strings = `["${'['.repeat(40)}", "\\"${'{'.repeat(40)}"]`;
		expect(readJson(z.unknown(), strings, 'x.json').issues).toEqual([]);
	});
});

describe('schema problems, made plain', () => {
	it.each([
		['{}', '1:1 type-error name name：缺少这一项，应为文字（用英文双引号括起来）'],
		['{"name":""}', '1:9 type-error name name：不能为空'],
		['{"name":"abcdefg"}', '1:9 type-error name name：最多 5 个字'],
		['{"name":"a","code":"ab"}', '1:20 type-error code code：至少要有 3 个字'],
		['{"name":"a","year":"十"}', '1:20 type-error year year：应为数字（不加引号），这里是文字 "十"'],
		['{"name":"a","year":1999}', '1:20 type-error year year：应不小于 2000，这里是数字 1999'],
		['{"name":"a","year":2101}', '1:20 type-error year year：应不大于 2100，这里是数字 2101'],
		['{"name":"a","year":2000.5}', '1:20 type-error year year：应为整数（不加引号），这里是数字 2000.5'],
		['{"name":"a","ratio":0}', '1:21 type-error ratio ratio：应大于 0，这里是数字 0'],
		['{"name":"a","ratio":1}', '1:21 type-error ratio ratio：应小于 1，这里是数字 1'],
		['{"name":"a","on":"yes"}', '1:18 type-error on on：应为 true 或 false（不加引号），这里是文字 "yes"'],
		['{"name":"a","kind":"c"}', '1:20 enum-error kind kind：应为 "a"、"b" 之一，这里是文字 "c"'],
		['{"name":"a","kind":null}', '1:20 enum-error kind kind：应为 "a"、"b" 之一，这里是空值 null'],
		['{"name":"a","tags":[]}', '1:20 type-error tags tags：至少要有 1 项'],
		['{"name":"a","tags":["x","y","z"]}', '1:20 type-error tags tags：最多 2 项'],
		['{"name":"a","tags":{}}', '1:20 type-error tags tags：应为列表 [ ]，这里是对象 { }'],
		[
			'{"name":"a","tags":[true]}',
			'1:21 type-error tags.0 tags[0]：应为文字（用英文双引号括起来），这里是 true',
		],
		['{"name":[1]}', '1:9 type-error name name：应为文字（用英文双引号括起来），这里是列表 [ ]'],
		[
			'{"name":"a","zz":1,"yy":2}',
			'1:1 unknown-field 不认识的项 "zz"、"yy"：请检查拼写，不需要的项请删去（每一项的含义见数据字典）',
		],
		[
			'{"name":"a","items":[{"id":"1.1","max":-1}]}',
			'1:40 type-error items.0.max items[0].max（items[0] 是 id 为 "1.1" 的那一项）：应不小于 0，这里是数字 -1',
		],
		[
			'{"name":"a","items":[{"max":1}]}',
			'1:22 type-error items.0.id items[0].id：缺少这一项，应为文字（用英文双引号括起来）',
		],
	])('%s', (text, want) => {
		expect(problems(text)).toEqual([want]);
	});

	it('says a missing choice is empty, and an object where another type was expected', () => {
		const level = z.strictObject({
			level: z.enum(['x', 'y']),
			at: z.array(z.strictObject({ n: z.number() })),
		});
		expect(
			readJson(level, '{"at":[5]}', 'x.json').issues.map(
				(i) => `${i.line}:${i.column} ${i.code} ${i.message}`,
			),
		).toEqual([
			'1:1 enum-error level：应为 "x"、"y" 之一，这里是空的',
			'1:8 type-error at[0]：应为对象 { }，这里是数字 5',
		]);
		expect(readJson(level, '{"level":"x","at":[null]}', 'x.json').issues.map((i) => i.message)).toEqual([
			'at[0]：应为对象 { }，这里是空值 null',
		]);
	});

	it('reports every problem as an error', () => {
		expect(readJson(SCHEMA, '{"name":5}', 'x.json').issues.map((i) => i.severity)).toEqual(['error']);
		expect(readJson(SCHEMA, '[[[', 'x.json').issues.every((i) => i.severity === 'error')).toBe(true);
		expect(readJson(z.unknown(), '['.repeat(40), 'x.json').issues.map((i) => i.severity)).toEqual(['error']);
	});

	it('names the id of every listed item on the path, and not of an object that is no list item', () => {
		const nested = z.strictObject({
			meta: z.strictObject({ id: z.string(), n: z.number() }).optional(),
			items: z.array(
				z
					.strictObject({ id: z.string(), subs: z.array(z.strictObject({ id: z.string(), v: z.number() })) })
					.nullable(),
			),
		});
		const at = (text: string) => readJson(nested, text, 'x.json').issues.map((i) => i.message);
		expect(at('{"items":[{"id":"1","subs":[{"id":"1.1","v":"x"}]}]}')).toEqual([
			'items[0].subs[0].v（items[0] 是 id 为 "1" 的那一项；items[0].subs[0] 是 id 为 "1.1" 的那一项）：应为数字（不加引号），这里是文字 "x"',
		]);
		expect(at('{"meta":{"id":"m","n":"x"},"items":[]}')).toEqual([
			'meta.n：应为数字（不加引号），这里是文字 "x"',
		]);
		expect(at('{"items":[null, 5]}')).toEqual(['items[1]：应为对象 { }，这里是数字 5']);
	});

	it('names the id of each listed item the path passes through, and only a text id', () => {
		expect(problems('{"name":"a","items":[{"id":"1.1","max":1},{"id":7,"max":"x"}]}')).toEqual([
			'1:49 type-error items.1.id items[1].id：应为文字（用英文双引号括起来），这里是数字 7',
			'1:57 type-error items.1.max items[1].max：应为数字（不加引号），这里是文字 "x"',
		]);
	});

	it('places a problem on its own line of a file with CRLF or CR line ends', () => {
		for (const eol of ['\r\n', '\r', '\n'])
			expect(problems(`{${eol}"name": 5${eol}}`), JSON.stringify(eol)).toEqual([
				'2:9 type-error name name：应为文字（用英文双引号括起来），这里是数字 5',
			]);
	});

	it('returns the value when the schema accepts it', () => {
		const text = '{"name":"a","year":2024,"tags":["x"],"items":[{"id":"1.1","max":5}]}';
		expect(readJson(SCHEMA, text, 'x.json')).toEqual({ value: JSON.parse(text), issues: [] });
	});
});
