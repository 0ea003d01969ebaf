/**
 * What the top of `/exemplars/` shows while a 评选 is undecided: each 公示 under way with its candidates, then the
 * candidates whose 公示 period has ended with an objection still being checked (seed 000 第八条: only candidates
 * "无异议的" are recognised). A group's heading is worded from the stage its cards' badges show, so the two can
 * never disagree (a card once said 公示中 under a heading "公示已结束").
 */
import { STAGE_LABELS } from './lifecycle.ts';

/** A group of candidate cards with its heading. */
export interface CurrentGroup<E, N> {
	/** The notice under way (open groups), or undefined for the group of objections still being checked. */
	notice?: N;
	heading: string;
	candidates: E[];
}

/**
 * The groups, open notices first (in the order given), then one group of the candidates at `verifying` whose notice
 * is closed; groups without candidates are left out, except an open notice's (its heading says 0 人).
 */
export function currentGroups<
	E extends { stage: string; noticeId: string },
	N extends { id: string; year: number; state: 'open' | 'closed' },
>(exemplars: readonly E[], notices: readonly N[]): CurrentGroup<E, N>[] {
	const open = notices.filter((n) => n.state === 'open');
	const groups: CurrentGroup<E, N>[] = open.map((n) => ({
		notice: n,
		heading: `正在公示：${n.year} 年度拟认定人选`,
		candidates: exemplars.filter((e) => e.noticeId === n.id),
	}));
	const pending = exemplars.filter((e) => e.stage === 'verifying' && !open.some((n) => n.id === e.noticeId));
	if (pending.length)
		groups.push({
			heading: `${STAGE_LABELS.verifying}的人选（${pending.length} 人）`,
			candidates: pending,
		});
	return groups;
}
