/**
 * Where cached public pages live (middleware/page-cache.ts): the Cache API of the Cloudflare
 * location on Workers (./cache-api), a bounded map in the process on Node (./memory). A page is
 * stored under a key that already names every version it depends on, so nothing is ever
 * invalidated: a change moves the key, and old entries age out.
 */
export interface StoredPage {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

export interface PageStore {
  get(key: string): Promise<StoredPage | undefined>;
  put(key: string, page: StoredPage): Promise<void>;
}
