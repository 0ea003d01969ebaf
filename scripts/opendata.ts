/**
 * Two stages of `npm run build` (src/lib/opendata/bulk.ts):
 * - 写出开放数据 (`node scripts/opendata.ts`): writes each quarter's evidence and grades files (JSON and CSV) with
 *   their sizes, hashes and row counts to `.cache/opendata/`, from the validated dataset and the score results;
 * - 发布开放数据 (`node scripts/opendata.ts --publish <输出目录>`): puts them into the built site's `/data/`.
 */
import { parseArgs } from 'node:util';
import { BULK_DIR, publishBulkFiles, writeBulkFiles } from '../src/lib/opendata/bulk.ts';

const { values } = parseArgs({ options: { publish: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
	console.log(
		'用法：npm run build 的两个阶段\n  node scripts/opendata.ts                     把每个季度的评价记录和评价结果（JSON 与 CSV）写入 .cache/opendata/\n  node scripts/opendata.ts --publish <输出目录>  把写好的文件放进网站的 /data/',
	);
	process.exit(0);
}
const t0 = performance.now();
const ms = () => (performance.now() - t0).toFixed(0);
try {
	if (values.publish) {
		const n = publishBulkFiles(values.publish);
		console.log(`开放数据：${n} 个文件放入 ${values.publish}/data/，用时 ${ms()} 毫秒。`);
	} else {
		const { files, bytes } = await writeBulkFiles();
		console.log(
			`开放数据：${files} 个文件、${(bytes / 1024 / 1024).toFixed(1)} MB，写入 ${BULK_DIR}，用时 ${ms()} 毫秒。`,
		);
	}
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
