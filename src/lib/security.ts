/**
 * The site's Content-Security-Policy: everything from the site itself, no inline scripts or styles, no other origin.
 * `'wasm-unsafe-eval'` lets pagefind run its WebAssembly search; nothing else is relaxed. Shipped as a `<meta>` tag on
 * every page and, with `frame-ancestors` (which a meta tag cannot carry), in the example server configuration.
 */
export const CSP_DIRECTIVES: readonly string[] = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
];

/** The policy as a `<meta http-equiv>` value. */
export const CSP_META = CSP_DIRECTIVES.join('; ');

/** The policy as a response header, which can also forbid framing. */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/**
 * The office page's policy (/office/, 填报台): the site's policy with no connection at all (`connect-src 'none'`), so
 * that the data folder the clerk opens never leaves the browser, and workers only from the site (`worker-src 'self'`):
 * the page's worker reads and checks the files.
 */
export const OFFICE_CSP_META = [
	...CSP_DIRECTIVES.filter((d) => !d.startsWith('connect-src')),
	"connect-src 'none'",
	"worker-src 'self'",
].join('; ');
