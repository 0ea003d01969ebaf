import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataDictionary, withDictionary } from '../../src/lib/opendata/dictionary.ts';
import { INPUT_TABLES } from '../../src/lib/validate/tables.ts';

const README = resolve(import.meta.dirname, '..', '..', 'README.md');

describe('the data dictionary', () => {
	it('has every input table with every column, and the other input files', () => {
		const entries = dataDictionary();
		for (const t of INPUT_TABLES)
			expect(entries.find((e) => e.name === t.name)?.columns?.map((c) => c.key)).toEqual(
				t.columns.map((c) => c.key),
			);
		expect(entries.map((e) => e.path)).toEqual(
			expect.arrayContaining([
				'site.json',
				'rubrics/<年>.json',
				'exemplars/stories/<编号>.mdx',
				'evidence/<年>-Q<季>.csv',
			]),
		);
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

	it('is up to date in README.md (run npm run docs after changing a schema)', () => {
		const readme = readFileSync(README, 'utf8');
		expect(readme).toContain('## 数据字典 · Data dictionary');
		expect(withDictionary(readme) === readme, 'README.md 中的数据字典不是最新的：请运行 npm run docs').toBe(
			true,
		);
	});
});
