import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { dataDictionary, withDictionary } from '../../src/lib/opendata/dictionary.ts';
import { INPUT_TABLES } from '../../src/lib/validate/tables.ts';

const DOC = resolve(import.meta.dirname, '..', '..', 'src', 'docs', 'data-dictionary.md');
const DATA = resolve(import.meta.dirname, '..', '..', 'data');

/** Every .csv file under a folder, relative to it. */
function csvFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const f = join(d, name);
			if (statSync(f).isDirectory()) walk(f);
			else if (name.endsWith('.csv')) out.push(relative(dir, f).replace(/\\/g, '/'));
		}
	};
	walk(dir);
	return out;
}

describe('the data dictionary', () => {
	it('describes every file the office keeps, by a list written here rather than the one it is made from', () => {
		expect(dataDictionary().map((e) => e.path)).toEqual([
			'units.csv',
			'unit-names.csv',
			'evidence/<年>-Q<季>.csv',
			'releases/releases.csv',
			'releases/corrections.csv',
			'dishonesty.csv',
			'exemplars/candidates.csv',
			'exemplars/reviews.csv',
			'exemplars/notices.csv',
			'exemplars/events.csv',
			'commitments/commitments.csv',
			'commitments/updates.csv',
			'pledges.csv',
			'objections.csv',
			'calendar/<年>.csv',
			'policies/policies.csv',
			'site.json',
			'rubrics/<年>.json',
			'releases/<年>-Q<季>.json',
			'exemplars/stories/<编号>.mdx',
			'exemplars/photos/',
			'policies/<编号>.mdx',
		]);
	});

	it('gives exactly the header row of every CSV file of the demo data and of every blank template', () => {
		const entries = dataDictionary();
		/** The dictionary entry a file under data/ belongs to: its path with the varying part as in the entry. */
		const entryFor = (rel: string) =>
			entries.find(
				(e) =>
					e.path ===
					rel
						.replace(/^evidence\/\d{4}-Q[1-4]\.csv$/, 'evidence/<年>-Q<季>.csv')
						.replace(/^calendar\/\d{4}\.csv$/, 'calendar/<年>.csv'),
			);
		const header = (file: string) =>
			readFileSync(file, 'utf8')
				.replace(/^\uFEFF/, '')
				.split(/\r?\n/)[0]
				.split(',');
		const seen = new Set<string>();
		for (const rel of csvFiles(DATA).filter((f) => !f.startsWith('templates/'))) {
			const entry = entryFor(rel);
			expect(
				entry?.columns?.map((c) => c.header),
				rel,
			).toEqual(header(join(DATA, rel)));
			seen.add(entry!.name);
		}
		// Every table the demo data has a file for (the calendar has none: chinese-days knows the demo's years).
		expect([...seen].sort()).toEqual(
			INPUT_TABLES.map((t) => t.name)
				.filter((n) => n !== 'calendar')
				.sort(),
		);
		// A blank template is named for its table (templates/evidence.csv, templates/commitment-updates.csv …).
		for (const rel of csvFiles(join(DATA, 'templates'))) {
			const entry = entries.find((e) => e.name === rel.replace(/\.csv$/, ''));
			expect(
				entry?.columns?.map((c) => c.header),
				`templates/${rel}`,
			).toEqual(header(join(DATA, 'templates', rel)));
		}
	});

	it('shows a column the way the office types it', () => {
		const units = dataDictionary().find((e) => e.name === 'units')!;
		expect(units.columns![1]).toEqual({
			header: '类别',
			key: 'category',
			type: '选项',
			values:
				'镇街（town；也可写 镇、街道、镇（街道）、镇(街道)）、园区（park）、A类（A；也可写 A类部门、a）、B类（B；也可写 B类部门、b）',
			required: true,
			doc: '评价类别（淮信用办〔2022〕6号 三(一)）：镇街、园区、A类、B类',
			example: 'A类',
		});
		expect(units.exampleCsv).toBe('单位编号,类别,设立日期,撤销日期,并入单位,备注\nfgw,A类,2023-10-01,,,');
		const evidence = dataDictionary().find((e) => e.name === 'evidence')!;
		expect(evidence.columns!.find((c) => c.key === 'count')!.type).toBe('整数（0～10000）');
		expect(evidence.codes).toEqual(expect.arrayContaining(['kind-mismatch', 'full-width', 'csv-quote']));
	});

	it('is up to date in src/docs/data-dictionary.md (run npm run docs after changing a schema)', () => {
		const doc = readFileSync(DOC, 'utf8');
		expect(doc).toContain('# 数据字典 · Data dictionary');
		expect(
			withDictionary(doc) === doc,
			'src/docs/data-dictionary.md 中的数据字典不是最新的：请运行 npm run docs',
		).toBe(true);
	});
});
