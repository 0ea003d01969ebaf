/**
 * The build's 写出开放数据 stage: writes each quarter's evidence and grades files (JSON and CSV) with their sizes,
 * hashes and row counts to `.cache/opendata/`, where the site build serves them from (`src/lib/opendata/bulk.ts`).
 * Reads the validated dataset and the score results of the stages before it.
 */
import { writeBulkFiles, BULK_DIR } from '../src/lib/opendata/bulk.ts';

if (process.argv.includes('--help')) {
	console.log(
		'用法：npm run build 的一个阶段（node scripts/opendata.ts）\n\n把每个季度的评价记录和评价结果（JSON 与 CSV）写入 .cache/opendata/，供网站构建发布。',
	);
	process.exit(0);
}
const t0 = performance.now();
try {
	const { files, bytes } = await writeBulkFiles();
	console.log(
		`开放数据：${files} 个文件、${(bytes / 1024 / 1024).toFixed(1)} MB，写入 ${BULK_DIR}，用时 ${(performance.now() - t0).toFixed(0)} 毫秒。`,
	);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
