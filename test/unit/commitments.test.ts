import { describe, expect, it } from 'vitest';
import type { CommitmentRow, CommitmentUpdateRow } from '../../src/schemas/commitment.ts';
import type { UnitNameRow } from '../../src/schemas/unit.ts';
import {
	commitmentView,
	commitmentViews,
	countStates,
	isOverdue,
	type CommitmentView,
} from '../../src/lib/commitments/status.ts';
import {
	coverageMatrix,
	groupByCategory,
	latestFulfilled,
	latestOverdue,
	matrixColumns,
	registerUnits,
	rubricOn,
} from '../../src/lib/commitments/coverage.ts';
import {
	normaliseQuery,
	pledgeIndex,
	pledgeMatches,
	pledgeQuarters,
	pledgeRuleOf,
	pledgeValidity,
	searchPledges,
} from '../../src/lib/commitments/pledges.ts';
import { indicatorPoints } from '../../src/lib/scoring/score.ts';
import { addQuarters, quarterIndex, type QuarterId } from '../../src/lib/quarters.ts';
import type { Rubric } from '../../src/schemas/rubric.ts';
import {
	byYear,
	commitmentPath,
	madeYear,
	pagedUnits,
	pledgePath,
	UNIT_PAGE_LIMIT,
	unitCommitmentsPath,
} from '../../src/lib/commitments/pages.ts';
import { commitmentsCsv, commitmentsJson, pledgesJson } from '../../src/lib/commitments/opendata.ts';
import { nameOn } from '../../src/lib/units/names.ts';

const names: UnitNameRow[] = [
	{ unitId: 't1', name: '甲镇' },
	// 南闸镇 became 南闸街道 on 2023-04-01 (as in the demo data's unit-names.csv).
	{ unitId: 'nzz', name: '南闸镇', to: '2023-03-31' },
	{ unitId: 'nzz', name: '南闸街道', from: '2023-04-01' },
];

/** A commitment of 甲镇 in 政务, made 2024-01-10, due 2024-12-31 unless told otherwise. */
function cm(over: Partial<CommitmentRow> = {}): CommitmentRow {
	return {
		id: 'c1',
		unitId: 't1',
		category: '政务',
		content: '热线交办件 5 个工作日内办结',
		madeOn: '2024-01-10',
		dueBy: '2024-12-31',
		...over,
	};
}
const up = (
	date: string,
	status: CommitmentUpdateRow['status'],
	evidence?: string,
	commitmentId = 'c1',
): CommitmentUpdateRow => ({ commitmentId, date, status, ...(evidence ? { evidence } : {}) });

describe('overdue (逾期) is derived: 履行中 and due before the as-of date', () => {
	it('is not overdue on its due date, and is overdue the day after', () => {
		const c = cm({ dueBy: '2026-11-22' });
		const onTheDay = commitmentView(c, [], '2026-11-22', names);
		expect(onTheDay.status).toBe('in-progress');
		expect(onTheDay.overdue).toBe(false);
		expect(onTheDay.state).toBe('in-progress');
		const dayAfter = commitmentView(c, [], '2026-11-23', names);
		expect(dayAfter.overdue).toBe(true);
		expect(dayAfter.state).toBe('overdue');
		expect(dayAfter.overdueSince).toBe('2026-11-23');
		expect(dayAfter.overdueDays).toBe(1);
		expect(onTheDay.overdueDays).toBeUndefined();
	});
	it('is decided by the status and the two dates alone', () => {
		expect(isOverdue('in-progress', '2026-11-21', '2026-11-22')).toBe(true);
		expect(isOverdue('in-progress', '2026-11-22', '2026-11-22')).toBe(false);
		expect(isOverdue('fulfilled', '2020-01-01', '2026-11-22')).toBe(false);
	});
	it('never calls a 依法变更 commitment overdue, however old its original due date', () => {
		const v = commitmentView(
			cm({ dueBy: '2024-12-31' }),
			[up('2024-03-01', 'in-progress', '已开工'), up('2024-06-10', 'changed', '因省级补助标准调整依法变更')],
			'2026-11-22',
			names,
		);
		expect(v.status).toBe('changed');
		expect(v.overdue).toBe(false);
		expect(v.state).toBe('changed');
		expect(v.statusSince).toBe('2024-06-10');
		expect(v.statusEvidence).toBe('因省级补助标准调整依法变更');
	});
	it('reopens a changed commitment recorded 履行中 again, with its original due date', () => {
		const v = commitmentView(
			cm({ dueBy: '2024-12-31' }),
			[up('2024-06-10', 'changed', '依法变更'), up('2024-08-01', 'in-progress', '恢复履行')],
			'2026-11-22',
			names,
		);
		expect(v.overdue).toBe(true);
		expect(v.overdueSince).toBe('2025-01-01');
		// 2024-12-31 → 2026-11-22: 365 days to 2025-12-31, then 326 more (Jan–Oct 2026 = 304, + 22 in November).
		expect(v.overdueDays).toBe(691);
	});
	it('reports a 未兑现 commitment as broken, not overdue', () => {
		const v = commitmentView(
			cm(),
			[up('2025-01-05', 'broken', '施工单位退场，未按期兑现')],
			'2026-11-22',
			names,
		);
		expect(v.state).toBe('broken');
		expect(v.overdue).toBe(false);
	});
});

describe('status from the dated history', () => {
	it('is 已兑现 with the date and evidence of the update', () => {
		const v = commitmentView(
			cm(),
			[
				up('2024-03-01', 'in-progress', '进度 60%'),
				up('2024-10-01', 'fulfilled', '已通过验收，见镇政府网站'),
			],
			'2026-11-22',
			names,
		);
		expect(v.status).toBe('fulfilled');
		expect(v.fulfilledOn).toBe('2024-10-01');
		expect(v.statusEvidence).toBe('已通过验收，见镇政府网站');
	});
	it('dates a fulfilment from the first of repeated 已兑现 updates', () => {
		const v = commitmentView(
			cm(),
			[up('2024-11-05', 'fulfilled', '复核确认'), up('2024-10-01', 'fulfilled', '已兑现')],
			'2026-11-22',
			names,
		);
		expect(v.fulfilledOn).toBe('2024-10-01');
		expect(v.statusEvidence).toBe('复核确认');
	});
	it('leaves out updates dated after the as-of date', () => {
		const updates = [up('2024-03-01', 'in-progress', '进度 60%'), up('2024-10-01', 'fulfilled', '已兑现')];
		const v = commitmentView(cm(), updates, '2024-09-30', names);
		expect(v.status).toBe('in-progress');
		expect(v.fulfilledOn).toBeUndefined();
		expect(v.history.map((h) => h.kind)).toEqual(['made', 'in-progress']);
	});
	it('lets the later row win between two updates of the same day, as scoring does', () => {
		const v = commitmentView(
			cm(),
			[up('2024-10-01', 'in-progress', '复查'), up('2024-10-01', 'fulfilled', '已兑现')],
			'2026-11-22',
			names,
		);
		expect(v.status).toBe('fulfilled');
		expect(v.history.map((h) => h.kind)).toEqual(['made', 'in-progress', 'fulfilled']);
	});
	it('shows how it moved: made, each update, and the day it became overdue, in date order', () => {
		const v = commitmentView(
			cm(),
			[up('2025-03-01', 'in-progress', '整改中'), up('2024-06-01', 'in-progress', '已完成摸底')],
			'2026-11-22',
			names,
		);
		expect(v.history.map((h) => [h.date, h.kind])).toEqual([
			['2024-01-10', 'made'],
			['2024-06-01', 'in-progress'],
			['2025-01-01', 'overdue'],
			['2025-03-01', 'in-progress'],
		]);
		expect(v.statusSince).toBe('2024-06-01');
	});
	it('puts the history in date order whatever the order of the file, same-day updates in file order', () => {
		const v = commitmentView(
			cm(),
			[
				up('2024-05-01', 'in-progress', 'b'),
				up('2024-09-01', 'fulfilled', 'd'),
				up('2024-03-01', 'in-progress', 'a'),
				up('2024-07-01', 'in-progress', 'c1'),
				up('2024-07-01', 'in-progress', 'c2'),
			],
			'2024-10-01',
			names,
		);
		expect(v.history.map((h) => [h.date, h.evidence ?? ''])).toEqual([
			['2024-01-10', ''],
			['2024-03-01', 'a'],
			['2024-05-01', 'b'],
			['2024-07-01', 'c1'],
			['2024-07-01', 'c2'],
			['2024-09-01', 'd'],
		]);
		expect([v.status, v.fulfilledOn]).toEqual(['fulfilled', '2024-09-01']);
	});
	it('counts an update dated on the as-of date', () => {
		const v = commitmentView(cm(), [up('2024-06-01', 'fulfilled', '已办结')], '2024-06-01', names);
		expect([v.status, v.fulfilledOn, v.history.length]).toEqual(['fulfilled', '2024-06-01', 2]);
	});
	it('reads only the updates of its own commitment', () => {
		const v = commitmentView(cm(), [up('2024-06-01', 'fulfilled', '他项', 'c2')], '2024-07-01', names);
		expect([v.status, v.history.map((h) => h.kind)]).toEqual(['in-progress', ['made']]);
	});
	it('keeps every update of a commitment when views are made for many', () => {
		const [v] = commitmentViews(
			[cm()],
			[up('2024-03-01', 'in-progress', '启动'), up('2024-06-01', 'fulfilled', '办结')],
			'2024-07-01',
			names,
		);
		expect(v.history.map((h) => h.kind)).toEqual(['made', 'in-progress', 'fulfilled']);
	});
	it('ends the history with the overdue step when nothing was recorded after it', () => {
		const v = commitmentView(cm(), [], '2025-02-01', names);
		expect(v.history.map((h) => [h.date, h.kind])).toEqual([
			['2024-01-10', 'made'],
			['2025-01-01', 'overdue'],
		]);
	});
	it('puts an update recorded on the first overdue day before the overdue step', () => {
		const v = commitmentView(cm(), [up('2025-01-01', 'in-progress', '仍在办理')], '2025-02-01', names);
		expect(v.history.map((h) => [h.date, h.kind])).toEqual([
			['2024-01-10', 'made'],
			['2025-01-01', 'in-progress'],
			['2025-01-01', 'overdue'],
		]);
	});
});

describe('a commitment kept after its deadline (seed 002 二(四): the record of 期限承诺 must say when it was kept)', () => {
	// cm(): made 2024-01-10, due 2024-12-31.
	const kept = (on: string) => commitmentView(cm(), [up(on, 'fulfilled', '已完成')], '2025-06-30', names);
	it('keeps the overdue step in its history, from the day after the deadline, and says by how many days it was late', () => {
		const v = kept('2025-01-18');
		expect(v.history.map((h) => [h.date, h.kind])).toEqual([
			['2024-01-10', 'made'],
			['2025-01-01', 'overdue'],
			['2025-01-18', 'fulfilled'],
		]);
		expect([v.state, v.overdue, v.fulfilledOn, v.lateDays, v.overdueSince]).toEqual([
			'fulfilled',
			false,
			'2025-01-18',
			18,
			undefined,
		]);
	});
	it('is late by one day when kept the day after the deadline: overdue, then kept', () => {
		const v = kept('2025-01-01');
		expect(v.history.map((h) => [h.date, h.kind])).toEqual([
			['2024-01-10', 'made'],
			['2025-01-01', 'overdue'],
			['2025-01-01', 'fulfilled'],
		]);
		expect(v.lateDays).toBe(1);
	});
	it('is not late when kept on the deadline, and a promise closed otherwise before it was never overdue', () => {
		const v = kept('2024-12-31');
		expect(v.history.map((h) => h.kind)).toEqual(['made', 'fulfilled']);
		expect(v.lateDays).toBeUndefined();
		const broken = commitmentView(cm(), [up('2024-12-01', 'broken', '无法兑现')], '2025-06-30', names);
		expect(broken.history.map((h) => h.kind)).toEqual(['made', 'broken']);
	});
	it('shows the step on the as-of date itself when it was kept that day, a day late', () => {
		const v = commitmentView(cm(), [up('2025-01-01', 'fulfilled', '已完成')], '2025-01-01', names);
		expect(v.history.map((h) => [h.date, h.kind])).toEqual([
			['2024-01-10', 'made'],
			['2025-01-01', 'overdue'],
			['2025-01-01', 'fulfilled'],
		]);
		expect([v.overdue, v.lateDays]).toEqual([false, 1]);
	});
	it('puts the step after a change and a reopening before the deadline, in date order', () => {
		const updates = [up('2024-06-01', 'changed', '依法变更'), up('2024-07-01', 'in-progress', '恢复履行')];
		const v = commitmentView(cm(), updates, '2025-02-01', names);
		expect(v.history.map((h) => [h.date, h.kind])).toEqual([
			['2024-01-10', 'made'],
			['2024-06-01', 'changed'],
			['2024-07-01', 'in-progress'],
			['2025-01-01', 'overdue'],
		]);
	});
	it('shows no overdue step before the day after the deadline has come', () => {
		const v = commitmentView(cm(), [], '2024-12-31', names);
		expect(v.history.map((h) => h.kind)).toEqual(['made']);
	});
});

describe('a commitment outlives a change of the unit’s name', () => {
	const made = cm({ id: 'CN-nzz-001', unitId: 'nzz', madeOn: '2022-05-25', dueBy: '2023-12-31' });
	const updates = [up('2023-10-01', 'fulfilled', '已兑现', 'CN-nzz-001')];
	it('keeps the commitment made as 南闸镇 on 南闸街道’s record, with the name it was made under', () => {
		const [v] = commitmentViews([made], updates, '2026-11-22', names);
		expect(v.unitId).toBe('nzz');
		expect(v.unitName).toBe('南闸街道');
		expect(v.madeUnder).toBe('南闸镇');
		expect(v.history.map((h) => h.unitName)).toEqual(['南闸镇', '南闸街道']);
		expect(v.fulfilledOn).toBe('2023-10-01');
	});
	it('lists it on the unit’s page: the register covers the renamed unit and groups it under its category', () => {
		const views = commitmentViews([made], updates, '2026-11-22', names);
		const units = registerUnits([{ id: 'nzz', category: 'town' as const }], views, '2026-11-22');
		expect(units.map((u) => u.id)).toEqual(['nzz']);
		const groups = groupByCategory(
			views.filter((v) => v.unitId === 'nzz'),
			['政务'],
		);
		expect(groups.map((g) => [g.category, g.items.map((i) => i.id)])).toEqual([['政务', ['CN-nzz-001']]]);
	});
});

describe('coverage matrix', () => {
	const asOf = '2026-11-22';
	const views = () =>
		commitmentViews(
			[
				cm({ id: 'a', category: '政务' }),
				cm({ id: 'b', category: '政务' }),
				cm({ id: 'c', category: '财务' }),
				cm({ id: 'd', category: '环境整治' }),
			],
			[up('2024-10-01', 'fulfilled', '已兑现', 'a'), up('2025-01-05', 'broken', '未兑现', 'c')],
			asOf,
			names,
		);
	const columns = () =>
		matrixColumns(['政务', '财务', '就业'], views(), ['政务', '财务', '就业', '环境整治']);
	it('has the rubric year’s categories, then other used categories marked as not counted', () => {
		expect(columns()).toEqual([
			{ category: '政务', counted: true },
			{ category: '财务', counted: true },
			{ category: '就业', counted: true },
			{ category: '环境整治', counted: false },
		]);
	});
	it('counts each cell by state and names the counted categories with no commitment as gaps', () => {
		const [row] = coverageMatrix(['t1'], columns(), views());
		expect(row.total).toBe(4);
		expect(row.cells.map((c) => c.total)).toEqual([2, 1, 0, 1]);
		// 政务: a fulfilled, b overdue (due 2024-12-31, no update).
		expect(row.cells[0].states).toEqual({
			overdue: 1,
			'in-progress': 0,
			broken: 0,
			changed: 0,
			fulfilled: 1,
		});
		expect(row.cells[1].states.broken).toBe(1);
		expect(row.gaps).toEqual(['就业']);
	});
	it('gives a unit with no commitment a row of gaps', () => {
		const [row] = coverageMatrix(['t2'], columns(), views());
		expect(row.total).toBe(0);
		expect(row.gaps).toEqual(['政务', '财务', '就业']);
	});
	it('counts states without double counting: overdue is not also in progress', () => {
		expect(countStates(views())).toEqual({
			overdue: 2,
			'in-progress': 0,
			broken: 1,
			changed: 0,
			fulfilled: 1,
		});
	});
});

describe('which units the register covers', () => {
	it('covers every town and park existing on the as-of date, and other units only when they publish', () => {
		const units = [
			{ id: 'a1', category: 'A' as const },
			{ id: 't2', category: 'town' as const },
			{ id: 'p-gone', category: 'park' as const, to: '2023-07-01' },
			{ id: 'a2', category: 'A' as const },
			{ id: 'p1', category: 'park' as const },
			{ id: 't-new', category: 'town' as const, from: '2027-01-01' },
			{ id: 't1', category: 'town' as const },
		];
		const ids = registerUnits(units, [{ unitId: 'a2' }], '2026-11-22').map((u) => u.id);
		expect(ids).toEqual(['t2', 't1', 'p1', 'a2']);
	});
	it('covers a town from the day it is set up, and no longer on the day it is dissolved', () => {
		const units = [
			{ id: 't-new', category: 'town' as const, from: '2026-11-22' },
			{ id: 't-gone', category: 'town' as const, to: '2026-11-22' },
			{ id: 't-last', category: 'town' as const, to: '2026-11-23' },
		];
		expect(registerUnits(units, [], '2026-11-22').map((u) => u.id)).toEqual(['t-new', 't-last']);
	});
});

describe('reading order', () => {
	/** The given order, each rotation of it and of its reverse: a reading order must not depend on the file's order. */
	const orders = <T>(xs: readonly T[]): T[][] =>
		[xs, [...xs].reverse()].flatMap((ys) => ys.map((_, i) => [...ys.slice(i), ...ys.slice(0, i)]));
	const asOf = '2026-11-22';
	const views = () =>
		commitmentViews(
			[
				cm({ id: 'g1', category: '政务', dueBy: '2027-06-30' }),
				cm({ id: 'g2', category: '政务' }),
				cm({ id: 'j1', category: '就业', dueBy: '2026-06-30' }),
				cm({ id: 'j2', category: '就业', dueBy: '2025-06-30' }),
				cm({ id: 'j3', category: '就业', dueBy: '2027-12-31' }),
				cm({ id: 'y1', category: '养老', dueBy: '2025-12-31' }),
			],
			[up('2024-05-01', 'fulfilled', '已兑现', 'g2'), up('2025-01-01', 'fulfilled', '已兑现', 'y1')],
			asOf,
			names,
		);
	it('puts categories with an overdue commitment first, and overdue commitments first in each', () => {
		const groups = groupByCategory(views(), ['政务', '就业', '养老']);
		expect(groups.map((g) => [g.category, g.overdue, g.items.map((i) => i.id)])).toEqual([
			['就业', 2, ['j2', 'j1', 'j3']],
			['政务', 0, ['g1', 'g2']],
			['养老', 0, ['y1']],
		]);
	});
	it('lists the newest fulfilments and the newest overdue commitments first', () => {
		expect(latestFulfilled(views(), 5).map((v) => v.id)).toEqual(['y1', 'g2']);
		expect(latestOverdue(views(), 1).map((v) => v.id)).toEqual(['j1']);
	});
	it('orders open commitments by due date, closed ones newest first, then by id', () => {
		const v = commitmentViews(
			[
				cm({ id: 'f-old', dueBy: '2027-01-31' }),
				cm({ id: 'f-new', dueBy: '2026-01-31' }),
				cm({ id: 'p-late', dueBy: '2027-12-31' }),
				cm({ id: 'p-b', dueBy: '2027-06-30' }),
				cm({ id: 'p-a', dueBy: '2027-06-30' }),
				// Due first, though its id sorts last: open ones go by due date, not by id.
				cm({ id: 'p-z', dueBy: '2027-01-31' }),
				cm({ id: 'f-same-b', dueBy: '2027-01-31' }),
				cm({ id: 'f-same-a', dueBy: '2027-03-31' }),
			],
			[
				up('2025-01-01', 'fulfilled', '', 'f-old'),
				up('2026-01-01', 'fulfilled', '', 'f-new'),
				up('2025-06-01', 'fulfilled', '', 'f-same-b'),
				up('2025-06-01', 'fulfilled', '', 'f-same-a'),
			],
			'2026-11-22',
			names,
		);
		for (const order of orders(v))
			expect(groupByCategory(order, ['政务'])[0].items.map((i) => i.id)).toEqual([
				'p-z',
				'p-a',
				'p-b',
				'p-late',
				'f-new',
				'f-same-a',
				'f-same-b',
				'f-old',
			]);
	});
	it('puts a group with an overdue commitment first, then the given category order, unknown categories last by name', () => {
		const v = commitmentViews(
			[
				cm({ id: 'c', category: '养老', dueBy: '2025-06-30' }),
				cm({ id: 'x', category: '出行', dueBy: '2027-06-30' }),
				cm({ id: 'y', category: '停车', dueBy: '2027-06-30' }),
				cm({ id: 'b', category: '就业', dueBy: '2027-06-30' }),
				cm({ id: 'a', category: '政务', dueBy: '2027-06-30' }),
			],
			[],
			'2026-11-22',
			names,
		);
		for (const order of orders(v))
			expect(groupByCategory(order, ['政务', '就业', '养老']).map((g) => g.category)).toEqual([
				'养老',
				'政务',
				'就业',
				'停车',
				'出行',
			]);
	});
	it('takes the newest fulfilments and overdue commitments whatever the input order, ties by id', () => {
		const v = commitmentViews(
			[
				cm({ id: 'o2', dueBy: '2025-03-31' }),
				cm({ id: 'o1', dueBy: '2025-03-31' }),
				cm({ id: 'o-old', dueBy: '2024-12-31' }),
				cm({ id: 'o-new', dueBy: '2026-06-30' }),
				cm({ id: 'f2' }),
				cm({ id: 'f1' }),
				cm({ id: 'f-old' }),
				cm({ id: 'f-new' }),
			],
			[
				up('2025-05-01', 'fulfilled', '', 'f2'),
				up('2025-05-01', 'fulfilled', '', 'f1'),
				up('2025-01-01', 'fulfilled', '', 'f-old'),
				up('2025-09-01', 'fulfilled', '', 'f-new'),
			],
			'2026-11-22',
			names,
		);
		for (const order of orders(v)) {
			expect(latestFulfilled(order, 3).map((i) => i.id)).toEqual(['f-new', 'f1', 'f2']);
			expect(latestOverdue(order, 3).map((i) => i.id)).toEqual(['o-new', 'o1', 'o2']);
		}
	});
});

describe('the rubric the register is read against', () => {
	const rubrics = [{ year: 2024 }, { year: 2022 }, { year: 2027 }, { year: 2023 }];
	it('is the as-of year’s, not the newest file: a rubric prepared for next year waits for its year', () => {
		// rubrics/2027.json committed in December 2026: the old code took 2027 for a build as of 2026-12-31.
		expect(rubricOn(rubrics, '2026-12-31')).toEqual({ year: 2024 });
		expect(rubricOn(rubrics, '2027-01-01')).toEqual({ year: 2027 });
		// A build for a past date reads that year's categories (the old code: 2027's for 2022).
		expect(rubricOn(rubrics, '2022-06-30')).toEqual({ year: 2022 });
		expect(rubricOn(rubrics, '2023-01-01')).toEqual({ year: 2023 });
	});
	it('is the latest before the as-of year while the new year has none, and the earliest before the first', () => {
		expect(rubricOn(rubrics, '2025-03-01')).toEqual({ year: 2024 });
		expect(rubricOn(rubrics, '2021-12-31')).toEqual({ year: 2022 });
		expect(rubricOn([], '2026-12-03')).toBeUndefined();
	});
});

describe('enterprise pledges', () => {
	it('counts a pledge signed 2022-05-03 from 2022-Q2 through 2023-Q1 (four quarters)', () => {
		expect(pledgeValidity('2022-05-03', 4)).toEqual({ from: '2022-Q2', to: '2023-Q1' });
		expect(pledgeValidity('2022-12-31', 1)).toEqual({ from: '2022-Q4', to: '2022-Q4' });
		// The longest a rubric may say: eight quarters.
		expect(pledgeValidity('2022-05-03', 8)).toEqual({ from: '2022-Q2', to: '2024-Q1' });
	});
	describe('under rubrics that change from year to year', () => {
		const pledgesRule = (validQuarters?: number) => ({
			kind: 'perItem',
			per: 0.5,
			cap: 5,
			source: 'pledges',
			...(validQuarters ? { validQuarters } : {}),
		});
		// 2022: 4 quarters (2023 has no file and keeps it); 2024: no pledges indicator; 2025: the rule without
		// validQuarters (one quarter, as the score reads it); 2026: 4; 2027: 2 (and every later year, no file yet).
		const rubric = (year: number, rule?: object) =>
			({
				year,
				indicators: [
					{ id: '1.1', max: 10, rule: { kind: 'done' } },
					...(rule ? [{ id: '5.2', max: 5, rule }] : []),
					{
						id: '5.3',
						max: 5,
						rule: { kind: 'perItem', per: 1, cap: 5, source: 'evidence', validQuarters: 8 },
					},
				],
			}) as unknown as Rubric;
		const rubrics = [
			rubric(2026, pledgesRule(4)),
			rubric(2022, pledgesRule(4)),
			rubric(2024),
			rubric(2025, pledgesRule()),
			rubric(2027, pledgesRule(2)),
		];
		const quarters = pledgeQuarters(rubrics);
		it('asks each quarter’s own rubric how many quarters it counts a pledge', () => {
			expect(
				(['2021-Q4', '2023-Q2', '2024-Q1', '2025-Q3', '2026-Q1', '2027-Q4', '2030-Q1'] as const).map((q) =>
					quarters(q),
				),
			).toEqual([4, 4, undefined, 1, 4, 2, 2]);
			// The pledges indicator, not the first perItem rule (5.3 counts evidence rows for 8 quarters).
			expect(pledgeRuleOf(rubrics[4])).toEqual(pledgesRule(2));
			expect(pledgeRuleOf(rubrics[2])).toBeUndefined();
		});
		it('counts a pledge through the last quarter whose rubric still counts it', () => {
			// Signed in 2026-Q2: 2026-Q3 and -Q4 count it (4 quarters); 2027-Q1 is 3 quarters on, and 2027 counts 2.
			expect(pledgeValidity('2026-05-10', quarters)).toEqual({ from: '2026-Q2', to: '2026-Q4' });
			// Signed in 2026-Q4: 2027-Q1 is 1 quarter on (< 2), 2027-Q2 is 2 on.
			expect(pledgeValidity('2026-11-01', quarters)).toEqual({ from: '2026-Q4', to: '2027-Q1' });
			// Signed in 2023-Q3 under 2022's 4 quarters: 2023-Q4 counts it, 2024 counts no pledge, 2025 one quarter.
			expect(pledgeValidity('2023-08-01', quarters)).toEqual({ from: '2023-Q3', to: '2023-Q4' });
			// One rubric throughout: the number.
			expect(pledgeValidity('2022-05-03', quarters)).toEqual(pledgeValidity('2022-05-03', 4));
		});
		it('says, for every pledge date, exactly the quarters the score counts the pledge in', () => {
			const pledge = (signedOn: string) => ({
				id: 'QY-1',
				enterprise: '淮安汇通建材有限公司',
				uscc: '91320803MAAQL59GPD',
				kinds: ['safety' as const],
				signedOn,
				unitId: 't1',
			});
			const all = (from: QuarterId, to: QuarterId) =>
				Array.from({ length: quarterIndex(to) - quarterIndex(from) + 1 }, (_, k) => addQuarters(from, k));
			for (const signed of all('2022-Q1', '2027-Q4')) {
				const signedOn = `${signed.slice(0, 4)}-${String(Number(signed.slice(6)) * 3 - 1).padStart(2, '0')}-15`;
				const { from, to } = pledgeValidity(signedOn, quarters);
				const counted = all('2022-Q1', '2029-Q4').filter((q) => {
					const year = Number(q.slice(0, 4));
					const r = rubrics.filter((x) => x.year <= year).sort((a, b) => b.year - a.year)[0];
					const ind = r.indicators.find((i) => pledgeRuleOf({ ...r, indicators: [i] }));
					if (!ind) return false;
					const ctx = { pledges: [pledge(signedOn)], missing: () => [] };
					return indicatorPoints(ind, q, () => [], ctx).points > 0;
				});
				expect([signed, counted[0] ?? from, counted.at(-1) ?? from]).toEqual([signed, from, to]);
			}
		});
	});
	const p = { enterprise: '淮安汇通建材有限公司', uscc: '91320803MAAQL59GPD' };
	it('finds an enterprise by part of its name or by its code, however the code is typed', () => {
		expect(pledgeMatches('汇通', p)).toBe(true);
		expect(pledgeMatches('91320803MAAQL59GPD', p)).toBe(true);
		expect(pledgeMatches(' 913208 03maaql59gpd ', p)).toBe(true);
		expect(pledgeMatches('９１３２０８０３', p)).toBe(true);
		expect(pledgeMatches('', p)).toBe(true);
	});
	it('does not find it by another name or code', () => {
		expect(pledgeMatches('同丰', p)).toBe(false);
		expect(pledgeMatches('91320803MA10RRBGC8', p)).toBe(false);
		expect(normaliseQuery(' ab　c ')).toBe('ABC');
	});
});

describe('enterprise pledge search across units', () => {
	const pledges = [
		{
			id: 'QY-1',
			enterprise: '淮安汇通建材有限公司',
			uscc: '91320803MAAQL59GPD',
			unitId: 'shz',
			signedOn: '2022-02-16',
		},
		{
			id: 'QY-2',
			enterprise: '淮安汇通饲料有限公司',
			uscc: '91320803MAHQ07C8JM',
			unitId: 'gyyq',
			signedOn: '2022-10-14',
		},
		{
			id: 'QY-3',
			enterprise: '淮安同丰米业有限公司',
			uscc: '91320803MA10RRBGC8',
			unitId: 'shz',
			signedOn: '2023-03-01',
		},
	];
	const index = () => pledgeIndex(pledges, (id) => ({ shz: '施河镇', gyyq: '淮安工业园区' })[id]!);
	it('keeps only what the search matches and shows, and each unit’s name once', () => {
		expect(index()).toEqual({
			units: { shz: '施河镇', gyyq: '淮安工业园区' },
			rows: [
				['QY-1', '淮安汇通建材有限公司', '91320803MAAQL59GPD', 'shz', '2022-02-16'],
				['QY-2', '淮安汇通饲料有限公司', '91320803MAHQ07C8JM', 'gyyq', '2022-10-14'],
				['QY-3', '淮安同丰米业有限公司', '91320803MA10RRBGC8', 'shz', '2023-03-01'],
			],
		});
	});
	it('counts every match and lists at most the limit, in index order', () => {
		expect(searchPledges(index(), '汇通', 1)).toEqual({ total: 2, rows: [index().rows[0]] });
		expect(searchPledges(index(), '91320803 ma10', 10)).toEqual({ total: 1, rows: [index().rows[2]] });
		expect(searchPledges(index(), '不存在', 10)).toEqual({ total: 0, rows: [] });
	});
	it('links each pledge to its row on its unit’s page', () => {
		expect(pledgePath({ id: 'QY-2', unitId: 'gyyq' })).toBe('/commitments/pledges/gyyq/#QY-2');
	});
});

describe('listing pages (issue 8: a page grows with one unit’s or one year’s records)', () => {
	const many = (unitId: string, n: number) =>
		Array.from({ length: n }, (_, i) => ({
			id: `${unitId}-${i}`,
			unitId,
			madeOn: `${2020 + (i % 3)}-06-01`,
		}));
	const commitments = [...many('big', UNIT_PAGE_LIMIT + 1), ...many('full', UNIT_PAGE_LIMIT)];
	it(`splits a unit by year only when it has more than ${UNIT_PAGE_LIMIT} commitments`, () => {
		expect(UNIT_PAGE_LIMIT).toBe(100);
		expect([...pagedUnits(commitments)]).toEqual(['big']);
		expect(pagedUnits(commitments, 1000).size).toBe(0);
	});
	it('links a commitment to its unit page, or to its unit’s page for the year it was made', () => {
		const paged = pagedUnits(commitments);
		expect(commitmentPath({ id: 'full-4', unitId: 'full', madeOn: '2021-06-01' }, paged)).toBe(
			'/commitments/full/#full-4',
		);
		expect(commitmentPath({ id: 'big-4', unitId: 'big', madeOn: '2021-06-01' }, paged)).toBe(
			'/commitments/big/2021/#big-4',
		);
		expect(unitCommitmentsPath('big')).toBe('/commitments/big/');
		expect(madeYear({ madeOn: '2019-12-31' })).toBe(2019);
	});
	it('groups by year newest first, keeping each year’s order', () => {
		const groups = byYear(commitments.slice(0, 7), (c) => c.madeOn);
		expect(groups.map((g) => [g.year, g.items.map((c) => c.id)])).toEqual([
			[2022, ['big-2', 'big-5']],
			[2021, ['big-1', 'big-4']],
			[2020, ['big-0', 'big-3', 'big-6']],
		]);
	});
});

describe('open data', () => {
	const views = (): CommitmentView[] =>
		commitmentViews(
			[
				cm({ id: 'c2', standardContent: '登记、办理', note: '承接原单位承诺' }),
				cm({ id: 'c1', unitId: 'nzz', madeOn: '2022-05-25', dueBy: '2026-12-31' }),
			],
			[up('2024-10-01', 'fulfilled', '已兑现，见网站', 'c2')],
			'2026-11-22',
			names,
		);
	it('publishes the SPEC fields first, sorted by id, with fulfilledOn only when fulfilled', () => {
		const json = commitmentsJson(views());
		expect(json.map((r) => r.id)).toEqual(['c1', 'c2']);
		expect(json[0]).toEqual({
			id: 'c1',
			unitId: 'nzz',
			category: '政务',
			content: '热线交办件 5 个工作日内办结',
			madeOn: '2022-05-25',
			dueBy: '2026-12-31',
			status: 'in-progress',
			overdue: false,
			unitName: '南闸街道',
			madeUnder: '南闸镇',
			history: [],
		});
		expect(Object.keys(json[1]).slice(0, 9)).toEqual([
			'id',
			'unitId',
			'category',
			'content',
			'madeOn',
			'dueBy',
			'status',
			'overdue',
			'fulfilledOn',
		]);
		expect(json[1]).toMatchObject({
			status: 'fulfilled',
			overdue: false,
			fulfilledOn: '2024-10-01',
			standardContent: '登记、办理',
			note: '承接原单位承诺',
			history: [{ date: '2024-10-01', status: 'fulfilled', evidence: '已兑现，见网站' }],
		});
	});
	it('writes the same rows as CSV with a BOM, the history in words', () => {
		const csv = commitmentsCsv(views());
		expect(csv.startsWith('\uFEFFid,unitId,category,content,madeOn,dueBy,status,overdue,fulfilledOn,')).toBe(
			true,
		);
		const lines = csv.trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[2]).toBe(
			'c2,t1,政务,热线交办件 5 个工作日内办结,2024-01-10,2024-12-31,fulfilled,false,2024-10-01,甲镇,,登记、办理,,,2024-10-01,承接原单位承诺,2024-10-01 已兑现：已兑现，见网站',
		);
	});
	it('marks an open commitment past its due date as overdue, and lists its steps in date order, joined by ；', () => {
		// Due 2025-06-30, still 履行中 on 2026-11-22: overdue, its status still in-progress; the derived 逾期 step is
		// not one of the office's steps and is not listed.
		const v = commitmentViews(
			[cm({ id: 'c3', dueBy: '2025-06-30' })],
			[up('2025-05-01', 'in-progress', '过半', 'c3'), up('2025-03-01', 'in-progress', '已启动', 'c3')],
			'2026-11-22',
			names,
		);
		expect(commitmentsJson(v)[0]).toMatchObject({
			status: 'in-progress',
			overdue: true,
			history: [
				{ date: '2025-03-01', status: 'in-progress', evidence: '已启动' },
				{ date: '2025-05-01', status: 'in-progress', evidence: '过半' },
			],
		});
		expect(commitmentsCsv(v).trim().split('\r\n')[1]).toMatch(
			/,in-progress,true,.*,2025-03-01 履行中：已启动；2025-05-01 履行中：过半$/,
		);
	});
	it('names a pledge’s unit as it is today, and as it was on the day the pledge was signed where that differs', () => {
		const unitName = (_id: string, date?: string) => (date && date < '2023-04-01' ? '南闸镇' : '南闸街道');
		const [row] = pledgesJson(
			[
				{
					id: 'QY-3',
					enterprise: '淮安某公司',
					uscc: '91320803MAAQL59GPD',
					kinds: ['safety'],
					signedOn: '2023-03-31',
					unitId: 'nzz',
				},
			],
			unitName,
			4,
		);
		expect(row).toMatchObject({
			unitName: '南闸街道',
			signedUnder: '南闸镇',
			validFrom: '2023-Q1',
			validTo: '2023-Q4',
		});
	});
	it('publishes pledges with their kinds as codes, the unit’s name and the quarters they count', () => {
		const rows = pledgesJson(
			[
				{
					id: 'QY-2',
					enterprise: '淮安汇通建材有限公司',
					uscc: '91320803MAAQL59GPD',
					kinds: ['safety', 'tax'],
					signedOn: '2022-02-16',
					unitId: 't1',
				},
			],
			() => '甲镇',
			4,
		);
		expect(rows).toEqual([
			{
				id: 'QY-2',
				enterprise: '淮安汇通建材有限公司',
				uscc: '91320803MAAQL59GPD',
				kinds: ['safety', 'tax'],
				signedOn: '2022-02-16',
				unitId: 't1',
				unitName: '甲镇',
				validFrom: '2022-Q1',
				validTo: '2022-Q4',
			},
		]);
	});
	it('names the unit a pledge was signed with when it was called otherwise that day, and only then', () => {
		// 南闸镇 became 南闸街道 on 2023-04-01.
		const name = (unitId: string, date = '2026-11-22') => nameOn(names, unitId, date);
		const pledge = (id: string, signedOn: string) => ({
			id,
			enterprise: '淮安汇通建材有限公司',
			uscc: '91320803MAAQL59GPD',
			kinds: ['safety' as const],
			signedOn,
			unitId: 'nzz',
		});
		const rows = pledgesJson([pledge('QY-1', '2023-03-31'), pledge('QY-2', '2023-04-01')], name, 4);
		expect(rows.map((r) => [r.id, r.unitName, r.signedUnder])).toEqual([
			['QY-1', '南闸街道', '南闸镇'],
			['QY-2', '南闸街道', undefined],
		]);
	});
	it('writes a commitment’s steps in the CSV twin oldest first, separated by "；"', () => {
		const csv = commitmentsCsv(
			commitmentViews(
				[cm()],
				[up('2024-05-01', 'changed', '依法调整时限'), up('2024-10-01', 'fulfilled', '已办结')],
				'2026-11-22',
				names,
			),
		);
		expect(
			csv.trim().split('\r\n')[1].endsWith(',2024-05-01 依法变更：依法调整时限；2024-10-01 已兑现：已办结'),
		).toBe(true);
	});
});
