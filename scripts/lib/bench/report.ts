/**
 * The benchmark's results as Markdown tables: printed at the end of `npm run bench` and written into the generated
 * part of `src/docs/performance.md`, between its two markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Issue 21's targets (and issue 4's page weight). */
export const TARGET = {
	ratioToFloor: 2,
	memoryMB: 2048,
	doubling: 2.1,
	templateKB: 60,
	searchKB: 300,
	searchMs: 300,
	lighthouse: 98,
	tbtMs: 100,
	lcpMs: 1500,
};

const START = '<!-- npm run bench 生成：开始 -->';
const END = '<!-- npm run bench 生成：结束 -->';

const fmt = (x: number | null | undefined, d = 1) =>
	x === null || x === undefined || Number.isNaN(x)
		? '—'
		: x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
const table = (head: string[], rows: string[][], right = head.map((_, i) => i > 0)) =>
	[
		`| ${head.join(' | ')} |`,
		`| ${right.map((r) => (r ? '---:' : '---')).join(' | ')} |`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
	].join('\n');
/** A sentence of the page's (its status line) inside brackets of ours: without its full stop. */
const clause = (s: string) => s.replace(/[。.]$/, '');
const met = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? '达到' : '未达到');

// The results are the JSON object `npm run bench` writes (see scripts/bench.ts), read loosely here.
/** The Markdown of a results object as `npm run bench` writes it to `bench/results.json`. */
export function resultsMarkdown(r: any): string {
	const sites = Object.entries(r).filter(
		([, v]: [string, any]) => v && typeof v === 'object' && 'stages' in v,
	) as [string, any][];
	const out: string[] = [];
	out.push(
		`${r.date} 的结果：${r.machine.cpus} 核 ${r.machine.cpu}、${r.machine.memoryGB} GB 内存、Node ${r.machine.node.replace(/^v/, '')}、Astro ${r.machine.astro}、Pagefind ${r.machine.pagefind}${r.machine.cjkFont === undefined ? '' : r.machine.cjkFont ? `、中文字体 ${r.machine.cjkFont}` : '、没有中文字体'}；运行时机器负载（1、5、15 分钟平均）${r.loadAverage.join('、')}；整个基准用时 ${r.benchMinutes} 分钟。`,
	);
	out.push(
		table(
			['数据集', '单位 × 季度', '评价记录', '候选人', '承诺'],
			sites.map(([n, s]) => [
				n,
				`${s.dataset.units} × ${s.dataset.quarters}`,
				s.dataset.evidenceRows.toLocaleString('en'),
				String(s.dataset.exemplars),
				s.dataset.commitments.toLocaleString('en'),
			]),
		),
	);
	out.push(
		'构建各阶段用时（秒）。评分、核对数据去向和两个“写出开放数据”阶段在两个核上同时运行，核对数据去向（account）和“写出中文表头的 CSV”（twinData）还可与生成网站（astroBuild）同时运行，所以“合计”小于各列之和。',
	);
	const keys = [
		'validate',
		'score',
		'account',
		'evidenceData',
		'gradesData',
		'astroBuild',
		'pagefind',
		'twinData',
		'publishData',
		'verifyPublished',
	];
	out.push(
		table(
			['数据集', ...keys, '合计', '页数', 'ms/页', '峰值内存 MB'],
			sites.map(([n, s]) => [
				n,
				...keys.map((k) => fmt(s.stages[k]?.seconds)),
				fmt(s.buildSeconds),
				s.pages.toLocaleString('en'),
				fmt(s.msPerPage, 2),
				String(s.peakMemoryMB ?? '—'),
			]),
		),
	);
	out.push(
		'下限（floor）是任何实现都省不掉的工作：纯 Astro 生成同样多的页面（`bench/baseline/`），加上 Pagefind 单独为本站实际生成的 `dist/` 建索引（“单独运行”一列；构建里的 pagefind 在 astro 刚结束时运行，时快时慢，多出的部分不算下限）。',
	);
	out.push(
		table(
			[
				'数据集',
				'本站构建',
				'纯 Astro 同页数',
				'构建里的 pagefind',
				'pagefind 单独运行',
				'下限',
				'与下限之比',
				'与纯 Astro 全流程之比',
			],
			sites.map(([n, s]) => [
				n,
				fmt(s.buildSeconds),
				fmt(s.baseline.stages.astroBuild.seconds),
				fmt(s.stages.pagefind.seconds),
				fmt(s.floorPagefind.seconds),
				fmt(s.floorSeconds),
				`**${fmt(s.ratioToFloor, 2)}**`,
				fmt(s.ratioToBareAstro, 2),
			]),
		),
	);
	for (const [n, s] of sites)
		if (s.astroProfile) {
			out.push(
				`${n}：astro build 按页面模板（Astro 记录的每页渲染时间之和；同时渲染 4 页，所以总和大于该阶段用时）`,
			);
			out.push(
				table(
					['模板', '页数', '毫秒', 'ms/页'],
					Object.entries(s.astroProfile as Record<string, any>)
						.slice(0, 12)
						.map(([t, p]) => [
							`\`${t}\``,
							p.pages.toLocaleString('en'),
							p.ms.toLocaleString('en'),
							fmt(p.msPerPage, 2),
						]),
				),
			);
		}
	const rebuilds = sites.filter(([, s]) => s.rebuild);
	if (rebuilds.length) {
		out.push(
			'改动一个季度之后重新构建（去掉最近发布的季度先构建一次，再加回它的评价记录和发布记录，在同一目录、用上次留下的缓存再构建）：',
		);
		out.push(
			table(
				['数据集', '加回的季度', '完整构建', '改动后重新构建', '与干净构建不同的文件'],
				rebuilds.map(([n, s]) => [
					n,
					s.rebuild.quarter,
					fmt(s.buildSeconds),
					fmt(s.rebuild.rebuildSeconds),
					String(s.rebuild.differsFromClean.length),
				]),
			),
		);
	}
	const lh = sites.find(([, s]) => s.lighthouse);
	if (lh) {
		out.push(
			`Lighthouse 移动端预设（模拟中端手机、慢速 4G），${lh[0]} 数据，每个模板 3 次取中位数，按 nginx 方案压缩传输：`,
		);
		out.push(
			table(
				['模板', '页面', '性能分', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'],
				Object.entries(lh[1].lighthouse as Record<string, any>).map(([t, m]) => [
					t,
					`\`${m.path}\``,
					String(m.score),
					String(m.fcpMs),
					String(m.lcpMs),
					String(m.tbtMs),
					String(m.cls),
				]),
			),
		);
	}
	const search = sites.find(([, s]) => s.search);
	if (search) {
		const s = search[1].search;
		out.push(
			`${search[0]}：搜索“${s.queries[0]}”（新打开的搜索页，先下载索引）${s.firstSearchMs} 毫秒，下载 ${fmt(s.bytes / 1024)} KB（${s.requests} 个请求）；索引已加载后搜索“${s.queries[1]}”从输入到显示前几条结果 ${s.searchMs} 毫秒${s.searchPageMs === undefined ? '' : `、显示整页结果 ${s.searchPageMs} 毫秒`}（${clause(s.status)}）。`,
		);
		if (s.names?.length)
			out.push(
				`索引已加载后搜索两个字的人名（数据里同名候选人最多的 ${s.names.length} 个，议题的目标按它们的中位数算）：` +
					s.names
						.map(
							(n: any) =>
								`“${n.query}”${n.ms} 毫秒${n.pageMs === n.ms ? '' : `、整页 ${n.pageMs} 毫秒`}（${clause(n.status)}）`,
						)
						.join('；') +
					'。',
			);
	}
	const large = r.large;
	const lhAll = lh ? Object.values(lh[1].lighthouse as Record<string, any>) : [];
	out.push(
		table(
			['目标', '结果', ''],
			[
				[
					`large 与下限之比 ≤ ${TARGET.ratioToFloor}`,
					fmt(large?.ratioToFloor, 2),
					met(large && large.ratioToFloor <= TARGET.ratioToFloor),
				],
				[
					`large 峰值内存 < ${TARGET.memoryMB} MB`,
					`${large?.peakMemoryMB ?? '—'} MB（同时运行的各阶段峰值之和最多 ${large?.peakMemoryUpperMB ?? '—'} MB）`,
					met(large && large.peakMemoryMB < TARGET.memoryMB),
				],
				[
					`数据翻倍用时 ≤ ${TARGET.doubling} 倍`,
					fmt(r.doublingRatio, 2),
					met(r.doublingRatio === undefined ? undefined : r.doublingRatio <= TARGET.doubling),
				],
				[
					`每个模板 Lighthouse ≥ ${TARGET.lighthouse}、TBT ≤ ${TARGET.tbtMs} ms、LCP ≤ ${TARGET.lcpMs} ms`,
					lhAll.length
						? `最低 ${Math.min(...lhAll.map((m) => m.score))} 分、TBT 最高 ${Math.max(...lhAll.map((m) => m.tbtMs))} ms、LCP 最高 ${Math.max(...lhAll.map((m) => m.lcpMs))} ms`
						: '—',
					met(
						lhAll.length
							? lhAll.every(
									(m) => m.score >= TARGET.lighthouse && m.tbtMs <= TARGET.tbtMs && m.lcpMs <= TARGET.lcpMs,
								)
							: undefined,
					),
				],
				[
					`large 索引加载后搜索两个字的人名 ≤ ${TARGET.searchMs} ms，首次下载 ≤ ${TARGET.searchKB} KB`,
					large?.search
						? `${large.search.nameSearchMs ?? '—'} ms（常用词“${large.search.queries[1]}” ${large.search.searchMs} ms），${fmt(large.search.bytes / 1024)} KB`
						: '—',
					met(
						large?.search?.nameSearchMs === undefined
							? undefined
							: large.search.nameSearchMs <= TARGET.searchMs && large.search.bytes <= TARGET.searchKB * 1024,
					),
				],
				[
					'评分 100 万行 < 5 秒（`npm run bench:score`）',
					`${fmt(r.scoring?.seconds, 2)} 秒`,
					met(r.scoring ? r.scoring.seconds < 5 : undefined),
				],
			],
			[false, false, false],
		),
	);
	return out.join('\n\n') + '\n';
}

/** Replaces the generated part of a Markdown file (between its markers) with `markdown`. */
export function writeGenerated(file: string, markdown: string): void {
	const text = readFileSync(file, 'utf8');
	const from = text.indexOf(START);
	const to = text.indexOf(END);
	if (from < 0 || to < from) throw new Error(`${file} 缺少生成部分的标记 ${START} … ${END}`);
	writeFileSync(file, `${text.slice(0, from + START.length)}\n\n${markdown}\n${text.slice(to)}`);
}
