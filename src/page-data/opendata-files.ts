/**
 * The facts (size, hash, rows, latest date: `facts.ts`) of every open-data file of this build, so that the data
 * package and the 数据下载 page describe exactly the files that are published. The bulk files (each quarter's
 * evidence and grades) come with their facts from the 写出开放数据 stage (`src/loaders/opendata-bulk.ts`), which also publishes them; the
 * other files are rendered here from their endpoints under `src/pages/data/`, one at a time, keeping only the facts.
 * Runs inside the Astro build only (Vite's `import.meta.glob` finds the endpoints; they read the content layer).
 */
import type { APIContext, APIRoute, GetStaticPaths } from 'astro';
import { bulkFacts } from '../loaders/opendata-bulk.ts';
import { fileFacts, type FileFacts } from '../lib/opendata/facts.ts';
import { rowsProperty } from '../lib/opendata/datapackage.ts';

interface EndpointModule {
	GET: APIRoute;
	getStaticPaths?: GetStaticPaths;
}

// Every endpoint under /data/ except the data package itself, which is made from the others.
const modules = import.meta.glob<EndpointModule>(
	['../pages/data/**/*.ts', '!../pages/data/datapackage.json.ts'],
	{ eager: true },
);

let rendered: Promise<Map<string, FileFacts>> | undefined;

/** Every open-data file: path under `/data/` (e.g. `grades/2023-Q4.json`) → its facts. Gathered once per build. */
export function openDataFiles(): Promise<Map<string, FileFacts>> {
	rendered ??= gather();
	return rendered;
}

async function gather(): Promise<Map<string, FileFacts>> {
	const files = bulkFacts();
	for (const [file, mod] of Object.entries(modules)) {
		const route = file.replace(/^.*\/pages\/data\//, '').replace(/\.ts$/, '');
		if (!/\.(json|csv)$/.test(route) || typeof mod.GET !== 'function') continue;
		const paths = mod.getStaticPaths
			? ((await mod.getStaticPaths({} as Parameters<GetStaticPaths>[0])) as {
					params: Record<string, string | undefined>;
					props?: Record<string, unknown>;
				}[])
			: [{ params: {}, props: {} }];
		for (const { params, props } of paths) {
			const path = route.replace(/\[(\w+)\]/g, (_, k: string) => String(params[k]));
			const res = await mod.GET({ params, props: props ?? {} } as unknown as APIContext);
			const body = new Uint8Array(await res.arrayBuffer());
			files.set(path, fileFacts(body, path.endsWith('.json') ? jsonRows(path, body) : undefined));
		}
	}
	return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The rows of a JSON file: the file itself, or its family's rows property (`rowsProperty`). */
function jsonRows(path: string, body: Uint8Array): Record<string, unknown>[] {
	const data: unknown = JSON.parse(new TextDecoder().decode(body));
	const property = rowsProperty(path);
	const rows = property ? (data as Record<string, unknown>)[property] : data;
	return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}
