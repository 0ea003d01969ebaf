import { describe, expect, it } from 'vitest';
import { escapeHtml, evidenceItemsHtml, pledgeItemsHtml } from '../../src/page-data/evidence.ts';
import type { Evidence } from '../../src/lib/validate/dataset.ts';

describe('escapeHtml', () => {
	it('escapes every character that could start markup or end an attribute, and leaves other text as it is', () => {
		expect(escapeHtml(`a&b<c>"d'e`)).toBe('a&amp;b&lt;c&gt;&quot;d&#39;e');
		expect(escapeHtml('<script>alert("x")</script>')).toBe(
			'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
		);
		expect(escapeHtml('按时报送“双公示”信息 A·B')).toBe('按时报送“双公示”信息 A·B');
		expect(escapeHtml('')).toBe('');
	});
});

describe('evidenceItemsHtml', () => {
	const row = (e: Partial<Evidence> & { id: string }) =>
		[e.id, { quarter: '2022-Q1', unitId: 'u1', indicatorId: '1.1', ...e } as Evidence] as const;
	const evidence = new Map([
		row({
			id: 'e1',
			date: '2022-03-15',
			kind: 'done',
			what: '报送<b>',
			source: '区信用办 & 区政府',
			count: 3,
		}),
		row({
			id: 'e2',
			date: '2022-02-01',
			kind: 'incident',
			what: '逾期',
			source: '通报',
			reason: '迟报 "2" 天',
			count: 1,
		}),
		row({ id: 'e3', kind: 'none' }),
	]);

	it('lists each row as date · kind · what · source, with its count, reason and record id, every value escaped', () => {
		expect(evidenceItemsHtml(['e1', 'e2', 'e3'], evidence)).toBe(
			'<li><span class="date">2022-03-15</span> · 完成 3 项 · 报送&lt;b&gt; · 区信用办 &amp; 区政府 <small class="record-id">e1</small></li>' +
				'<li><span class="date">2022-02-01</span> · 扣分 · 逾期 · 通报（理由：迟报 &quot;2&quot; 天） <small class="record-id">e2</small></li>' +
				// Nothing written: no empty · between nothing.
				'<li><span class="date"></span> · 无 <small class="record-id">e3</small></li>',
		);
	});

	it('shows a count of two or more, and none for a single item', () => {
		const two = new Map([row({ id: 'e4', date: '2022-03-01', kind: 'item', what: '培训', count: 2 })]);
		expect(evidenceItemsHtml(['e4'], two)).toBe(
			'<li><span class="date">2022-03-01</span> · 事项 2 项 · 培训 <small class="record-id">e4</small></li>',
		);
	});

	it('labels a row whose 类型 was left blank by the kind its indicator implies (完成, 评分, 扣分), 事项 without one', () => {
		const blank = new Map([row({ id: 'e5', date: '2022-03-02', what: '全量报送' })]);
		const li = (label: string) =>
			`<li><span class="date">2022-03-02</span> · ${label} · 全量报送 <small class="record-id">e5</small></li>`;
		expect(evidenceItemsHtml(['e5'], blank, 'done')).toBe(li('完成'));
		expect(evidenceItemsHtml(['e5'], blank, 'judged')).toBe(li('评分'));
		expect(evidenceItemsHtml(['e5'], blank, 'incident')).toBe(li('扣分'));
		expect(evidenceItemsHtml(['e5'], blank)).toBe(li('事项'));
	});

	it('labels a row by its own 类型 when one was written, whatever its indicator implies', () => {
		const typed = new Map([row({ id: 'e6', date: '2022-03-03', kind: 'item', what: '培训' })]);
		expect(evidenceItemsHtml(['e6'], typed, 'done')).toBe(
			'<li><span class="date">2022-03-03</span> · 事项 · 培训 <small class="record-id">e6</small></li>',
		);
	});

	it('leaves out an id it has no published row for', () => {
		expect(evidenceItemsHtml(['missing', 'e1'], evidence)).toBe(evidenceItemsHtml(['e1'], evidence));
		expect(evidenceItemsHtml([], evidence)).toBe('');
	});
});

describe('pledgeItemsHtml', () => {
	const pledges = new Map([
		[
			'p1',
			{
				id: 'p1',
				enterprise: '淮安<某>食品有限公司',
				uscc: '91320803MA1B2C014X',
				kinds: ['safety' as const],
				signedOn: '2026-08-18',
				unitId: 'hcjd',
			},
		],
	]);
	it('lists each counted pledge as date · 企业信用承诺 · the enterprise linked to its row (code), escaped', () => {
		expect(pledgeItemsHtml(['p1', 'gone'], pledges)).toBe(
			'<li><span class="date">2026-08-18</span> · 企业信用承诺 · <a href="/commitments/pledges/hcjd/#p1">淮安&lt;某&gt;食品有限公司</a>（91320803MA1B2C014X） <small class="record-id">p1</small></li>',
		);
	});
});
