import { describe, expect, it } from 'vitest';
import { currentGroups } from '../../src/lib/exemplars/sections.ts';
import { STAGE_LABELS } from '../../src/lib/exemplars/lifecycle.ts';

describe('the groups at the top of /exemplars/', () => {
	const notice = (id: string, state: 'open' | 'closed') => ({ id, year: 2026, state });
	const card = (id: string, stage: string, noticeId: string) => ({ id, stage, noticeId });
	it('puts a candidate whose notice has closed with an objection unresolved under a heading that names that stage', () => {
		const groups = currentGroups(
			[
				card('a', 'recognized', 'N1'),
				card('b', 'verifying', 'N1'),
				card('d', 'not-recognized', 'N1'),
				card('e', 'revoked', 'N1'),
			],
			[notice('N1', 'closed')],
		);
		expect(groups.map((g) => [g.heading, g.candidates.map((c) => c.id)])).toEqual([
			['异议待核实的人选（1 人）', ['b']],
		]);
		// The badge of every card is the stage label, and the heading contains it.
		for (const g of groups)
			for (const c of g.candidates)
				expect(g.heading).toContain(STAGE_LABELS[c.stage as keyof typeof STAGE_LABELS]);
	});
	it('keeps the candidates of an open notice together, objections or not, under 正在公示', () => {
		const groups = currentGroups(
			[card('a', 'publicizing', 'N2'), card('b', 'verifying', 'N2'), card('c', 'verifying', 'N1')],
			[notice('N2', 'open'), notice('N1', 'closed')],
		);
		expect(groups.map((g) => [g.heading, g.candidates.map((c) => c.id)])).toEqual([
			['正在公示：2026 年度拟认定人选', ['a', 'b']],
			['异议待核实的人选（1 人）', ['c']],
		]);
		// Under a notice still running, a badge says the 公示 runs or that an objection awaits its check; neither says it ended.
		expect(groups[0].candidates.map((c) => STAGE_LABELS[c.stage as 'publicizing'])).toEqual([
			'公示中',
			'异议待核实',
		]);
	});
});
