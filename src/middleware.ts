/**
 * Build-time finishing of every page: table cells get their column names as `data-label`
 * (`src/page-data/table-labels.ts`), which the 长辈模式 card layout of tables on phones reads. Middleware runs when
 * each page is prerendered, so the published HTML carries the labels and the cards need no JavaScript.
 */
import { defineMiddleware } from 'astro:middleware';
import { labelTableCells } from './page-data/table-labels.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	return new Response(labelTableCells(html), { status: response.status, headers: response.headers });
});
