/**
 * A journalist's check on the demo site: every published score, grade, override and rank is recomputed from the
 * published open-data files alone, with the independent implementation in `test/helpers/recompute.ts` (exact integer
 * rounding, the 失信 caps as the methodology page states them). The small site of `rules-site.test.ts` runs the same
 * check on a score where the exact rule and the float formula disagree.
 */
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exactScore, floatScore, recomputeSite, recomputeWithSiteModule } from '../helpers/recompute.ts';
import { recompute, verdictText } from '../../src/lib/recompute/recompute.ts';

describe('open data is enough to recompute every published result', () => {
	it('recomputes score, grade, override, rank and change of every unit in every quarter', () => {
		const r = recomputeSite(inject('distDir'));
		expect(r.mismatches).toEqual([]);
		expect(r.checked).toBeGreaterThan(400);
	});

	it('gives every published result from the open data with the site’s scoring module and its open-data adapter (what 复算 runs)', () => {
		const r = recomputeWithSiteModule(inject('distDir'));
		expect(r.mismatches).toEqual([]);
		expect(r.checked).toBeGreaterThan(400);
	});

	it('rounds exactly where floating point would not: 2.01 of 20 is 10.05, published 10.1 (the float formula says 10.0)', () => {
		expect(exactScore([2.01], 20)).toBe(10.1);
		expect(floatScore([2.01], 20)).toBe(10);
		expect(exactScore([16.99], 20)).toBe(85);
		expect(exactScore([-5, 2], 95)).toBe(0);
	});
});

describe('npm run recompute on a published grades file changed by someone, its hash in the data package updated too', () => {
	type Grades = { units: { id: string; name: string; category: string; change: number | null }[] };
	/** The demo's open data as served, but `grades/2023-Q2.json` edited by `edit` and re-hashed in the data package. */
	const tampered = (edit: (g: Grades) => void) => {
		const data = join(inject('distDir'), 'data');
		const g = JSON.parse(readFileSync(join(data, 'grades/2023-Q2.json'), 'utf8')) as Grades;
		edit(g);
		const grades = new TextEncoder().encode(JSON.stringify(g, null, 1));
		const pkg = JSON.parse(readFileSync(join(data, 'datapackage.json'), 'utf8')) as {
			resources: { path: string; hash: string }[];
		};
		pkg.resources.find((r) => r.path === 'grades/2023-Q2.json')!.hash =
			`sha256:${createHash('sha256').update(grades).digest('hex')}`;
		const files: Record<string, Uint8Array> = {
			'grades/2023-Q2.json': grades,
			'datapackage.json': new TextEncoder().encode(JSON.stringify(pkg)),
		};
		return async (path: string) => files[path] ?? new Uint8Array(readFileSync(join(data, path)));
	};
	const unit = (g: Grades, id: string) => g.units.find((u) => u.id === id)!;

	it('agrees with the file as published', async () => {
		expect(
			verdictText(
				await recompute(
					'2023-Q2',
					'cqz',
					tampered(() => {}),
				),
			),
		).toBe('与公布结果一致');
	});

	it('says so when the unit’s category, its name of that quarter or its change since the quarter before is not what the data gives', async () => {
		const r = await recompute(
			'2023-Q2',
			'cqz',
			tampered((g) => {
				const u = unit(g, 'cqz');
				u.category = 'park';
				u.name = '假镇';
				u.change = (u.change ?? 0) + 5;
			}),
		);
		expect(r.differences.map((d) => d.what)).toEqual(['名称（该季度时）', '类别', '与上季度（2023-Q1）相比']);
		expect(r.differences[1]).toEqual({ what: '类别', published: '园区', recomputed: '镇街' });
	});

	it('says so when the unit’s rank in its category is not what the data gives', async () => {
		let rank = 0;
		const r = await recompute(
			'2023-Q2',
			'cqz',
			tampered((g) => {
				const u = unit(g, 'cqz') as Grades['units'][number] & { rank: number };
				rank = u.rank;
				u.rank += 1;
			}),
		);
		expect(r.differences).toEqual([
			{ what: '类内排名', published: String(rank + 1), recomputed: String(rank) },
		]);
	});

	it('says so when another unit of the quarter is left out of the file, which moves the ranks', async () => {
		const r = await recompute(
			'2023-Q2',
			'cqz',
			tampered((g) => {
				g.units = g.units.filter((u) => u.id !== 'fjz');
			}),
		);
		expect(r.differences).toContainEqual({
			what: '本季度被评价的单位',
			published: '缺少 fjz',
			recomputed: 'fjz',
		});
	});
});

describe('npm run recompute, the command', () => {
	const root = resolve(import.meta.dirname, '..', '..');
	// Each run reads the quarter's files and scores them: about a second alone, sized for a loaded machine.
	const cli = (data: string) =>
		spawnSync('node', ['scripts/recompute.ts', '2023-Q2', 'cqz', '--data', data], {
			cwd: root,
			encoding: 'utf8',
			timeout: 60_000,
		});

	it(
		'exits 0 on the files as published, in a folder or at a site’s address written without its last slash; 1 on a changed file',
		{ timeout: 180_000 },
		() => {
			const data = join(inject('distDir'), 'data');
			for (const from of [data, `${inject('baseUrl')}/data`]) {
				const r = cli(from);
				expect(r.status, `${from}: ${r.stderr}`).toBe(0);
				expect(r.stdout.trim().split('\n').at(-1)).toBe('结论：与公布结果一致');
			}
			// cqz's published score raised by 1 in a copy of the folder: the command says so and exits 1.
			const work = mkdtempSync(join(tmpdir(), 'xy-recompute-'));
			try {
				cpSync(data, work, { recursive: true });
				const file = join(work, 'grades', '2023-Q2.json');
				const g = JSON.parse(readFileSync(file, 'utf8')) as { units: { id: string; score: number }[] };
				g.units.find((u) => u.id === 'cqz')!.score += 1;
				writeFileSync(file, JSON.stringify(g));
				const r = cli(work);
				expect(r.status, r.stderr).toBe(1);
				expect(r.stdout).toContain('结论：与公布结果不一致');
			} finally {
				rmSync(work, { recursive: true, force: true });
			}
		},
	);
});
