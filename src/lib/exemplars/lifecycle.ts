/**
 * The lifecycle of a 政务诚信典型 candidate, derived from the recorded facts and the build's as-of date (seed 000
 * 第六条至第八条, 第十条): 推荐 → 信用审查 → 评审 → 公示 (7 working days) → 认定 → possibly 撤销. Pure: no I/O, no
 * Astro; the notice's last day comes in already computed on the Chinese working-day calendar
 * (`src/lib/calendar/workdays.ts`).
 *
 * How we read the seed where it is silent:
 * - **认定日 (recognizedOn)**: 第八条 "公示7个工作日，无异议的认定" — recognition follows the end of the 公示, so it is
 *   the first calendar day after the notice's 7th working day (`noticeEnd + 1`). On `noticeEnd` itself the candidate
 *   is still 公示中.
 * - **异议 during 公示**: an objection received from the notice's first day until recognition keeps the candidate at
 *   公示中/待核实 — even after the 7th working day — until a conclusion is recorded. 异议不成立 for the last open
 *   objection lets recognition happen: on `noticeEnd + 1`, or on the conclusion's date if that is later. 异议成立
 *   ends the candidacy: 未予认定 (第十条 "取消……评选资格").
 * - **After recognition** a complaint (recorded as 异议) changes nothing while it is checked (the recognition stands
 *   until it is revoked); a verified one is recorded as 撤销 with a public reason (第十条 "撤销……认定资格").
 * - Facts dated after the as-of date have not happened yet and are ignored, so a build for a past date shows the
 *   state of that date.
 */
import { addDays } from '../calendar/workdays.ts';
import { REVIEW_BODIES } from '../../schemas/candidate.ts';

/** Where a candidate stands. */
export type Stage =
	/** 推荐：已报送，信用审查尚无回复。 */
	| 'recommended'
	/** 信用审查中：部分审查单位已回复，均无记录。 */
	| 'reviewing'
	/** 信用审查有记录，取消候选人资格（第七条）。 */
	| 'disqualified'
	/** 信用审查通过，等待评审小组评审。 */
	| 'evaluating'
	/** 评审未通过。 */
	| 'failed'
	/** 评审通过，尚未公示（未编入公示批次，或公示尚未开始）。 */
	| 'awaiting-notice'
	/** 公示中。 */
	| 'publicizing'
	/** 公示中，收到异议正在核实（待核实）。 */
	| 'verifying'
	/** 公示期间异议经核实成立，未予认定。 */
	| 'not-recognized'
	/** 已认定为"政务诚信典型"。 */
	| 'recognized'
	/** 认定后经核实撤销。 */
	| 'revoked';

/** Chinese names of the stages, as the public (and the office) reads them. */
export const STAGE_LABELS: Record<Stage, string> = {
	recommended: '已推荐',
	reviewing: '信用审查中',
	disqualified: '信用审查未通过',
	evaluating: '待评审',
	failed: '评审未通过',
	'awaiting-notice': '待公示',
	publicizing: '公示中',
	verifying: '异议待核实',
	'not-recognized': '未予认定',
	recognized: '已认定',
	revoked: '已撤销',
};

/** The stages at which a candidate is public: from the first day of their 公示 on (SPEC 2, issue 5). */
export const PUBLIC_STAGES: ReadonlySet<Stage> = new Set<Stage>([
	'publicizing',
	'verifying',
	'not-recognized',
	'recognized',
	'revoked',
]);

/** What the lifecycle needs to know about one candidate: the recorded facts, nothing else. */
export interface LifecycleFacts {
	/** 推荐日期. */
	recommendedOn: string;
	/** Credit-review replies (reviews.csv): body code, result and reply date. */
	reviews: readonly { body: string; result: 'clear' | 'hit'; date: string }[];
	/** 评审结果 (undated; empty while not yet decided). */
	review?: 'passed' | 'failed';
	/** The candidate's 公示 batch: first day and 7th working day. */
	notice?: { start: string; end: string };
	/** Objections, their conclusions and revocation (events.csv), in file order. */
	events: readonly {
		date: string;
		event: 'objection' | 'objection-upheld' | 'objection-rejected' | 'revoked';
		publicReason?: string;
	}[];
}

/** A candidate's derived state on the as-of date. */
export interface Lifecycle {
	stage: Stage;
	/** Whether the candidate may appear anywhere on the public site. */
	public: boolean;
	noticeStart?: string;
	noticeEnd?: string;
	/** The day the candidate became a 政务诚信典型. */
	recognizedOn?: string;
	/** The day an objection was upheld (未予认定) or the recognition was revoked (已撤销). */
	endedOn?: string;
	/** The public reason of a revocation or of an upheld objection, when the office wrote one. */
	publicReason?: string;
}

/** An event that does not fit the lifecycle (reported by the validator at the event's row). */
export interface LifecycleProblem {
	/** Index of the event in `facts.events`. */
	event: number;
	code: 'lifecycle-order';
	message: string;
}

/**
 * Whether a candidate's 公示 is still running on the as-of date, so that objections are invited: a candidate on notice,
 * or with an objection being checked, up to the notice's last day. An objection still being checked after that day
 * keeps the candidate 待核实, but the 公示 is over.
 */
export function noticeRunning(stage: Stage, noticeEnd: string, asOf: string): boolean {
	return (stage === 'publicizing' || stage === 'verifying') && asOf <= noticeEnd;
}

/** The day after the last day of the 公示: the earliest possible 认定日. */
export function recognitionDay(noticeEnd: string): string {
	return addDays(noticeEnd, 1);
}

interface Walk {
	state: 'notice' | 'not-recognized' | 'recognized' | 'revoked';
	open: number;
	recognizedOn?: string;
	endedOn?: string;
	publicReason?: string;
	problems: LifecycleProblem[];
}

/** Walks the events of a noticed candidate up to and including `asOf`. */
function walk(notice: { start: string; end: string }, facts: LifecycleFacts, asOf: string): Walk {
	const w: Walk = { state: 'notice', open: 0, problems: [] };
	const earliest = recognitionDay(notice.end);
	/** The day of the last conclusion that closed every open objection during 公示. */
	let clearedOn = earliest;
	/** The day recognition takes effect if nothing else happens: only while no objection is open. */
	// Stryker disable next-line EqualityOperator: > and >= pick the same day when the two are equal.
	const recognitionDue = () => (w.open === 0 ? (clearedOn > earliest ? clearedOn : earliest) : undefined);
	const problem = (event: number, message: string) =>
		w.problems.push({ event, code: 'lifecycle-order', message });
	let complaints = 0;

	const order = facts.events
		.map((e, i) => ({ e, i }))
		.filter(({ e }) => e.date <= asOf)
		// Stable: events of the same day keep their file order. A candidate has far fewer than the 23 events at which V8
		// stops sorting by binary insertion, which compares a later event with earlier ones: for those, anything at or
		// above 0 after the -1 is the same answer.
		.sort((a, b) =>
			// Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: see the comment above.
			a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i,
		);
	for (const { e, i } of order) {
		if (w.state === 'notice') {
			const due = recognitionDue();
			if (due && due <= e.date) {
				w.state = 'recognized';
				w.recognizedOn = due;
			}
		}
		switch (w.state) {
			case 'notice':
				if (e.event === 'objection') w.open++;
				else if (e.event === 'objection-rejected' || e.event === 'objection-upheld') {
					if (w.open === 0) {
						problem(i, '此前没有尚未核实的异议，不能记录核实结论；请先记录"异议"');
						break;
					}
					w.open--;
					if (e.event === 'objection-upheld') {
						w.state = 'not-recognized';
						w.endedOn = e.date;
						w.publicReason = e.publicReason;
					} else if (
						// Stryker disable next-line ConditionalExpression: the conclusion that closes the last objection is the latest, so it sets clearedOn last.
						w.open === 0
					)
						clearedOn = e.date;
				} else
					problem(
						i,
						'候选人尚未认定，不能撤销；公示期间异议经核实属实的，请记为"异议成立"（seed 000 第十条：取消评选资格）',
					);
				break;
			case 'recognized':
				if (e.event === 'objection') complaints++;
				else if (e.event === 'objection-rejected') {
					if (complaints === 0) problem(i, '此前没有尚未核实的投诉或异议，不能记录核实结论');
					else complaints--;
				} else if (e.event === 'objection-upheld')
					problem(
						i,
						'已认定的典型经核实存在问题的，请记为"撤销"并写明公开说明（seed 000 第十条：撤销认定资格）',
					);
				else {
					w.state = 'revoked';
					w.endedOn = e.date;
					w.publicReason = e.publicReason;
				}
				break;
			default:
				problem(
					i,
					`候选人已于 ${w.endedOn} ${w.state === 'revoked' ? '被撤销认定' : '未予认定'}，之后不应再有记录`,
				);
		}
	}
	if (w.state === 'notice') {
		const due = recognitionDue();
		if (due && due <= asOf) {
			w.state = 'recognized';
			w.recognizedOn = due;
		}
	}
	return w;
}

/** The candidate's stage before their 公示 starts (nothing public yet). */
function beforeNotice(facts: LifecycleFacts, asOf: string): Stage {
	const replies = facts.reviews.filter((r) => r.date <= asOf);
	if (replies.some((r) => r.result === 'hit')) return 'disqualified';
	if (facts.review === 'failed') return 'failed';
	if (facts.review === 'passed') return 'awaiting-notice';
	if (REVIEW_BODIES.every((b) => replies.some((r) => r.body === b.value))) return 'evaluating';
	return replies.length > 0 ? 'reviewing' : 'recommended';
}

/**
 * The candidate's lifecycle on `asOf` (YYYY-MM-DD).
 * @see src/docs/rules/000-exemplars.md 第七条 信用审查 "对审查中发现存在失信不良记录的人员取消候选人资格"
 * @see src/docs/rules/000-exemplars.md 第八条 "公示7个工作日，无异议的认定为'政务诚信典型'"
 * @see src/docs/rules/000-exemplars.md 第十条 "经核实情况属实，将及时取消或撤销当事人……评选或认定资格"
 */
export function deriveLifecycle(facts: LifecycleFacts, asOf: string): Lifecycle {
	const n = facts.notice;
	if (!n || facts.review !== 'passed' || asOf < n.start) {
		const stage = beforeNotice(facts, asOf);
		return { stage, public: false };
	}
	const walked = walk(n, facts, asOf);
	const stage: Stage =
		walked.state === 'notice'
			? walked.open > 0
				? 'verifying'
				: 'publicizing'
			: (walked.state satisfies Stage);
	return {
		stage,
		public: PUBLIC_STAGES.has(stage),
		noticeStart: n.start,
		noticeEnd: n.end,
		recognizedOn: walked.recognizedOn,
		endedOn: walked.endedOn,
		publicReason: walked.publicReason,
	};
}

/**
 * Events that do not fit the lifecycle, whatever the as-of date: a conclusion with no objection to conclude, a
 * revocation before recognition, an upheld complaint after recognition instead of a revocation, anything after the
 * end. Only for candidates with a notice (the validator already refuses events of candidates without one).
 */
export function lifecycleProblems(facts: LifecycleFacts): LifecycleProblem[] {
	if (!facts.notice) return [];
	return walk(facts.notice, facts, '9999-12-31').problems;
}
