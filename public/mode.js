// Applies the reader's saved display mode (长辈模式) before the page paints. An external file, not an inline
// script, so the Content-Security-Policy can forbid inline scripts. It also marks the page as scripted, so that the
// mode switch (which needs the page's script) has its place in the first layout: shown only once the page's own
// script ran, it pushed the stacked 长辈模式 header down by a row on a phone (a layout shift).
document.documentElement.classList.add('js');
try {
	if (localStorage.getItem('display-mode') === 'large') document.documentElement.dataset.mode = 'large';
} catch {
	// Storage disabled: the default view stays.
}
