/**
 * The benchmark's peak memory (scripts/lib/bench/stage.ts): what a build's processes hold at one moment, added up
 * across the stages running side by side, not each stage's own peak.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { peakTogether, sampleTreeRss, type Ran } from '../../scripts/lib/bench/stage.ts';

/** A child that holds `mb` MB (every page touched) for `ms` milliseconds, then exits. */
const hold = (mb: number, ms: number) =>
	new Promise<void>((done) =>
		spawn(process.execPath, [
			'-e',
			`const b = Buffer.alloc(${mb} * 1024 * 1024, 1); setTimeout(() => b.length, ${ms})`,
		]).on('close', () => done()),
	);

describe('peak memory of a build', () => {
	it('adds up the processes running at the same moment, and not those that ran one after the other', async () => {
		const together = sampleTreeRss(process.pid, 50);
		await Promise.all([hold(150, 1500), hold(150, 1500)]);
		const both = together.stop()!;
		const apart = sampleTreeRss(process.pid, 50);
		await hold(150, 1500);
		await hold(150, 1500);
		const one = apart.stop()!;
		// 150 MB each plus Node's own 30–60 MB
		expect(both).toBeGreaterThanOrEqual(300);
		expect(one).toBeGreaterThanOrEqual(150);
		expect(one).toBeLessThan(300);
	});

	it('counts, as the upper bound, each stage at its own peak while it overlaps another', () => {
		const ran = (from: number, to: number, peakMB: number): Ran => ({
			stage: { seconds: (to - from) / 1000, peakMB, cpuSeconds: 0 },
			stdout: '',
			from,
			to,
		});
		// b and c overlap (500 + 300); a ran before them alone
		expect(peakTogether([ran(0, 10, 600), ran(10, 30, 500), ran(20, 40, 300)])).toBe(800);
	});
});
