/**
 * What the results pages draw and the one-file history lists (`src/page-data/charts.ts`, `src/page-data/history.ts`),
 * on hand-made quarters: the order of quarters, the names as of each quarter, and the counts by category and grade.
 */
import { describe, expect, it } from 'vitest';
import {
	chartCsv,
	chartCsvPath,
	gradeDistributionChart,
	unitTrendChart,
} from '../../src/page-data/charts.ts';
import { historyRows } from '../../src/page-data/history.ts';
import type { ScoredQuarter, UnitQuarter } from '../../src/page-data/quarters.ts';

const u = (id: string, name: string, category: string, score: number, grade: string, rank: number) => ({
	id,
	name,
	category,
	score,
	grade,
	rank,
	change: null,
});
// Newest first, as scoredQuarters() gives them. 南闸镇 became 南闸街道 in 2023-Q2.
const quarters = [
	{
		quarter: '2023-Q2',
		release: { releasedOn: '2023-07-20', docNumber: '淮信用办〔2023〕5号' },
		units: [u('nzz', '南闸街道', 'town', 80, 'blue', 1), u('a1', '区甲局', 'A', 60, 'yellow', 1)],
	},
	{
		quarter: '2023-Q1',
		release: { releasedOn: '2023-04-20', docNumber: '淮信用办〔2023〕2号' },
		units: [u('nzz', '南闸镇', 'town', 75.5, 'blue', 1)],
	},
] as unknown as ScoredQuarter[];

describe('the grades history file', () => {
	it('lists the oldest quarter first, each row with its quarter’s release and the name the unit had then', () => {
		expect(historyRows(quarters).map((r) => [r.quarter, r.id, r.name, r.releasedOn, r.docNumber])).toEqual([
			['2023-Q1', 'nzz', '南闸镇', '2023-04-20', '淮信用办〔2023〕2号'],
			['2023-Q2', 'nzz', '南闸街道', '2023-07-20', '淮信用办〔2023〕5号'],
			['2023-Q2', 'a1', '区甲局', '2023-07-20', '淮信用办〔2023〕5号'],
		]);
	});
});

describe('the charts', () => {
	const history = quarters.flatMap((q) =>
		q.units.filter((x) => x.id === 'nzz').map((result) => ({ quarter: q.quarter, result })),
	) as unknown as UnitQuarter[];

	it('draw a unit’s scores oldest first, naming a quarter by the name the unit had then', () => {
		const c = unitTrendChart('nzz', '南闸街道', history)!;
		expect(c.spec.labels).toEqual(['2023年第一季度（时称“南闸镇”）', '2023年第二季度']);
		expect(c.spec.series[0].values).toEqual([75.5, 80]);
		expect(c.summary).toBe(
			'南闸街道各季度得分：2023年第一季度（时称“南闸镇”） 75.5 分，2023年第二季度 80.0 分',
		);
		// The file "下载本图数据" links to, and its header: the table's first column, then the series.
		expect([chartCsvPath(c.id), c.caption, c.spec.type, c.spec.yMax, c.decimals]).toEqual([
			'/charts/unit-nzz-scores.csv',
			'南闸街道各季度得分走势',
			'line',
			100,
			1,
		]);
		expect(
			chartCsv(c)
				.replace(/^\uFEFF/, '')
				.split('\r\n')
				.slice(0, 3),
		).toEqual(['季度,得分', '2023年第一季度（时称“南闸镇”）,75.5', '2023年第二季度,80']);
		expect(unitTrendChart('nzz', '南闸街道', history.slice(0, 1))).toBeUndefined();
	});

	it('count each category’s units by grade, listing only the categories the quarter has', () => {
		const c = gradeDistributionChart(quarters[0]);
		expect(c.spec.labels).toEqual(['镇（街道）', 'A类部门']);
		expect(c.spec.series.map((s) => [s.label, s.values])).toEqual([
			['▲ 红名单', [0, 0]],
			['● 蓝名单', [1, 0]],
			['▼ 黄名单', [0, 1]],
		]);
		expect(
			chartCsv(c)
				.replace(/^\uFEFF/, '')
				.split('\r\n')[1],
		).toBe('镇（街道）,0,1,0');
		// What a screen reader says instead of the bars: each category's own counts.
		expect(c.summary).toBe(
			'2023年第二季度各类单位等次分布：镇（街道）红名单 0 个、蓝名单 1 个、黄名单 0 个；A类部门红名单 0 个、蓝名单 0 个、黄名单 1 个',
		);
		expect([chartCsvPath(c.id), c.caption, c.labelHeader, c.spec.type, c.spec.stacked]).toEqual([
			'/charts/grades-2023-Q2.csv',
			'2023年第二季度各类单位等次分布（单位：个）',
			'类别',
			'bar',
			true,
		]);
		// Each grade its own colour.
		expect(new Set(c.spec.series.map((s) => s.color)).size).toBe(3);
	});
});
