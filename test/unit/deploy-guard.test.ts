import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareSnapshots } from '../../scripts/lib/deploy-guard.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
// SHA-256 of "a" and of "b" (sha256sum of printf a / printf b).
const SHA_A = 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb';
const SHA_B = '3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d';

describe('the release snapshots online held to the new build before it goes out', () => {
	it('passes when every snapshot online reaches the new site byte for byte, new quarters or not', () => {
		const live = new Map([['2026-Q2.json', bytes('a')]]);
		const next = new Map([
			['2026-Q2.json', bytes('a')],
			['2026-Q3.json', bytes('b')],
		]);
		expect(compareSnapshots(live, next)).toEqual({ problems: [], allowed: [], checked: 1 });
	});

	it('refuses a snapshot changed (the latest quarter sealed again) or gone, in the quarters’ order, with the fingerprints', () => {
		const live = new Map([
			['2026-Q3.json', bytes('a')],
			['2026-Q2.json', bytes('a')],
			['2026-Q1.json', bytes('a')],
		]);
		const next = new Map([
			['2026-Q1.json', bytes('a')],
			['2026-Q3.json', bytes('b')],
		]);
		const r = compareSnapshots(live, next);
		expect(r.checked).toBe(1);
		expect(r.problems).toHaveLength(2);
		expect(r.problems[0]).toMatch(
			new RegExp(`^2026-Q2：发布快照在新构建的网站中不存在（网站上现有的结果指纹 ${SHA_A}）`),
		);
		expect(r.problems[1]).toMatch(
			new RegExp(`^2026-Q3：发布快照与网站上现有的不同（结果指纹 ${SHA_A} → ${SHA_B}）`),
		);
		expect(r.problems[1]).toContain('npm run release -- 2026-Q3 --correct');
	});

	it('lets through only the quarters named with --allow, and says so', () => {
		const live = new Map([
			['2026-Q2.json', bytes('a')],
			['2026-Q3.json', bytes('a')],
		]);
		const r = compareSnapshots(live, new Map(), new Set(['2026-Q3']));
		expect(r.problems.map((p) => p.slice(0, 8))).toEqual(['2026-Q2：']);
		expect(r.allowed).toEqual([
			`注意：2026-Q3 的发布快照在新构建的网站中不存在（网站上现有的结果指纹 ${SHA_A}）；已按 --allow 2026-Q3 放行。`,
		]);
	});

	it('holds only snapshots: corrections.csv and other files of the folder are not quarters', () => {
		const live = new Map([
			['corrections.csv', bytes('a')],
			['2026-Q3.json.bak', bytes('a')],
		]);
		expect(compareSnapshots(live, new Map())).toEqual({ problems: [], allowed: [], checked: 0 });
	});

	it(
		'npm run deploy:check exits 1 on a changed snapshot and 0 once it is the one online',
		{ timeout: 60_000 },
		() => {
			const work = mkdtempSync(join(tmpdir(), 'xy-deploy-'));
			const [live, out] = [join(work, 'live'), join(work, 'dist')];
			mkdirSync(live);
			mkdirSync(join(out, 'data', 'releases'), { recursive: true });
			writeFileSync(join(out, 'index.html'), '');
			writeFileSync(join(live, '2026-Q3.json'), 'a');
			writeFileSync(join(out, 'data', 'releases', '2026-Q3.json'), 'b');
			const run = () =>
				spawnSync(process.execPath, ['scripts/deploy-check.ts', live], {
					cwd: resolve(import.meta.dirname, '..', '..'),
					env: { ...process.env, OUT_DIR: out },
					encoding: 'utf8',
				});
			const refused = run();
			expect(refused.status).toBe(1);
			expect(refused.stderr).toContain('共 1 个已发布季度的快照被删去或改动，新构建的网站不能发布。');
			writeFileSync(join(out, 'data', 'releases', '2026-Q3.json'), 'a');
			const passed = run();
			expect(passed.status).toBe(0);
			expect(passed.stdout).toContain('已核对 1 个已发布季度的快照');
		},
	);
});
