// Number lookups (ketluan.site.numbers): a query that is a document number is answered
// from the one small file of its leading number instead of the full-text index. The
// document so numbered comes first, then the documents citing that number (the newest
// few; the cited document's page lists them all).

import { fold } from "./ketluan-search-engine.js";

// Same bucket as ketluan.site.numbers.bucket: the leading digits without leading zeros.
export function numberBucket(number) {
  const found = /^\s*0*(\d+)/.exec(number);
  if (!found) return null;
  return found[1] || "0";
}

// Two spellings of one number compare equal: folded (đ = d, no accents), only letters and
// digits, leading zeros dropped ("832/TB-TU" = "832-TB/TU", "5/2019/nq-hdnd" =
// "05/2019/NQ-HĐND").
export function numberKey(number) {
  return fold(number)
    .replace(/[^a-z0-9]/g, "")
    .replace(/^0+(?=\d)/, "");
}

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

// Results for a number query, as the result list shows them: ``documents`` numbered so
// (newest first), then for each cited document numbered so the newest documents citing it
// (each document once), and the cited documents with their pages and counts.
export async function lookupNumber(base, number) {
  const data = await lookupFile(base, number);
  const key = numberKey(number);
  const same = (entry) => numberKey(entry.number || "") === key;
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

// A lookup entry as the result list's data (the shape of a Pagefind result's data).
export function asResult(entry) {
  const meta = {
    title: entry.title,
    number: entry.number,
    date: entry.date,
    type: entry.type,
    issuer: entry.issuer,
    place: entry.place,
  };
  const where = entry.place ? `Địa bàn: ${entry.place}` : "";
  const escaped = where.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return { url: entry.url, meta, excerpt: escaped, content: where };
}
