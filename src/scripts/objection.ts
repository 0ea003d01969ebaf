/**
 * The 异议 page's box: reads what the objection is about from the query string (`?kind=grade&id=cqz&period=2023-Q4`,
 * written by the 异议 links of the result, 失信 and exemplar pages), shows it as text the reader can copy, and puts it
 * in the subject of the e-mail link. Only ids and periods of the published shapes are accepted
 * (`parseObjectionQuery`), and they are set with `textContent`, never as HTML. Without JavaScript the page shows a
 * plain instruction instead.
 */
import { objectionReference, objectionSubject, parseObjectionQuery } from '../page-data/objection.ts';

const target = parseObjectionQuery(location.search);
const box = document.getElementById('objection-ref-box');
const ref = document.getElementById('objection-ref');
const mail = document.getElementById('objection-mail') as HTMLAnchorElement | null;
if (target && box && ref) {
	const text = objectionReference(target);
	ref.textContent = text;
	box.hidden = false;
	document.getElementById('objection-hint')?.setAttribute('hidden', '');
	if (mail) {
		const address = mail.href.replace(/^mailto:/, '').replace(/\?.*$/, '');
		mail.href = `mailto:${address}?subject=${encodeURIComponent(objectionSubject(target))}`;
	}
	const copy = document.getElementById('objection-copy') as HTMLButtonElement | null;
	const status = document.getElementById('objection-copy-status');
	if (copy && status) {
		copy.hidden = false;
		copy.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(text);
				status.textContent = '已复制，可粘贴到邮件或申请中。';
			} catch {
				// No clipboard access (an http page, or a browser that refuses): select the text for the reader to copy.
				const range = document.createRange();
				range.selectNodeContents(ref);
				const selection = getSelection();
				selection?.removeAllRanges();
				selection?.addRange(range);
				status.textContent = '已选中，请长按或按 Ctrl+C 复制。';
			}
		});
	}
}
