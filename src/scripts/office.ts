/**
 * The office page's script (/office/, 填报台): opens the data folder or files, hands them to the worker
 * (`office-worker.ts`, where everything heavy runs), and shows what it finds — the problems as a list and on a grid
 * of the sheet, the safe fixes to accept one by one, draft quarters' previews, and the files to download. Every text
 * from the files is set with `textContent`, never as HTML.
 */
import OfficeWorker from './office-worker.ts?worker';
import { formatIssue, type Issue } from '../lib/issues.ts';
import { cellShown, columnLetters, dataRoot, issuePlace, notData, readFailure } from '../lib/office/paths.ts';
import { pageMessage } from '../lib/office/page-words.ts';
import {
	REST_OF_FIXES,
	type CellEdit,
	type CheckResult,
	type FromWorker,
	type OpenedFile,
	type ToWorker,
} from '../lib/office/protocol.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
	const e = document.createElement(tag);
	if (text !== undefined) e.textContent = text;
	if (cls) e.className = cls;
	return e;
};

const worker = new OfficeWorker();
const send = (m: ToWorker) => worker.postMessage(m);

/** Rows the grid shows at once. */
const PAGE = 100;
/** Problems listed in a frame. */
const ISSUE_SLICE = 50;
/** How long after the last typed cell the worker re-checks (several cells typed quickly are checked once). */
const DEBOUNCE_MS = 300;

let result: CheckResult | undefined;
let checks = 0;
let gridRel = '';
let gridFrom = 2;
let gridTotal = 0;
/** The fixes the clerk accepted: `rel|line:column|from|to`. */
const accepted = new Set<string>();
let edits: { rel: string; edits: CellEdit[] } | undefined;
let editTimer: ReturnType<typeof setTimeout> | undefined;

// —— Progress ——————————————————————————————————————————————————————————————————————————————————————————————————————
const progressBox = $('progress-box');
const bar = $<HTMLProgressElement>('progress');
const progressLabel = $('progress-label');
function showProgress(label: string, done?: number, total?: number) {
	progressBox.hidden = false;
	progressLabel.textContent = total ? `${label}（${done} / ${total}）` : label;
	if (total) bar.value = Math.round((100 * (done ?? 0)) / total);
	else bar.removeAttribute('value');
}

// —— Long lists ————————————————————————————————————————————————————————————————————————————————————————————————————
/** The latest run of each long list, so that a newer one stops what is left of an older. */
const runs = new Map<string, number>();

/**
 * Shows `count` items a slice a frame: `add(from, to)` appends items `from` to `to - 1`, then `done` runs after the
 * last. Laid out at once, a 100-row page of the grid (some 1,000 cells) or a list of 1,000 problems held a loaded
 * two-core machine's page for 300 ms to seconds; a slice a frame keeps every task short. A new run of the same list
 * stops the old one.
 */
function inSlices(
	list: string,
	count: number,
	slice: number,
	add: (from: number, to: number) => void,
	done?: () => void,
) {
	const run = (runs.get(list) ?? 0) + 1;
	runs.set(list, run);
	let next = 0;
	const step = () => {
		if (runs.get(list) !== run) return;
		const to = Math.min(next + slice, count);
		add(next, to);
		next = to;
		if (next < count) requestAnimationFrame(step);
		else done?.();
	};
	step();
}

// —— Opening files ————————————————————————————————————————————————————————————————————————————————————————————————

function openFolder(list: OpenedFile[]) {
	const kept = list.filter((f) => !notData(f.path));
	// Only the data folder is read (the clerk may have picked the whole repository).
	const root = dataRoot(kept.map((f) => f.path));
	showProgress('正在读取文件');
	send({ type: 'folder', files: kept.filter((f) => f.path.startsWith(root)) });
}

function openFiles(list: File[]) {
	showProgress('正在读取文件');
	send({ type: 'files', files: list.map((file) => ({ path: file.name, file })) });
}

/** Every file under a directory handle (the File System Access API), with paths from the picked folder's name. */
async function walkHandle(dir: FileSystemDirectoryHandle, prefix: string, out: OpenedFile[]) {
	for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
		const path = `${prefix}/${entry.name}`;
		if (notData(entry.name)) continue;
		if (entry.kind === 'file') out.push({ path, file: await (entry as FileSystemFileHandle).getFile() });
		else await walkHandle(entry as FileSystemDirectoryHandle, path, out);
	}
	return out;
}

/** Every file under a dropped directory entry. */
async function walkEntry(entry: FileSystemEntry, out: OpenedFile[]): Promise<void> {
	if (notData(entry.name)) return;
	if (entry.isFile) {
		const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
		out.push({ path: entry.fullPath.replace(/^\//, ''), file });
		return;
	}
	const reader = (entry as FileSystemDirectoryEntry).createReader();
	for (;;) {
		const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
		if (!batch.length) return;
		for (const e of batch) await walkEntry(e, out);
	}
}

const folderInput = $<HTMLInputElement>('folder-input');
const fileInput = $<HTMLInputElement>('file-input');
$('pick-folder').addEventListener('click', async () => {
	const picker = (window as unknown as { showDirectoryPicker?: () => Promise<FileSystemDirectoryHandle> })
		.showDirectoryPicker;
	if (!picker) return folderInput.click();
	try {
		const dir = await picker();
		openFolder(await walkHandle(dir, dir.name, []));
	} catch (e) {
		// The clerk closed the picker: nothing to say.
		if ((e as Error).name !== 'AbortError') failed(readFailure(e));
	}
});
folderInput.addEventListener('change', () => {
	const list = [...(folderInput.files ?? [])].map((file) => ({
		path: file.webkitRelativePath || file.name,
		file,
	}));
	folderInput.value = '';
	if (list.length) openFolder(list);
});
fileInput.addEventListener('change', () => {
	const list = [...(fileInput.files ?? [])];
	fileInput.value = '';
	if (list.length) openFiles(list);
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
	e.preventDefault();
	drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
// A keyboard cannot drag: Enter or Space on the drop zone opens the file chooser instead.
drop.addEventListener('keydown', (e) => {
	if (e.key !== 'Enter' && e.key !== ' ') return;
	e.preventDefault();
	fileInput.click();
});
drop.addEventListener('drop', async (e) => {
	e.preventDefault();
	drop.classList.remove('over');
	const items = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry()).filter((x) => x !== null);
	const dir = items.find((i) => i.isDirectory);
	if (dir) {
		const out: OpenedFile[] = [];
		try {
			await walkEntry(dir, out);
		} catch (err) {
			return failed(readFailure(err));
		}
		return openFolder(out);
	}
	openFiles([...(e.dataTransfer?.files ?? [])]);
});

// —— Results ——————————————————————————————————————————————————————————————————————————————————————————————————————
function failed(message: string) {
	const box = $('office-failed');
	box.textContent = message;
	box.hidden = false;
	progressBox.hidden = true;
}

/** Where an issue is, as the clerk reads it: `C14 · 第 14 行 “单位编号” 列`. */
function placeText(i: Issue): string {
	const p = issuePlace(i);
	return p.cell ? `${p.cell} · ${p.words}` : p.words;
}

const relOf = (file: string) => file.replace(/^data\//, '');
const isTable = (rel: string) => result?.files.some((f) => f.rel === rel && f.title !== undefined) ?? false;

/** A problem as the list shows it: what and where, a way to it on the grid, and the command line's words. */
function issueItem(i: Issue): HTMLLIElement {
	const li = el('li', undefined, `office-issue ${i.severity}`);
	const head = el('p');
	head.append(
		el('span', i.severity === 'error' ? '错误' : '警告', 'sev'),
		' ',
		el('span', `data/${relOf(i.file)}`, 'file'),
		' ',
		el('span', placeText(i), 'place'),
	);
	const msg = el('p');
	msg.append(el('span', pageMessage(i.message), 'msg'), ' ', el('code', `(${i.code})`, 'code'));
	li.append(head, msg);
	const rel = relOf(i.file);
	if (i.row !== undefined && isTable(rel)) {
		const go = el('button', '在表格中查看');
		go.type = 'button';
		go.addEventListener('click', () => showGrid(rel, i.row!, i.column));
		li.append(go);
	}
	const cli = el('p', undefined, 'office-cli');
	cli.append('命令行中显示为：', el('code', formatIssue(i), 'cli'));
	li.append(cli);
	return li;
}

function renderIssues(r: CheckResult) {
	$('summary').textContent =
		`共 ${r.errors} 个错误，${r.warnings} 个警告。` +
		// A file that could not be placed was checked by nothing: never a clean "0 个错误" alone.
		(r.unplaced.length ? `另有 ${r.unplaced.length} 个文件或工作表没有检查，见下方。` : '') +
		(r.folder
			? `（检查了整个数据文件夹，用时 ${Math.round(r.ms)} 毫秒）`
			: '（只检查了放入的文件本身；打开整个数据文件夹才能核对单位编号、指标编号等引用）');
	const unplaced = $('unplaced');
	unplaced.replaceChildren(...r.unplaced.map((u) => el('li', `${u.name}：${u.problem}`, 'office-error')));
	$('files').replaceChildren(
		...r.files
			.filter((f) => f.changed || f.source)
			.map((f) =>
				el(
					'li',
					`${f.changed ? '新的或修改过的文件' : '文件'}：data/${f.rel}${f.source ? `（来自 ${f.source}）` : ''}${f.title ? `，${f.title}，${f.rows} 行` : ''}`,
				),
			),
	);
	const list = $('issues');
	list.replaceChildren();
	inSlices(
		'issues',
		r.issues.length,
		ISSUE_SLICE,
		(from, to) => list.append(...r.issues.slice(from, to).map(issueItem)),
		// How many checks have been shown whole: lets a reader (or a test) tell a new result from the last one.
		() => ($('summary').dataset.checks = String(checks)),
	);
	const more = $('issues-more');
	const total = r.errors + r.warnings;
	more.hidden = total <= r.issues.length;
	more.textContent = `只列出了前 ${r.issues.length} 条（共 ${total} 条）；请先改正这些，再重新检查。`;
}

/** A box accepting one fix (`rel|line:column|from|to`), or all of a file's fixes past the first `FIX_LIMIT`. */
function fixBox(key: string): HTMLInputElement {
	const box = el('input');
	box.type = 'checkbox';
	box.dataset.key = key;
	box.checked = accepted.has(key);
	box.addEventListener('change', () => (box.checked ? accepted.add(key) : accepted.delete(key)));
	return box;
}

function renderFixes(r: CheckResult) {
	const box = $('fixes');
	$('office-fixes').hidden = r.fixes.length === 0;
	box.replaceChildren(
		...r.fixes.map((f) => {
			const set = el('fieldset');
			set.append(el('legend', `data/${f.rel}`));
			if (f.skipped) set.append(el('p', f.skipped, 'office-hint'));
			const labels = f.changes.map((c) => {
				const label = el('label', undefined, 'office-fix');
				label.append(
					fixBox(`${f.rel}|${c.line}:${c.column}|${c.from}|${c.to}`),
					// A cell's change quotes its values ("９" → "9"); the file's encoding is not a cell's.
					c.from.startsWith('"')
						? ` 第 ${c.line} 行第 ${c.column} 列（${columnLetters(c.column)}${c.line}）：`
						: ' 整个文件：',
					el('span', c.from, 'from'),
					' → ',
					el('span', c.to, 'to'),
				);
				return label;
			});
			if (f.rest) {
				const label = el('label', undefined, 'office-fix');
				label.append(
					fixBox(`${f.rel}|${REST_OF_FIXES}`),
					` 其余 ${f.rest.count} 处修正（第 ${f.rest.first}～${f.rest.last} 行），一并接受`,
				);
				labels.push(label);
			}
			set.append(...labels);
			return set;
		}),
	);
}

function setAllFixes(on: boolean) {
	for (const b of document.querySelectorAll<HTMLInputElement>('#fixes input[type=checkbox]')) {
		b.checked = on;
		if (on) accepted.add(b.dataset.key!);
		else accepted.delete(b.dataset.key!);
	}
}
$('fix-all').addEventListener('click', () => setAllFixes(true));
$('fix-none').addEventListener('click', () => setAllFixes(false));

function renderDrafts(r: CheckResult) {
	const blocked = $('drafts-blocked');
	blocked.hidden = !r.draftsBlocked;
	blocked.textContent = r.draftsBlocked ?? '';
	$('office-drafts').hidden = !r.folder || (r.drafts.length === 0 && !r.draftsBlocked);
	$('drafts').replaceChildren(
		...r.drafts.flatMap((d) => {
			const pre = el('pre', d.lines.join('\n'), 'office-report');
			pre.dataset.quarter = d.quarter;
			pre.tabIndex = 0;
			return [el('h3', d.quarter), pre];
		}),
	);
}

function renderCommit(r: CheckResult) {
	const changed = r.files.filter((f) => f.changed).length;
	$('office-commit').hidden = false;
	$('commit-state').textContent =
		(r.errors
			? `还有 ${r.errors} 个错误：请先改正，否则提交后构建会失败，网站不会更新。`
			: '没有错误，可以提交。') +
		`新的或修改过的文件 ${changed} 个；接受的自动修正会写入下载的文件。下载的文件都是带 BOM 的 UTF-8 编码 CSV，与仓库中的文件格式相同。`;
}

function exportFiles(zip: boolean) {
	const byFile: Record<string, string[]> = {};
	for (const key of accepted) {
		const [rel, at] = key.split('|');
		(byFile[rel] ??= []).push(at);
	}
	send({ type: 'export', accepted: byFile, zip });
}
$('download-one').addEventListener('click', () => exportFiles(false));
$('download-zip').addEventListener('click', () => exportFiles(true));

function download(name: string, bytes: Uint8Array) {
	const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
	const a = el('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// —— Grid —————————————————————————————————————————————————————————————————————————————————————————————————————————
const gridSelect = $<HTMLSelectElement>('grid-file');
const grid = $<HTMLTableElement>('grid');
let focus: { row: number; column: number } | undefined;

function renderGridFiles(r: CheckResult) {
	const tables = r.files.filter((f) => f.title !== undefined);
	$('office-grid').hidden = tables.length === 0;
	gridSelect.replaceChildren(
		...tables.map((f) => {
			const o = el('option', `data/${f.rel}（${f.title}）`);
			o.value = f.rel;
			return o;
		}),
	);
	if (!tables.some((f) => f.rel === gridRel)) {
		// The first table with a problem, else the first changed one, else the first.
		const first =
			tables.find((f) => r.issues.some((i) => relOf(i.file) === f.rel && i.row !== undefined)) ??
			tables.find((f) => f.changed) ??
			tables[0];
		gridRel = first?.rel ?? '';
		gridFrom = 2;
	}
	gridSelect.value = gridRel;
	if (gridRel) requestRows();
}

function requestRows() {
	send({ type: 'rows', rel: gridRel, from: 1, count: 1 });
	send({ type: 'rows', rel: gridRel, from: gridFrom, count: PAGE });
}

function showGrid(rel: string, row: number, column: number) {
	gridRel = rel;
	gridSelect.value = rel;
	gridFrom = Math.max(2, row - 10);
	focus = { row, column };
	requestRows();
	$('office-grid').scrollIntoView();
}

gridSelect.addEventListener('change', () => {
	gridRel = gridSelect.value;
	gridFrom = 2;
	requestRows();
});
$('grid-prev').addEventListener('click', () => {
	gridFrom = Math.max(2, gridFrom - PAGE);
	requestRows();
});
$('grid-next').addEventListener('click', () => {
	if (gridFrom + PAGE <= gridTotal) gridFrom += PAGE;
	requestRows();
});

let headerRow: { rows: string[][]; issues: Issue[] } = { rows: [], issues: [] };
/** Each grid cell's whole text, where the cell shows only its start (`cellShown`). */
const cellText = new WeakMap<HTMLTableCellElement, string>();
/** Rows of the grid laid out in a frame. */
const GRID_SLICE = 10;
/** A page of rows that came while the grid was not settled, laid out when it is (or replaced by a newer page). */
let heldRows: Extract<FromWorker, { type: 'rows' }> | undefined;
/** Edits sent to the worker whose check has not come back. */
let checking = false;

/**
 * Whether a page of rows from the worker may be laid out now. Not while a cell is being typed in: laying the grid out
 * again would drop what was typed (each edit is checked again 300 ms after it, when the clerk may be typing in the
 * next cell). Not while edits wait to be sent or checked: the page was read before them and would show the cells as
 * they were until the check comes back; that check asks for the page again.
 */
function gridSettled() {
	return !grid.querySelector('textarea') && !edits && !checking;
}

function renderRows(m: Extract<FromWorker, { type: 'rows' }>) {
	if (m.rel !== gridRel) return;
	if (m.from === 1) {
		headerRow = { rows: m.rows, issues: m.issues };
		return;
	}
	// A page asked for before the clerk moved on (a problem's button, 上一页) is not shown over the one asked for now.
	if (m.from !== gridFrom) return;
	if (!gridSettled()) {
		heldRows = m;
		return;
	}
	heldRows = undefined;
	// The cell the clerk is on keeps the focus on the page laid out again (after a check of an edit, or of the files).
	const active = document.activeElement;
	if (!focus && active instanceof HTMLTableCellElement && grid.contains(active)) {
		focus = { row: Number(active.dataset.row), column: Number(active.dataset.column) };
	}
	gridTotal = m.total;
	const width = Math.max(headerRow.rows[0]?.length ?? 0, ...m.rows.map((r) => r.length));
	const head = el('thead');
	const letters = el('tr');
	// The corner above the row numbers: named for screen readers (an empty header cell names nothing).
	const corner = el('th');
	corner.append(el('span', '行号', 'sr-only'));
	letters.append(corner, ...Array.from({ length: width }, (_, c) => el('th', columnLetters(c + 1))));
	head.append(letters);
	const body = el('tbody');
	const issuesAt = new Map<string, Issue[]>();
	for (const i of [...headerRow.issues, ...m.issues]) {
		const k = i.header !== undefined ? `${i.row}:${i.column}` : `${i.row}:row`;
		issuesAt.set(k, [...(issuesAt.get(k) ?? []), i]);
	}
	const rowEl = (cells: string[], row: number) => {
		const tr = el('tr');
		const th = el('th', String(row));
		th.scope = 'row';
		const rowIssues = issuesAt.get(`${row}:row`);
		if (rowIssues) {
			th.classList.add('bad');
			th.title = rowIssues.map((i) => `${pageMessage(i.message)} (${i.code})`).join('\n');
		}
		tr.append(th);
		for (let c = 1; c <= width; c++) {
			const text = cells[c - 1] ?? '';
			const shown = cellShown(text);
			const td = el('td', shown);
			cellText.set(td, text);
			// One tab stop for the whole grid (roving tabindex): the arrow keys move between its cells.
			td.tabIndex = -1;
			td.dataset.row = String(row);
			td.dataset.column = String(c);
			const here = issuesAt.get(`${row}:${c}`);
			if (here) {
				td.classList.add(here.some((i) => i.severity === 'error') ? 'bad' : 'warn');
				td.title = here
					.map((i) => `${columnLetters(c)}${row}：${pageMessage(i.message)} (${i.code})`)
					.join('\n');
				td.setAttribute('aria-label', `${columnLetters(c)}${row}：${shown}。${td.title}`);
			}
			tr.append(td);
		}
		return tr;
	};
	body.append(rowEl(headerRow.rows[0] ?? [], 1));
	grid.replaceChildren(head, body);
	$('grid-range').textContent = `第 ${m.from}～${Math.min(m.from + PAGE - 1, m.total)} 行，共 ${m.total} 行`;
	inSlices(
		'grid',
		m.rows.length,
		GRID_SLICE,
		(from, to) => {
			for (let k = from; k < to; k++) body.append(rowEl(m.rows[k], m.from + k));
			const target =
				focus &&
				grid.querySelector<HTMLElement>(`td[data-row="${focus.row}"][data-column="${focus.column}"]`);
			if (target) {
				target.focus();
				focus = undefined;
			}
			if (!grid.querySelector('td[tabindex="0"]')) {
				const first = grid.querySelector<HTMLElement>('td');
				if (first) first.tabIndex = 0;
			}
		},
		// A cell asked for that is not on the page (past the last row) is not focused on a later page. A page still
		// being laid out when another was asked for leaves that page's cell to it.
		() => {
			if (m.from === gridFrom) focus = undefined;
		},
	);
}

/**
 * Edits a cell in place, as a spreadsheet does: Enter keeps what was typed, Esc puts back what was there, Alt+Enter
 * (or Shift+Enter) starts a new line in the cell. A textarea, not an input: an input drops the line breaks of a
 * multi-line cell (a list in a 事项), and a cell only looked at would be saved changed.
 */
function editCell(td: HTMLTableCellElement) {
	if (td.querySelector('textarea')) return;
	const old = cellText.get(td) ?? td.textContent ?? '';
	const input = el('textarea');
	input.value = old;
	input.rows = Math.min(8, old.split(/\r\n?|\n/).length);
	input.setAttribute('aria-label', `${columnLetters(Number(td.dataset.column))}${td.dataset.row} 的内容`);
	td.replaceChildren(input);
	input.focus();
	let done = false;
	const finish = (keep: boolean) => {
		if (done) return;
		done = true;
		// A textarea reads every line break as LF: a cell left as it was (CRLF inside, as Excel writes) is unchanged.
		const changed = keep && input.value !== old.replace(/\r\n?/g, '\n');
		const value = changed ? input.value : old;
		td.textContent = cellShown(value);
		cellText.set(td, value);
		if (changed) queueEdit({ row: Number(td.dataset.row), column: Number(td.dataset.column), value });
		td.focus();
		if (heldRows && gridSettled()) renderRows(heldRows);
	};
	input.addEventListener('keydown', (e) => {
		if (e.key === 'Enter' && e.altKey) {
			e.preventDefault();
			input.setRangeText('\n', input.selectionStart, input.selectionEnd, 'end');
		} else if (e.key === 'Enter' && !e.shiftKey) {
			e.preventDefault();
			finish(true);
		}
		if (e.key === 'Escape') finish(false);
	});
	input.addEventListener('blur', () => finish(true));
}

function queueEdit(edit: CellEdit) {
	if (edits && edits.rel !== gridRel) flushEdits();
	edits ??= { rel: gridRel, edits: [] };
	edits.edits.push(edit);
	clearTimeout(editTimer);
	editTimer = setTimeout(flushEdits, DEBOUNCE_MS);
}

function flushEdits() {
	clearTimeout(editTimer);
	if (!edits) return;
	send({ type: 'edit', rel: edits.rel, edits: edits.edits });
	edits = undefined;
	checking = true;
}

grid.addEventListener('click', (e) => {
	const td = (e.target as HTMLElement).closest('td');
	if (td) editCell(td);
});
// The cell last focused is the grid's one tab stop, so Tab leaves the grid and Shift+Tab comes back to that cell.
grid.addEventListener('focusin', (e) => {
	const td = e.target as HTMLElement;
	if (td.tagName !== 'TD' || td.tabIndex === 0) return;
	for (const other of grid.querySelectorAll<HTMLElement>('td[tabindex="0"]')) other.tabIndex = -1;
	td.tabIndex = 0;
});
/** The cell next to one in a direction, on the grid as shown (its rows need not be numbered one after another). */
function nextCell(td: HTMLTableCellElement, key: string): HTMLTableCellElement | undefined {
	const tr = td.parentElement as HTMLTableRowElement;
	const row =
		key === 'ArrowUp'
			? tr.previousElementSibling
			: key === 'ArrowDown'
				? tr.nextElementSibling
				: key === 'ArrowLeft' || key === 'ArrowRight'
					? tr
					: null;
	if (!(row instanceof HTMLTableRowElement)) return undefined;
	const index = td.cellIndex + (key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0);
	const cell = row.cells[index];
	return cell?.tagName === 'TD' ? cell : undefined;
}
grid.addEventListener('keydown', (e) => {
	const td = (e.target as HTMLElement).closest('td');
	// Keys typed in a cell being edited are the editor's.
	if (!td || e.target !== td) return;
	if (e.key === 'Enter') {
		e.preventDefault();
		editCell(td);
		return;
	}
	const next = nextCell(td, e.key);
	if (next) {
		e.preventDefault();
		next.focus();
	}
});

// —— Worker messages ——————————————————————————————————————————————————————————————————————————————————————————————
worker.addEventListener('message', (e: MessageEvent<FromWorker>) => {
	const m = e.data;
	switch (m.type) {
		case 'progress':
			return showProgress(m.label, m.done, m.total);
		case 'failed':
			checking = false;
			return failed(m.message);
		case 'rows':
			return renderRows(m);
		case 'export':
			download(m.name, m.bytes);
			$('download-note').textContent = `已下载 ${m.name}：${m.files.map((f) => `data/${f}`).join('、')}`;
			return;
		case 'result': {
			checking = false;
			result = m.result;
			checks++;
			$('office-failed').hidden = true;
			showProgress(`检查完成（${m.result.errors} 个错误，${m.result.warnings} 个警告）`, 1, 1);
			progressLabel.textContent = `检查完成：${m.result.errors} 个错误，${m.result.warnings} 个警告`;
			$('office-result').hidden = false;
			renderIssues(m.result);
			renderFixes(m.result);
			renderDrafts(m.result);
			renderCommit(m.result);
			renderGridFiles(m.result);
			return;
		}
	}
});
worker.addEventListener('error', () =>
	failed('检查程序无法启动：请使用新版的 Chrome、Edge 或 360 极速浏览器。'),
);
