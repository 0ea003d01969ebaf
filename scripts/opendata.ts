/**
 * Stages of `npm run build` (src/loaders/opendata-bulk.ts):
 * - 写出开放数据 (`node scripts/opendata.ts --part evidence|grades`; without `--part`, both): writes each quarter's
 *   evidence files (from the validated dataset) or grades files (from the score results), JSON and CSV, with their
 *   sizes, hashes and row counts, to `.cache/opendata/`;
 * - 写出中文表头的 CSV (`node scripts/opendata.ts --twins`): writes the Chinese twin (`src/lib/opendata/twin.ts`) of
 *   each of those CSV files next to it;
 * - 发布开放数据 (`node scripts/opendata.ts --publish <输出目录>`): puts them into the built site's `/data/`, and writes
 *   the Chinese twin of every other CSV file the site's data package describes.
 */
import { parseArgs } from 'node:util';
import {
	BULK_DIR,
	BULK_PARTS,
	publishBulkFiles,
	writeBulkTwins,
	writeBulkFiles,
	type BulkPart,
} from '../src/loaders/opendata-bulk.ts';

const { values } = parseArgs({
	options: {
		publish: { type: 'string' },
		twins: { type: 'boolean' },
		part: { type: 'string' },
		help: { type: 'boolean' },
	},
});
if (values.help) {
	console.log(
		'用法：npm run build 的几个阶段\n  node scripts/opendata.ts [--part evidence|grades]  把每个季度的评价记录（evidence）和评价结果（grades）写成 JSON 与 CSV，放进 .cache/opendata/；不写 --part 时两者都写\n  node scripts/opendata.ts --twins                   为其中的每个 CSV 文件写出中文表头的版本\n  node scripts/opendata.ts --publish <输出目录>       把写好的文件放进网站的 /data/，并为网站 /data/ 里其余的 CSV 文件写出中文表头的版本',
	);
	process.exit(0);
}
const t0 = performance.now();
const ms = () => (performance.now() - t0).toFixed(0);
try {
	// Not the folder's path in what is printed: in a build it is the staging folder, a name of the build's own that the
	// office never sees again once the site is swapped into place.
	if (values.publish) {
		const n = publishBulkFiles(values.publish);
		console.log(`开放数据：${n} 个文件放入网站的 data/ 文件夹，用时 ${ms()} 毫秒。`);
	} else if (values.twins) {
		const n = writeBulkTwins();
		console.log(`开放数据：写出 ${n} 个中文表头的 CSV 文件，用时 ${ms()} 毫秒。`);
	} else {
		const part = values.part as BulkPart | undefined;
		if (part !== undefined && !BULK_PARTS.includes(part))
			throw new Error(`--part 只能是 ${BULK_PARTS.join(' 或 ')}，不能是 “${part}”`);
		for (const p of part ? [part] : BULK_PARTS) {
			const { files, bytes } = await writeBulkFiles(p);
			console.log(
				`开放数据（${p}）：${files} 个文件、${(bytes / 1024 / 1024).toFixed(1)} MB，写入 ${BULK_DIR}，用时 ${ms()} 毫秒。`,
			);
		}
	}
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
