/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The chapter being rendered, so that `<Tabelle id="…" />` in its MDX finds the chapter's tables. */
    chapter?: import('astro:content').CollectionEntry<'chapters'>;
  }
}
