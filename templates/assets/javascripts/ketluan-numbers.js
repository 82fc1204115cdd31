// Number lookups (ketluan.site.numbers): a query that is a document number is answered
// from the one small file of its leading number instead of the full-text index. The
// document so numbered comes first, then the documents citing that number (the newest
// few; the cited document's page lists them all).

import { numberBucket, numberMatches } from "./ketluan-query.js";
import { placeSnippet } from "./ketluan-search-engine.js";

const files = new Map();

// The lookup file of ``number``'s bucket (null when there is none: no document and no
// citation has a number starting so). Fetched once per page.
async function lookupFile(base, number) {
  const bucket = numberBucket(number);
  if (bucket === null) return null;
  if (!files.has(bucket)) {
    files.set(
      bucket,
      fetch(`${base}${bucket}.json`).then((response) => (response.ok ? response.json() : null)),
    );
  }
  return files.get(bucket);
}

// Results for a number query (``key``: readQuery's number, a numberKey), as the result list
// shows them: ``documents`` numbered so (newest first), then for each cited document
// numbered so the newest documents citing it (each document once), and the cited
// documents with their pages and counts.
export async function lookupNumber(base, key) {
  const data = key === null ? null : await lookupFile(base, key);
  const same = (entry) => numberMatches(key, entry.number || "");
  if (!data) return { documents: [], citing: [], cited: [] };
  const documents = data.documents.filter(same);
  const cited = data.cited.filter(same);
  const seen = new Set(documents.map((entry) => entry.url));
  const citing = [];
  for (const item of cited) {
    for (const entry of item.citing) {
      if (seen.has(entry.url)) continue;
      seen.add(entry.url);
      citing.push(entry);
    }
  }
  return { documents, citing, cited };
}

// A lookup entry as the result list's data (the shape of a Pagefind result's data); its
// URL is relative to the site's root ``site`` (an absolute path).
export function asResult(entry, site) {
  const meta = {
    title: entry.title,
    number: entry.number,
    date: entry.date,
    type: entry.type,
    issuer: entry.issuer,
    place: entry.place,
  };
  const snippet = entry.place ? placeSnippet(entry.place) : { excerpt: "", content: "" };
  return { url: site + entry.url, meta, ...snippet };
}

// The answer of a number query for the result list (``ordered`` in ketluan-search.js), or
// null when the lookup finds neither a document nor a citation of that number.
export async function numberAnswer(base, site, key) {
  const found = await lookupNumber(base, key);
  const items = [...found.documents, ...found.citing].map((entry) => ({
    data: asResult(entry, site),
  }));
  if (!items.length) return null;
  const take = async (n) => items.slice(0, n);
  return { found: null, total: items.length, take, byNumber: true, cited: found.cited };
}
