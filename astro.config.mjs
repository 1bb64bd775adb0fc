// Thin configuration: integrations and Markdown plugins only; site logic lives in src/lib.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  // Static output; every URL ends in a slash (/2021/kennzahlen/).
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // No client scripts are bundled for content pages; no prefetching, no dev toolbar in output.
  prefetch: false,
  devToolbar: { enabled: false },
  markdown: { remarkPlugins: [remarkGfm] },
  integrations: [mdx()],
});
