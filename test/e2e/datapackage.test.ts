import { beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
	checkPackage,
	type LoadedTable,
	type PackageDesc,
	type ResourceDesc,
} from '../helpers/table-schema.ts';
import { TWIN_SUFFIX, twinPath } from '../../src/lib/opendata/twin.ts';

/**
 * The open-data files of SPEC "Public URLs and open data", with the field names SPEC fixes. SPEC allows more fields,
 * never fewer: each list must be a subset of the resource's described fields, in both the JSON file and its CSV twin.
 */
const SPEC_FIELDS: Record<string, string[]> = {
	units: ['id', 'name', 'category', 'names'],
	rubric: ['id', 'group', 'title', 'max', 'appliesTo'],
	grades: ['id', 'name', 'category', 'score', 'grade', 'rank', 'change', 'maxPoints', 'overrides'],
	exemplars: [
		'id',
		'year',
		'name',
		'gender',
		'unit',
		'position',
		'category',
		'status',
		'noticeStart',
		'noticeEnd',
		'recognizedOn',
		'revokedOn',
		'revokedReason',
		'title',
		'summary',
	],
	commitments: ['id', 'unitId', 'category', 'content', 'madeOn', 'dueBy', 'status', 'overdue', 'fulfilledOn'],
	pledges: ['id', 'enterprise', 'uscc', 'kinds', 'signedOn', 'unitId'],
};

let dist: string;
let pkg: PackageDesc;
let tables: Map<string, LoadedTable>;
let problems: string[];
const resource = (name: string) => pkg.resources.find((r) => r.name === name);
const fieldNames = (r: ResourceDesc) => r.schema.fields.map((f) => f.name);

beforeAll(() => {
	dist = join(inject('distDir'), 'data');
	pkg = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')) as PackageDesc;
	const read = (p: string) =>
		existsSync(join(dist, p)) ? new Uint8Array(readFileSync(join(dist, p))) : undefined;
	({ problems, tables } = checkPackage(pkg, read));
});

/** Every .json and .csv file under dist/data, relative to it. */
function openDataFiles(): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const n of readdirSync(d)) {
			const f = join(d, n);
			if (statSync(f).isDirectory()) walk(f);
			else if (/\.(json|csv)$/.test(n)) out.push(relative(dist, f));
		}
	};
	walk(dist);
	return out.filter((f) => f !== 'datapackage.json').sort();
}

describe('/data/datapackage.json', () => {
	it('is a Data Package v2 whose resources are exactly the open-data files of the build', () => {
		expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
		// The Chinese twins (`…-中文.csv`) are views of a described CSV file, not resources of their own: every other
		// file is a resource, and every CSV resource, and nothing else, has its twin beside it.
		const files = openDataFiles();
		const twins = files.filter((f) => f.endsWith(`${TWIN_SUFFIX}.csv`));
		const paths = pkg.resources.map((r) => r.path);
		expect(paths.sort()).toEqual(files.filter((f) => !twins.includes(f)));
		expect(twins.sort()).toEqual(
			paths
				.filter((p) => p.endsWith('.csv'))
				.map(twinPath)
				.sort(),
		);
		expect(new Set(pkg.resources.map((r) => r.name)).size).toBe(pkg.resources.length);
	});

	it('describes every file SPEC lists, JSON and CSV twin, with the fields SPEC fixes', () => {
		const years = readdirSync(join(dist, 'rubrics'))
			.filter((f) => f.endsWith('.json'))
			.map((f) => f.slice(0, 4));
		const quarters = readdirSync(join(dist, 'grades'))
			.filter((f) => f.endsWith('.json'))
			.map((f) => f.slice(0, 7));
		expect(years.length).toBeGreaterThan(0);
		expect(quarters.length).toBeGreaterThan(0);
		const expected: [string, string[]][] = [
			['units', SPEC_FIELDS.units],
			...years.map((y): [string, string[]] => [`rubric-${y}`, SPEC_FIELDS.rubric]),
			...quarters.map((q): [string, string[]] => [`grades-${q.toLowerCase()}`, SPEC_FIELDS.grades]),
			['exemplars', SPEC_FIELDS.exemplars],
			['incentive-list', SPEC_FIELDS.exemplars],
			['commitments', SPEC_FIELDS.commitments],
			['pledges', SPEC_FIELDS.pledges],
		];
		for (const [name, fields] of expected)
			for (const twin of [name, `${name}-csv`]) {
				const r = resource(twin);
				expect(r, `资源 ${twin}`).toBeDefined();
				expect(fieldNames(r!), twin).toEqual(expect.arrayContaining(fields));
			}
		// grades: the JSON has points per indicator as an object, the CSV one column per indicator.
		expect(fieldNames(resource(`grades-${quarters[0].toLowerCase()}`)!)).toContain('points');
		expect(fieldNames(resource(`grades-${quarters[0].toLowerCase()}-csv`)!)).toContain('points.1.1');
	});

	it('gives the allowed values, primary keys and foreign keys of the SPEC', () => {
		const enumOf = (r: string, f: string) =>
			resource(r)!.schema.fields.find((x) => x.name === f)!.constraints?.enum;
		expect(enumOf('units', 'category')).toEqual(['town', 'park', 'A', 'B']);
		expect(enumOf('grades-2023-q4', 'grade')).toEqual(['red', 'blue', 'yellow']);
		expect(enumOf('exemplars', 'status')).toEqual(['publicizing', 'recognized', 'revoked']);
		expect(enumOf('commitments-csv', 'status')).toEqual(['in-progress', 'fulfilled', 'changed', 'broken']);
		const fk = (r: string) =>
			resource(r)!.schema.foreignKeys!.map(
				(k) => `${k.fields}→${k.reference.resource ?? r}.${k.reference.fields}`,
			);
		expect(resource('units')!.schema.primaryKey).toEqual(['id']);
		expect(fk('grades-2023-q4')).toContain('id→units.id');
		expect(fk('grades-2023-q4-csv')).toContain('id→units-csv.id');
		expect(fk('commitments')).toContain('unitId→units.id');
		expect(fk('pledges')).toContain('unitId→units.id');
		expect(fk('pledges-csv')).toContain('unitId→units-csv.id');
		expect(fk('incentive-list')).toContain('id→exemplars.id');
		expect(fk('evidence-2023-q4')).toEqual(['unitId→units.id', 'indicatorId→rubric-2023.id']);
	});

	it('matches every file: size and hash, field names, types, constraints, primary keys and foreign keys', () => {
		expect(problems).toEqual([]);
		// Not vacuous: every resource was read and the big tables have their rows.
		expect(tables.size).toBe(pkg.resources.length);
		expect(tables.get('units')!.rows.length).toBeGreaterThan(50);
		expect(tables.get('grades-2023-q4-csv')!.rows.length).toBeGreaterThan(50);
	});

	it('has CSV twins with the same rows as their JSON files, in UTF-8 with a BOM', () => {
		for (const r of pkg.resources.filter((r) => r.format === 'csv')) {
			const json = tables.get(r.name.replace(/-csv$/, ''))!;
			const csv = tables.get(r.name)!;
			const pk = r.schema.primaryKey!;
			const keys = (t: LoadedTable) => t.rows.map((row) => pk.map((k) => row[k]).join('/'));
			expect(keys(csv), r.name).toEqual(keys(json));
			expect([...readFileSync(join(dist, r.path)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		}
	});
});
