/**
 * A journalist's check on the demo site: every published score, grade, override and rank is recomputed from the
 * published open-data files alone, with the independent implementation in `test/helpers/recompute.ts` (exact integer
 * rounding, the 失信 caps as the methodology page states them). The small site of `rules-site.test.ts` runs the same
 * check on a score where the exact rule and the float formula disagree.
 */
import { describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
