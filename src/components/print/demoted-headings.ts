/**
 * MDX components that render a chapter body's headings one level lower. On /<year>/gesamt/ the
 * page title is the h1 and each chapter title an h2, so the body's "##" must become h3 to keep
 * the heading order (and the PDF outline that Chromium derives from it) intact.
 */
import H3 from './H3.astro';
import H4 from './H4.astro';
import H5 from './H5.astro';
import H6 from './H6.astro';

export const demotedHeadings = { h2: H3, h3: H4, h4: H5, h5: H6 };
