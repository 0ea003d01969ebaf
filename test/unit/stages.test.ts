/**
 * The build's stage runner (scripts/stages.ts): a stage starts only after the stages it reads have passed, no more
 * run at once than allowed, and a failure stops the build only once the stages already running have ended.
 */
import { describe, expect, it } from 'vitest';
import { buildStages, NODE_FLAGS, runStages, type BuildStage } from '../../scripts/stages.ts';

const stage = (key: string, after: string[] = []): BuildStage => ({
	key,
	label: key,
	command: '',
	args: [],
	after,
});

/** Runs the stages with hand-controlled finishing: `finish(key)` / `fail(key)` settle a started stage. */
function controlled(stages: BuildStage[], jobs: number) {
	const log: string[] = [];
	const settle = new Map<string, { ok: () => void; no: (e: Error) => void }>();
	const done = runStages(
		stages,
		(s) =>
			new Promise<string>((ok, no) => {
				log.push(`start ${s.key}`);
				settle.set(s.key, {
					ok: () => {
						log.push(`end ${s.key}`);
						ok(s.key.toUpperCase());
					},
					no,
				});
			}),
		jobs,
	);
	const tick = () => new Promise((r) => setTimeout(r, 0));
	return {
		log,
		done,
		finish: async (key: string) => {
			settle.get(key)!.ok();
			await tick();
		},
		fail: async (key: string) => {
			settle.get(key)!.no(new Error(`${key} failed`));
			await tick();
		},
		tick,
	};
}

describe('runStages', () => {
	it('starts a stage once the stages it reads have passed, two at a time, ready ones in list order', async () => {
		const r = controlled(
			[
				stage('v'),
				stage('s', ['v']),
				stage('e', ['v']),
				stage('g', ['s']),
				stage('a', ['v']),
				stage('b', ['s', 'e', 'g', 'a']),
			],
			2,
		);
		await r.tick();
		expect(r.log).toEqual(['start v']);
		await r.finish('v');
		// s, e and a are ready; two slots: s and e.
		expect(r.log.slice(2)).toEqual(['start s', 'start e']);
		await r.finish('s');
		// g (needs s) comes before a in the list.
		expect(r.log.slice(4)).toEqual(['end s', 'start g']);
		await r.finish('g');
		expect(r.log.slice(6)).toEqual(['end g', 'start a']);
		await r.finish('a');
		// b still waits for e.
		expect(r.log.slice(8)).toEqual(['end a']);
		await r.finish('e');
		expect(r.log.slice(9)).toEqual(['end e', 'start b']);
		await r.finish('b');
		expect(Object.fromEntries(await r.done)).toEqual({ v: 'V', s: 'S', e: 'E', g: 'G', a: 'A', b: 'B' });
	});

	it('runs one at a time on one core', async () => {
		const r = controlled([stage('v'), stage('s', ['v']), stage('e', ['v'])], 1);
		await r.tick();
		await r.finish('v');
		expect(r.log).toEqual(['start v', 'end v', 'start s']);
		await r.finish('s');
		await r.finish('e');
		expect(r.log).toEqual(['start v', 'end v', 'start s', 'end s', 'start e', 'end e']);
		await r.done;
	});

	it('on a failure starts nothing more, and rejects only after the stages running beside it have ended', async () => {
		const r = controlled(
			[stage('v'), stage('s', ['v']), stage('e', ['v']), stage('a', ['v']), stage('b', ['s'])],
			2,
		);
		let settled = false;
		const outcome = r.done.then(
			() => 'passed',
			(e: Error) => e.message,
		);
		void outcome.then(() => (settled = true));
		await r.tick();
		await r.finish('v');
		await r.fail('s');
		// e is still running: not settled yet, and neither a nor b has started.
		expect(settled).toBe(false);
		expect(r.log).toEqual(['start v', 'end v', 'start s', 'start e']);
		await r.finish('e');
		expect(await outcome).toBe('s failed');
		expect(r.log).toEqual(['start v', 'end v', 'start s', 'start e', 'end e']);
	});

	it('refuses a stage that waits for a stage that does not exist', async () => {
		await expect(runStages([stage('v'), stage('x', ['nope'])], async () => 0, 2)).rejects.toThrow(
			'这些构建阶段等待的阶段不存在：x',
		);
	});

	it("tells which of the build's stages can never run beside another", async () => {
		const alone: Record<string, boolean> = {};
		await runStages(buildStages('/p', '/p/dist'), async (s, a) => void (alone[s.key] = a), 2);
		expect(alone).toEqual({
			validate: true,
			score: false,
			evidenceData: false,
			gradesData: false,
			account: false,
			astroBuild: true,
			// The Chinese twins of the open data's CSV files beside the pages, in the background: Astro still prints as
			// it goes. Then the search index, the open data put into the site, and the check of what reached it.
			twinData: false,
			pagefind: true,
			publishData: true,
			verifyPublished: true,
		});
	});

	it('runs every Node stage, Astro included, with the same V8 flags', () => {
		const stages = buildStages('/p', '/p/dist');
		const node = stages.filter((s) => s.command === process.execPath);
		// Pagefind's binary too, through the script that names the pages it reads.
		expect(node.map((s) => s.key)).toEqual(stages.map((s) => s.key));
		for (const s of node) expect(s.args.slice(0, NODE_FLAGS.length)).toEqual(['--max-semi-space-size=32']);
		expect(stages.find((s) => s.key === 'astroBuild')!.args.slice(1)).toEqual([
			'/p/node_modules/astro/bin/astro.mjs',
			'build',
			'--root',
			'/p',
		]);
	});
});
