import type { APIRoute } from 'astro';
import { siteTemplates } from '../../../page-data/office.ts';

/** `/office/templates/<file>`: the office page's templates, `.xlsx` and `.csv` (`src/lib/office/templates.ts`). */
export function getStaticPaths() {
	return siteTemplates().map((t) => ({ params: { file: t.file }, props: { bytes: t.bytes } }));
}
export const GET: APIRoute = ({ props }) => new Response((props as { bytes: Uint8Array<ArrayBuffer> }).bytes);
