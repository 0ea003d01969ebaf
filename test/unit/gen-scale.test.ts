import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../../scripts/gen-scale.ts';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { diskFiles } from '../../src/loaders/data-dir.ts';
import { readFolder } from '../helpers/files.ts';

const work = mkdtempSync(join(tmpdir(), 'xy-gen-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run gen:scale', () => {
	it('writes a dataset in the real file formats that validates with 0 errors and keeps every row', () => {
		const out = join(work, 'small');
		// 12 quarters end at 2026-Q3: four rubric years, and a 公示 in December 2026 (the last year the calendar knows).
		const s = generateDataset({ units: 24, quarters: 12, exemplars: 60, commitments: 150, rows: 12, out });
		const d = validateDataset(diskFiles(out), 'gen/');
		expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect([s.firstQuarter, s.lastQuarter]).toEqual(['2023-Q4', '2026-Q3']);
		// And 2022's, which the demo's policy document copied here links to.
		expect([...d.rubrics.keys()].sort()).toEqual([2022, 2023, 2024, 2025, 2026]);
		expect(d.units).toHaveLength(24);
		expect(d.evidence).toHaveLength(s.evidence);
		expect(d.candidates).toHaveLength(60);
		expect(d.stories.size).toBe(60);
		expect(d.commitments).toHaveLength(150);
		expect(d.commitmentUpdates).toHaveLength(s.updates);
		expect(d.pledges).toHaveLength(s.pledges);
		expect(d.files.every((f) => f.rowsValid === f.rowsIn)).toBe(true);
	});
	it('is deterministic: the same arguments and seed write the same bytes, another seed other data', () => {
		const opts = { units: 8, quarters: 4, exemplars: 10, commitments: 20, rows: 5 };
		const folder = (name: string, seed?: number) => {
			generateDataset({ ...opts, seed, out: join(work, name) });
			return readFolder(join(work, name));
		};
		const [a, b, c] = [folder('a'), folder('b'), folder('c', 7)];
		expect([...b.keys()]).toEqual([...a.keys()]);
		for (const [path, bytes] of a) expect(Buffer.compare(bytes, b.get(path)!), path).toBe(0);
		expect(Buffer.compare(a.get('evidence/2026-Q3.csv')!, c.get('evidence/2026-Q3.csv')!)).not.toBe(0);
	});
});
