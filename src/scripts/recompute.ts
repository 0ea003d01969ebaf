/**
 * 复算 on a unit's quarter breakdown: the reader presses the button, the browser downloads the quarter's open-data
 * files from `/data/`, recomputes the result with the site's own scoring module (`src/lib/recompute/`, bundled here),
 * shows each step and the SHA-256 of every file against `datapackage.json`, and says "与公布结果一致" or what
 * differs. Without JavaScript the section stays hidden and the published table stands. Everything from the files is
 * put on the page with `textContent`, never as HTML.
 */
import { arithmeticLines, recompute, verdictText, type RecomputeReport } from '../lib/recompute/recompute.ts';
import { isQuarterId } from '../lib/quarters.ts';

/** Each file once per page: a page holds up to four quarters' sections, which share most of their inputs. */
const fetched = new Map<string, Promise<Uint8Array>>();
const read = (path: string) => {
	let p = fetched.get(path);
	if (!p) {
		p = fetch(`/data/${path}`).then(async (res) => {
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			return new Uint8Array(await res.arrayBuffer());
		});
		fetched.set(path, p);
	}
	return p;
};

/** An element with text content and, optionally, a class. */
function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	text?: string,
	cls?: string,
): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	if (text !== undefined) e.textContent = text;
	if (cls) e.className = cls;
	return e;
}

/** A table with a caption, a header row and body rows of text. */
function table(caption: string, head: string[], rows: string[][], numeric: number[] = []): HTMLElement {
	const wrap = el('div', undefined, 'table-scroll');
	wrap.tabIndex = 0;
	wrap.setAttribute('role', 'region');
	wrap.setAttribute('aria-label', caption);
	const t = el('table');
	t.append(el('caption', caption));
	const thead = el('thead');
	const hr = el('tr');
	head.forEach((h, i) => {
		const th = el('th', h, numeric.includes(i) ? 'num' : undefined);
		th.scope = 'col';
		hr.append(th);
	});
	thead.append(hr);
	const tbody = el('tbody');
	for (const r of rows) {
		const tr = el('tr');
		r.forEach((c, i) => tr.append(el('td', c, numeric.includes(i) ? 'num' : i === 1 ? 'text' : undefined)));
		tbody.append(tr);
	}
	t.append(thead, tbody);
	wrap.append(t);
	return wrap;
}

function render(out: HTMLElement, r: RecomputeReport) {
	out.replaceChildren(
		el('h5', '输入文件'),
		table(
			'复算读取的文件及其 SHA-256',
			['文件', 'SHA-256', '与 datapackage.json 核对'],
			r.inputs.map((i) => [
				`/data/${i.path}`,
				i.sha256,
				i.path === 'datapackage.json'
					? '（数据包本身）'
					: i.ok
						? '✓ 一致'
						: `✗ 不一致（数据包中为 ${i.expected ?? '无'}）`,
			]),
		),
		el('h5', '各项指标'),
		table(
			'复算的各项指标得分',
			['指标', '计算', '复算得分', '公布得分'],
			r.steps.map((s) => [
				`${s.id} ${s.title}`,
				s.explain,
				`${s.points} / ${s.max}`,
				`${s.published ?? '无'}${s.ok ? '' : ' ✗'}`,
			]),
			[2, 3],
		),
		el('h5', '合计、等次和排名'),
		(() => {
			const ol = el('ol');
			for (const line of arithmeticLines(r)) ol.append(el('li', line));
			return ol;
		})(),
		el('p', verdictText(r), r.consistent ? 'recompute-verdict' : 'recompute-verdict differs'),
	);
}

for (const section of document.querySelectorAll<HTMLElement>('section.recompute')) {
	const quarter = section.dataset.quarter ?? '';
	const unit = section.dataset.unit ?? '';
	const button = section.querySelector('button');
	const status = section.querySelector<HTMLElement>('.recompute-status');
	const out = section.querySelector<HTMLElement>('.recompute-output');
	if (!isQuarterId(quarter) || !unit || !button || !status || !out) continue;
	button.addEventListener('click', async () => {
		button.disabled = true;
		status.textContent = '正在下载开放数据并复算……';
		out.replaceChildren();
		try {
			const r = await recompute(quarter, unit, read);
			render(out, r);
			status.textContent = r.consistent ? '复算完成。' : '复算完成：有不一致之处。';
		} catch (e) {
			status.textContent = '';
			out.replaceChildren(el('p', `无法复算：${(e as Error).message}`, 'recompute-verdict differs'));
		} finally {
			button.disabled = false;
		}
	});
}
