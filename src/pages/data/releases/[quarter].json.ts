import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedSnapshots } from '../../../page-data/ledger.ts';

/**
 * `/data/releases/<季度>.json`: a public quarter's release snapshot, byte for byte as committed, so that its SHA-256
 * can be checked against the fingerprint on the quarter's page.
 */
export const getStaticPaths = (() =>
	publishedSnapshots().map(({ quarter, bytes }) => ({ params: { quarter }, props: { bytes } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { bytes: Uint8Array<ArrayBuffer> }).bytes);
