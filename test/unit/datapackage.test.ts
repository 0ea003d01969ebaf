import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { buildDataPackage } from '../../src/lib/opendata/datapackage.ts';
import { fileFacts } from '../../src/lib/opendata/facts.ts';
import { fieldOf } from '../../src/lib/opendata/table-schema.ts';
import { rubricCsv, rubricCsvFields } from '../../src/lib/opendata/rubric.ts';
import { rubricSchema } from '../../src/schemas/rubric.ts';
import { unitTable } from '../../src/schemas/unit.ts';
import { pledgeTable } from '../../src/schemas/pledge.ts';
import { evidenceTable } from '../../src/schemas/evidence.ts';
import { candidateTable } from '../../src/schemas/candidate.ts';
import { checkPackage, type PackageDesc } from '../helpers/table-schema.ts';
import { fixtureText } from '../helpers/files.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const BOM = '\uFEFF';
const site = {
	name: '测试站',
	url: 'https://test.example',
	host: '测试信用办',
	email: 'office@test.example',
};
const rubric = rubricSchema.parse(JSON.parse(fixtureText('rubrics/2022.json')));

const UNITS_JSON = JSON.stringify([
	{
		id: 'a1',
		name: '区甲局',
		category: 'A',
		from: null,
		to: null,
		mergedInto: null,
		names: [{ name: '区甲局', from: null, to: null }],
	},
	{
		id: 't1',
		name: '甲镇',
		category: 'town',
		from: null,
		to: '2023-01-01',
		mergedInto: 'a1',
		names: [{ name: '甲镇', from: null, to: null }],
	},
]);
const UNITS_CSV = `${BOM}id,name,category,from,to,mergedInto,names\r\na1,区甲局,A,,,,区甲局（～）\r\nt1,甲镇,town,,2023-01-01,a1,甲镇（～）\r\n`;

/** A package of the two units files, as the build makes it. */
function unitsPackage(json = UNITS_JSON, csv = UNITS_CSV) {
	const files = new Map([
		['units.json', enc(json)],
		['units.csv', enc(csv)],
	]);
	const facts = new Map([...files].map(([path, body]) => [path, fileFacts(body)]));
	const pkg = buildDataPackage({ site, asOf: '2026-11-22', rubrics: [rubric], files: facts });
	return { pkg: pkg as unknown as PackageDesc, read: (p: string) => files.get(p) };
}

describe('fields made from the column definitions', () => {
	it('publishes enumerations as their codes, with the Chinese header as title and each code’s Chinese word as its category label', () => {
		expect(fieldOf(unitTable.columns[1], 'json')).toEqual({
			name: 'category',
			title: '类别',
			description:
				'评价类别（淮信用办〔2022〕6号 三(一)）：镇街、园区、A类、B类。取值：town（镇街）、park（园区）、A（A类）、B（B类）',
			type: 'string',
			example: 'A',
			constraints: { enum: ['town', 'park', 'A', 'B'], required: true },
			categories: [
				{ value: 'town', label: '镇（街道）' },
				{ value: 'park', label: '园区' },
				{ value: 'A', label: 'A类部门' },
				{ value: 'B', label: 'B类部门' },
			],
		});
	});
	it('makes a multi-valued cell a JSON array with allowed items, and a "、"-separated list in CSV', () => {
		const kinds = pledgeTable.columns.find((c) => c.key === 'kinds')!;
		expect(fieldOf(kinds, 'json')).toMatchObject({
			type: 'array',
			example: '["safety","environment"]',
			constraints: {
				required: true,
				jsonSchema: {
					type: 'array',
					minItems: 1,
					items: { type: 'string', enum: ['safety', 'environment', 'tax'] },
				},
			},
		});
		expect(fieldOf(kinds, 'csv')).toMatchObject({
			type: 'list',
			delimiter: '、',
			example: 'safety、environment',
		});
	});
});

describe('field examples', () => {
	it('are strings, as the Table Schema v2 profile the package names in $schema requires', () => {
		// The profile (https://datapackage.org/profiles/2.0/tableschema.json) types `example` as a string for every field
		// type: the demo's datapackage.json failed it with `"example": 1` (evidence count), `2022` (exemplar year) and
		// `["safety", "environment"]` (pledge kinds).
		const count = evidenceTable.columns.find((c) => c.key === 'count')!;
		const year = candidateTable.columns.find((c) => c.key === 'year')!;
		expect(fieldOf(count, 'json').example).toBe('1');
		expect(fieldOf(count, 'csv').example).toBe('1');
		expect(fieldOf(year, 'json').example).toBe('2022');
		const tables = [unitTable, evidenceTable, candidateTable, pledgeTable];
		for (const t of tables)
			for (const c of t.columns)
				for (const form of ['json', 'csv'] as const) {
					const e = fieldOf(c, form).example;
					expect(e === undefined || typeof e === 'string', `${t.name}.${c.key} (${form})`).toBe(true);
				}
	});
});

describe('the data package builder', () => {
	it('describes each rendered file with its size, SHA-256, schema, primary key and foreign keys', () => {
		const { pkg } = unitsPackage();
		expect(pkg.resources.map((r) => [r.name, r.path, r.format])).toEqual([
			['units', 'units.json', 'json'],
			['units-csv', 'units.csv', 'csv'],
		]);
		const csv = pkg.resources[1];
		expect(csv.bytes).toBe(enc(UNITS_CSV).length);
		expect(csv.hash).toBe(`sha256:${createHash('sha256').update(UNITS_CSV).digest('hex')}`);
		expect(csv.schema.fields.map((f) => f.name)).toEqual([
			'id',
			'name',
			'category',
			'from',
			'to',
			'mergedInto',
			'names',
		]);
		expect(csv.schema.primaryKey).toEqual(['id']);
		expect(csv.schema.foreignKeys).toEqual([{ fields: ['mergedInto'], reference: { fields: ['id'] } }]);
		expect(pkg.homepage).toBe('https://test.example/data/');
	});
	it('lists a family’s files by quarter, and bounds a result’s score to 0～100 and its rank from 1', () => {
		const files = new Map(
			['grades/2024-Q2.json', 'grades/2024-Q1.json', 'grades/2024-Q2.csv', 'grades/2024-Q1.csv'].map((p) => [
				p,
				fileFacts(enc('[]')),
			]),
		);
		const pkg = buildDataPackage({ site, asOf: '2026-11-22', rubrics: [rubric], files });
		expect(pkg.resources.map((r) => r.path)).toEqual([
			'grades/2024-Q1.json',
			'grades/2024-Q1.csv',
			'grades/2024-Q2.json',
			'grades/2024-Q2.csv',
		]);
		const field = (name: string) => pkg.resources[0].schema.fields.find((f) => f.name === name)!.constraints;
		expect([field('score'), field('rank')]).toEqual([
			{ required: true, minimum: 0, maximum: 100 },
			{ required: true, minimum: 1 },
		]);
	});
	it('describes each quarter’s CSV results with the indicators of that quarter’s own rubric, and each file by its format', () => {
		// 2023's rubric: 2022's without 1.3, and with a new 6.1.
		const r2023 = {
			...rubric,
			year: 2023,
			indicators: [
				...rubric.indicators.filter((i) => i.id !== '1.3'),
				{ ...rubric.indicators[0], id: '6.1', title: '新增指标' },
			],
		};
		const files = new Map(
			['grades/2022-Q4.csv', 'grades/2023-Q1.csv', 'grades/2023-Q1.json'].map((p) => [
				p,
				fileFacts(enc('[]')),
			]),
		);
		const pkg = buildDataPackage({ site, asOf: '2026-11-22', rubrics: [r2023, rubric], files });
		const indicators = (path: string) =>
			pkg.resources
				.find((r) => r.path === path)!
				.schema.fields.map((f) => f.name)
				.filter((n) => n.startsWith('points.'));
		expect(indicators('grades/2022-Q4.csv')).toContain('points.1.3');
		expect(indicators('grades/2022-Q4.csv')).not.toContain('points.6.1');
		expect(indicators('grades/2023-Q1.csv')).toEqual([
			...rubric.indicators.filter((i) => i.id !== '1.3').map((i) => `points.${i.id}`),
			'points.6.1',
		]);
		expect(pkg.resources.map((r) => [r.path, r.format, r.mediatype])).toEqual([
			['grades/2022-Q4.csv', 'csv', 'text/csv'],
			['grades/2023-Q1.json', 'json', 'application/json'],
			['grades/2023-Q1.csv', 'csv', 'text/csv'],
		]);
	});
	it('leaves out files this build did not render', () => {
		expect(unitsPackage().pkg.resources.some((r) => r.name.startsWith('grades'))).toBe(false);
	});
});

describe('the Table Schema checker used by the e2e test', () => {
	it('passes files that match their descriptions', () => {
		const { pkg, read } = unitsPackage();
		expect(checkPackage(pkg, read).problems).toEqual([]);
	});
	it('reports a value outside the enumeration, a wrong type and a dangling foreign key', () => {
		const bad = UNITS_JSON.replace('"category":"A"', '"category":"A类"')
			.replace('"to":"2023-01-01"', '"to":"2023/01/01"')
			.replace('"mergedInto":"a1"', '"mergedInto":"zz"');
		const { pkg, read } = unitsPackage(bad);
		const problems = checkPackage(pkg, read).problems.map((p) => p.replace(/:.*/, ''));
		expect(problems).toEqual(['units 第 1 行 category', 'units 第 2 行 to', 'units 第 2 行 mergedInto']);
	});
	it('reports a CSV without BOM, a header that differs and a repeated primary key', () => {
		const { pkg, read } = unitsPackage(
			UNITS_JSON,
			'id,category,name,from,to,mergedInto,names\r\na1,A,区甲局,,,,x\r\na1,A,区甲局,,,,x\r\n',
		);
		// The package was built from these bytes, so size and hash match; the content does not.
		expect(checkPackage(pkg, read).problems).toEqual([
			'units-csv: CSV 没有 UTF-8 BOM',
			'units-csv: 表头 id,category,name,from,to,mergedInto,names 与字段 id,name,category,from,to,mergedInto,names 不一致',
			'units-csv 第 2 行 id: 主键 ["a1"] 重复',
		]);
	});
	it('reports a file changed after the package was made', () => {
		const { pkg } = unitsPackage();
		const other = new Map([
			['units.json', enc(UNITS_JSON.replace('甲镇', '乙镇'))],
			['units.csv', enc(UNITS_CSV)],
		]);
		expect(checkPackage(pkg, (p) => other.get(p)).problems).toEqual(['units: hash 不符']);
	});
});

describe('the rubric CSV twin', () => {
	it('has one row per indicator with the rule flattened into columns', () => {
		expect(rubricCsvFields().map((f) => f.name)).toEqual([
			'id',
			'group',
			'title',
			'description',
			'max',
			'appliesTo',
			'method',
			'assessor',
			'rule.kind',
			'rule.deduction.per',
			'rule.deduction.what',
			'rule.validQuarters',
			'rule.per',
			'rule.cap',
			'rule.source',
			'rule.step',
			'rule.households',
			'rule.base',
			'interpretation',
		]);
		const csv = rubricCsv(rubric);
		expect(csv.startsWith(BOM)).toBe(true);
		const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
			header: true,
			skipEmptyLines: true,
		}).data;
		expect(rows).toHaveLength(14);
		expect(rows[0]).toMatchObject({
			id: '1.1',
			max: '10',
			appliesTo: 'town、park、A、B',
			'rule.kind': 'done',
			'rule.deduction.per': '10',
			'rule.per': '',
		});
		// 5.2 counts pledges: 0.5 per enterprise, at most 5, valid four quarters.
		expect(rows.find((r) => r.id === '5.2')).toMatchObject({
			'rule.kind': 'perItem',
			'rule.per': '0.5',
			'rule.cap': '5',
			'rule.source': 'pledges',
			'rule.validQuarters': '4',
		});
	});
});
