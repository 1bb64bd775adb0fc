/**
 * Site-wide strings and policies that pages share.
 */

/** "<page> – <publisher>"; the page title already names the programme year where it has one. */
export const pageTitle = (title: string, publisherName: string) => `${title} – ${publisherName}`;

/**
 * Content-Security-Policy for every page: nothing from other hosts, no inline scripts.
 * Inline styles are allowed because Astro inlines the one stylesheet into each page;
 * 'wasm-unsafe-eval' lets the search page run Pagefind's WebAssembly.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Shortens text to about `max` characters at a word boundary, for meta descriptions. */
export function summary(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:–-]$/, '') + ' …';
}
