/**
 * Renders every open-data file of this build (every endpoint under `src/pages/data/`) in memory, so that the data
 * package and the 数据下载 page describe exactly the files that are published: their paths, sizes, hashes and rows.
 * Runs inside the Astro build only (Vite's `import.meta.glob` finds the endpoints; they read the content layer).
 */
import type { APIContext, APIRoute, GetStaticPaths } from 'astro';

interface EndpointModule {
	GET: APIRoute;
	getStaticPaths?: GetStaticPaths;
}

// Every endpoint under /data/ except the data package itself, which is made from the others.
const modules = import.meta.glob<EndpointModule>(
	['../../pages/data/**/*.ts', '!../../pages/data/datapackage.json.ts'],
	{
		eager: true,
	},
);

let rendered: Promise<Map<string, Uint8Array>> | undefined;

/**
 * Every open-data file: path under `/data/` (e.g. `grades/2023-Q4.json`) → its bytes as served (CSV with its BOM).
 * Rendered once per build.
 */
export function openDataFiles(): Promise<Map<string, Uint8Array>> {
	rendered ??= render();
	return rendered;
}

async function render(): Promise<Map<string, Uint8Array>> {
	const files = new Map<string, Uint8Array>();
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
			files.set(path, new Uint8Array(await res.arrayBuffer()));
		}
	}
	return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
