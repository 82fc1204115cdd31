// Title lookups (ketluan.site.titles): the documents whose title is what was typed, from
// the one small file of the title's key, so that a pasted title finds its document first
// even when Pagefind scores it below documents with the same words scattered.

import { fold } from "./ketluan-query.js";
import { asResult } from "./ketluan-numbers.js";

// ketluan.site.titles.BUCKETS: the files the keys are spread over.
const TITLE_BUCKETS = 4096;

// The folded words of a title, without punctuation (ketluan.site.titles.title_key).
export function titleKey(text) {
  return (fold(text).match(/[0-9a-z]+/g) || []).join(" ");
}

// FNV-1a (32 bits) of the key's UTF-8 bytes modulo TITLE_BUCKETS, in hex
// (ketluan.site.titles.bucket).
export function titleBucket(key) {
  let value = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) {
    value = Math.imul(value ^ byte, 0x01000193) >>> 0;
  }
  return (value % TITLE_BUCKETS).toString(16).padStart(3, "0");
}

const files = new Map();

// The documents titled ``query`` (newest first), as the result list's data; [] when none
// is, or when the site has no title lookups (``base`` null). Each file fetched once.
export async function titled(base, site, query) {
  const key = titleKey(query);
  if (!base || !key) return [];
  const bucket = titleBucket(key);
  if (!files.has(bucket)) {
    files.set(
      bucket,
      fetch(`${base}${bucket}.json`)
        .then((response) => (response.ok ? response.json() : {}))
        .catch(() => ({})),
    );
  }
  const found = (await files.get(bucket))[key] || [];
  return found.map((entry) => asResult(entry, site));
}
