// Number lookups (ketluan.site.numbers): a query that is a document number is answered
// from the one small file of its leading number and code instead of the full-text index.
// The document so numbered comes first, then the documents citing that number (the newest
// few; the cited document's page lists them all). The file names documents by their
// number in the word index (ketluan.site.records): what a result shows is in its record,
// loaded for the results shown only (ketluan-words.js, recordEntry).

import { numberBucket, numberMatches } from "./ketluan-query.js";
import { placeSnippet } from "./ketluan-search-engine.js";
import { recordEntry } from "./ketluan-words.js";

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

// The record numbers of the results of a number query (``key``: readQuery's number, a
// numberKey), in the order the result list shows them: ``documents`` numbered so (newest
// first), then for each cited document numbered so the newest documents citing it
// (``citing``; each document once), and the cited documents numbered so (``cited``: their
// pages and counts).
export async function lookupNumber(base, key) {
  const data = key === null ? null : await lookupFile(base, key);
  if (!data) return { documents: [], citing: [], cited: [] };
  const documents = data.documents
    .filter(([number]) => numberMatches(key, number))
    .map(([, record]) => record);
  const cited = data.cited.filter((item) => numberMatches(key, item.number));
  const seen = new Set(documents);
  const citing = [];
  for (const item of cited) {
    for (const record of item.citing) {
      if (seen.has(record)) continue;
      seen.add(record);
      citing.push(record);
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
    signer: entry.s, // not shown: the ranking reads it (a record's only)
  };
  const snippet = entry.place ? placeSnippet(entry.place) : { excerpt: "", content: "" };
  return { url: site + entry.url, meta, ...snippet };
}

// The answer of a number query for the result list (``ordered`` in ketluan-search.js), or
// null when the lookup finds neither a document nor a citation of that number (or the site
// has no word index: ``index``, wordIndex's). ``take(n)`` loads the records of the first n
// results only. A result shows where its document belongs (asResult), not the start of
// its text: what it was found by is its number, shown above.
export async function numberAnswer(base, index, key) {
  if (!index) return null;
  const found = await lookupNumber(base, key);
  const order = [...found.documents, ...found.citing];
  if (!order.length) return null;
  const missing = { url: index.site, meta: {}, excerpt: "", content: "" }; // as record's
  const load = async (number) => {
    const entry = await recordEntry(index, number);
    return { data: entry ? asResult(entry, index.site) : missing };
  };
  const take = (n) => Promise.all(order.slice(0, n).map(load));
  return { found: null, total: order.length, take, byNumber: true, cited: found.cited };
}
