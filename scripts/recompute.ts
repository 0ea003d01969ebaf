/**
 * `npm run recompute -- <季度> <单位编号> [--data <目录或网址>]`: recomputes one published result from the open data
 * alone, with the site's own scoring module (`src/lib/recompute/`), prints every step and says whether it matches.
 * `--data` is a folder holding the site's `/data/` files (default: `dist/data/` of the last build) or the URL of a
 * site's `/data/` (`https://…/data/`). Exit 0 when the result matches, 1 when it does not, 2 when it cannot be done.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isQuarterId } from '../src/lib/quarters.ts';
import { recompute, reportLines, type ReadData } from '../src/lib/recompute/recompute.ts';
import { parseArgsMessage } from './lib/options.ts';

const HELP = `用法：npm run recompute -- <季度> <单位编号> [--data <目录或网址>]
例如：npm run recompute -- 2023-Q4 cqz
      npm run recompute -- 2023-Q4 cqz --data https://xy.example.gov.cn/data/

只用网站公开的数据文件（评价记录、评价指标、单位、失信记录、公开承诺、企业信用承诺）和本站的评分程序，
复算一个单位一个季度的各项指标得分、得分、等次、等次调整和类内排名，逐步打印，并与公布的结果比较；
每个文件的 SHA-256 与 datapackage.json 核对。
--data 为网站 /data/ 目录的本地副本或网址，默认为最近一次构建的 dist/data/。
结果一致时退出码为 0，不一致为 1，无法复算为 2。`;

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
	});
} catch (e) {
	console.error(`${parseArgsMessage(e, 'npm run recompute', ['--data', '--help'])}\n\n${HELP}`);
	process.exit(2);
}
if (parsed.values.help) {
	console.log(HELP);
	process.exit(0);
}
const [quarter, unitId] = parsed.positionals;
if (!quarter || !unitId || !isQuarterId(quarter) || parsed.positionals.length > 2) {
	console.error(HELP);
	process.exit(2);
}
const data = parsed.values.data ?? resolve(process.env.OUT_DIR || 'dist', 'data');
let read: ReadData;
if (/^https?:\/\//.test(data)) {
	const base = data.endsWith('/') ? data : `${data}/`;
	read = async (path) => {
		const res = await fetch(new URL(path, base));
		if (!res.ok) throw new Error(`HTTP ${res.status}`);
		return new Uint8Array(await res.arrayBuffer());
	};
} else {
	if (!existsSync(join(data, 'datapackage.json'))) {
		console.error(
			`${data} 中没有 datapackage.json：请用 --data 指定网站 /data/ 目录的副本或网址，或先运行 npm run build`,
		);
		process.exit(2);
	}
	read = async (path) => {
		// Only plain names below the folder: the paths come from this program, never from a file.
		if (path.split('/').some((p) => p === '..' || p === '')) throw new Error(`不读取 ${path}`);
		return new Uint8Array(readFileSync(join(data, path)));
	};
}
try {
	const r = await recompute(quarter, unitId, read);
	for (const line of reportLines(r)) console.log(line);
	process.exit(r.consistent ? 0 : 1);
} catch (e) {
	console.error(`无法复算：${(e as Error).message}`);
	process.exit(2);
}
