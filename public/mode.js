// Applies the reader's saved display mode (长辈模式) before the page paints. An external file, not an inline
// script, so the Content-Security-Policy can forbid inline scripts.
try {
	if (localStorage.getItem('display-mode') === 'large') document.documentElement.dataset.mode = 'large';
} catch {
	// Storage disabled: the default view stays.
}
