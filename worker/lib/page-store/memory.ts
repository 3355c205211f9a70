/**
 * The Node target's page store: least recently used first out, bounded by entries and by the
 * characters held, so a crawler walking every query string cannot grow the process.
 */
import type { PageStore, StoredPage } from "./page-store";

export function memoryPageStore({ maxEntries = 2_000, maxChars = 64 * 1024 * 1024 } = {}): PageStore {
  const pages = new Map<string, StoredPage>();
  let chars = 0;
  return {
    async get(key) {
      const page = pages.get(key);
      if (page) {
        // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
        pages.delete(key);
        pages.set(key, page);
      }
      return page;
    },
    async put(key, page) {
      const old = pages.get(key);
      if (old) {
        pages.delete(key);
        chars -= old.body.length;
      }
      if (page.body.length > maxChars) return;
      pages.set(key, page);
      chars += page.body.length;
      for (const [k, p] of pages) {
        if (pages.size <= maxEntries && chars <= maxChars) break;
        pages.delete(k);
        chars -= p.body.length;
      }
    },
  };
}
