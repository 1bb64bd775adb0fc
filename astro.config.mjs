// Thin configuration: integrations and the Markdown processor only; site logic lives in src/lib.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { fileURLToPath } from 'node:url';
import remarkProgrammeLinks from './src/lib/remark/programme-links.ts';
import { remarkChapterSource } from './src/lib/mdx-chapter-source.ts';

export default defineConfig({
  // Static output; every URL ends in a slash (/2021/kennzahlen/).
  output: 'static',
  // scripts/build.ts builds into a temporary folder and swaps it in only when every check passed.
  outDir: process.env.AMIP_OUT_DIR ?? './dist',
  // Tests that build other content folders at the same time keep Astro's content cache apart.
  cacheDir: process.env.AMIP_CACHE_DIR ?? './node_modules/.astro',
  // Tests build with their own public folder (a fixture sign-language video), never by writing into public/.
  publicDir: process.env.AMIP_PUBLIC_DIR ?? './public',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  markdown: {
    // The text is an official document: SmartyPants would change its quotes and dashes.
    // remarkProgrammeLinks: abbreviations → /glossar/#…, legal citations → /rechtsgrundlagen/… (src/lib/remark).
    processor: unified({
      remarkPlugins: [
        remarkGfm,
        remarkChapterSource,
        [remarkProgrammeLinks, { contentDir: process.env.AMIP_CONTENT_DIR ?? fileURLToPath(new URL('./src/content/', import.meta.url)) }],
      ],
      smartypants: false,
    }),
  },
  integrations: [mdx()],
});
