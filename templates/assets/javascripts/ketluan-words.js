// The word index (ketluan.site.words): a query without filters is answered from the
// postings of its folded words, one small bucket file per word (and a file of its own for
// a frequent word), and the records of the documents shown, one file each: a few tens
// of KB whatever the size of the corpus. Documents are numbered oldest first.

import { fold, normaliseQuery } from "./ketluan-query.js";
import { asResult } from "./ketluan-numbers.js";
import { PLACE_PREFIX, placeSnippet, placeWords } from "./ketluan-search-engine.js";
import { titleBucket } from "./ketluan-titles.js";

const GROUP = 1; // ketluan.site.words.GROUP
const MAX_WORD = 64; // ketluan.site.words.MAX_WORD

// The index of a search box (its data-words and data-records), or null when the site has
// none (no document, or search off).
export function wordIndex(root, site) {
  if (!root.dataset.words) return null;
  const at = (path) => new URL(path, document.baseURI).pathname;
  return { base: at(root.dataset.words), records: at(root.dataset.records), site };
}

// The words of a query as the index holds them (ketluan.site.words.words), each once.
export function queryWords(query) {
  return [...new Set(fold(query).match(/[0-9a-z]+/g) || [])];
}

// Document numbers from their text (ketluan.site.postings.encode): "L" and base64 varint
// gaps, "B" and a base64 bitmap, or "C", the number of documents and the gaps of those
// left out (a word in nearly every document); ascending. "r" and one of those: positions
// in ``base`` (encode_within: an accented word among its folded form's documents).
export function decode(value, base = null) {
  if (!value) return [];
  if (value[0] === "r") return decode(value.slice(1)).map((position) => base[position]);
  const bytes = Uint8Array.from(atob(value.slice(1)), (c) => c.charCodeAt(0));
  const out = [];
  if (value[0] === "B") {
    bytes.forEach((byte, i) => {
      for (let bit = 0; bit < 8; bit++) if ((byte >> bit) & 1) out.push(8 * i + bit);
    });
    return out;
  }
  const raw = [];
  let number = 0;
  let shift = 0;
  for (const byte of bytes) {
    number += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) {
      raw.push(number);
      number = 0;
      shift = 0;
    }
  }
  if (value[0] !== "C") return ascending(raw);
  let next = 0;
  for (const missing of ascending(raw.slice(1))) {
    while (next < missing) out.push(next++);
    next = missing + 1;
  }
  while (next < raw[0]) out.push(next++);
  return out;
}

function ascending(gaps) {
  let last = -1;
  return gaps.map((gap) => (last += gap + 1));
}

// The numbers in both ascending lists.
export function intersect(a, b) {
  const out = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return out;
}

const files = new Map();

// A JSON file of the index (null when missing), fetched once per page.
function json(url) {
  if (!files.has(url)) {
    files.set(
      url,
      fetch(url)
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null),
    );
  }
  return files.get(url);
}

// The name of a frequent word's own file (ketluan.site.words.file_name).
export function fileName(word) {
  if (/^[0-9a-z]+$/.test(word)) return word;
  const hex = [...new TextEncoder().encode(word)].map((b) => b.toString(16).padStart(2, "0"));
  return "x" + hex.join("");
}

// The words of a query that carry accents or đ, as written (NFC, new tone placement,
// lowercase), as the index keys them (ketluan.site.words.spelled: "=" and the word).
export function exactWords(query) {
  const words = normaliseQuery(query).toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((word) => word && fold(word) !== word))].map((w) => "=" + w);
}

// The accented words of ``query`` as typed and the documents among ``all`` holding every one
// of them so; a word no document holds so (a slip: "két" for "kết") is left out, and so is a
// word every document holding its folded form holds so, in its text and in its title or
// metadata (the same counts: its postings are its folded form's, not fetched); null when
// none is left (or the query has no accents): no document is preferred.
async function exactly(index, query, all, matched, budget) {
  const priced = await Promise.all(
    exactWords(query).map(async (word) => {
      const plain = fold(word.slice(1)); // "=chương": "chuong"
      if (!matched.has(plain)) return null; // left out of the match (too common: matching)
      const [own, folded] = await Promise.all([wordEntry(index, word), wordEntry(index, plain)]);
      if (!own || !folded || (own[0] === folded[0] && own[1] === folded[1])) return null;
      return { word, cost: own.length > 2 ? 0 : cost(own[0], folded[0]) };
    }),
  );
  const chosen = [];
  let spent = 0;
  for (const { word, cost: price } of priced.filter(Boolean).sort((a, b) => a.cost - b.cost)) {
    spent += price;
    if (spent > budget) break; // a long query's accents: as many as the budget reads
    chosen.push(word);
  }
  const lists = await Promise.all(chosen.map((word) => holding(index, word)));
  const found = chosen.map((word, i) => ({ word, list: lists[i] })).filter(({ list }) => list);
  if (!found.length) return null;
  return {
    all: found.reduce((numbers, { list }) => intersect(numbers, list), all),
    words: found.map(({ word }) => word),
  };
}

// The places the documents name whose first word is a word of ``query`` (ketluan.site.words:
// urls.word_places, by the bucket of that word), longest first, with their spellings.
async function places(index, query) {
  const words = new Set(normaliseQuery(query).split(" ").filter(Boolean).map(fold));
  const files = await Promise.all(
    [...words].map((word) => json(`${index.base}dia-ban/${titleBucket(word)}.json`)),
  );
  const spellings = Object.assign({}, ...files.filter(Boolean));
  const names = Object.keys(spellings).sort((a, b) => b.length - a.length);
  return { names, spellings };
}

// The index words of ``query``: each place name it holds as one token (place_token), the
// other words folded; ``onlyPlaces``: it names only places; ``rest``: the words outside
// place names, as typed (a place token is matched with its accents already).
export async function indexWords(index, query) {
  const { names, spellings } = await places(index, query);
  const read = placeWords(query, names, spellings);
  const words = read.words.flatMap((word) =>
    word[0] === PLACE_PREFIX ? [word] : queryWords(word),
  );
  const rest = read.words.filter((word) => word[0] !== PLACE_PREFIX).join(" ");
  return {
    words: [...new Set(words)],
    onlyPlaces: read.places.length === read.words.length,
    rest,
  };
}

// The folded word whose documents hold ``word`` as written ("=thiên": "thien"; null for a
// folded word): ketluan.site.words.base_word.
function baseWord(word) {
  return word[0] === "=" ? fold(word.slice(1)) : null;
}

// ``word``'s entry in its bucket file (ketluan.site.words.entry): how many documents hold
// it and how many in their title or metadata, then its postings unless it has its own file.
// A word as written is in its folded form's file (word_bucket).
async function wordEntry(index, word) {
  if (word.length > MAX_WORD && word[0] !== PLACE_PREFIX) return null;
  const bucket = await json(`${index.base}${titleBucket(baseWord(word) || word)}.json`);
  return (bucket && bucket[word]) || null;
}

// How many documents hold ``word`` and how many in their title or metadata; null: none.
async function counts(index, word) {
  const entry = await wordEntry(index, word);
  return entry && entry.slice(0, 2);
}

const lists = new Map();

// A list of ``word`` decoded once per page (``which``: "all" or "told"), null when missing.
function decoded(index, word, which, read) {
  const key = `${which} ${word}`;
  if (!lists.has(key)) lists.set(key, read());
  return lists.get(key);
}

// The documents holding ``word`` (for a place token: naming that place); null when none
// does. Postings stored within the folded form's (ketluan.site.words.stored) are read with
// that form's.
function holding(index, word) {
  return decoded(index, word, "all", async () => {
    const entry = await wordEntry(index, word);
    if (!entry) return null;
    const own = entry.length > 2 ? entry[2] : await json(`${index.base}w/${fileName(word)}.json`);
    if (own === null) return null;
    if (own[0] !== "r") return decode(own);
    const base = await holding(index, baseWord(word));
    return base && decode(own, base);
  });
}

// The documents holding ``word`` in their title or metadata (for a place token: those of
// that place), from its own file when it has one (ketluan.site.words.Own); [] when none.
function described(index, word) {
  return decoded(index, word, "told", async () => {
    const entry = await wordEntry(index, word);
    if (!entry || !entry[1]) return [];
    const path = `${index.base}w/${fileName(word)}-t.json`;
    return decode((entry.length > 2 ? entry[3] : await json(path)) || "");
  });
}

// Described candidates that need no more lists: at most this many are left, and their records
// (0.7 KB each at 50,000 documents, against up to 8 KB for a list) tell the rest (toldOf).
const TOLD_ENOUGH = 12;

// The documents of ``all`` holding every one of ``words`` in their title or metadata, and
// whether that is ``sure``. The described postings are read shortest first (their counts are
// in the bucket entries), twice as many at each step, and no more once at most TOLD_ENOUGH
// documents are left (``enough``, 0: read them all): their records tell the rest, and a
// long query's common words are spared (a pasted title read 99 KB of them at 50,000).
async function toldAmong(index, words, all, enough) {
  const entries = await Promise.all(words.map(async (word) => [word, await counts(index, word)]));
  if (!all.length || entries.some(([, count]) => !count || !count[1])) {
    return { told: [], sure: true };
  }
  entries.sort((a, b) => a[1][1] - b[1][1]);
  let told = all;
  let next = 0;
  while (next < entries.length && told.length) {
    if (next && told.length <= enough) return { told, sure: false };
    const batch = entries.slice(next, next + Math.max(1, next));
    next += batch.length;
    const found = await Promise.all(batch.map(([word]) => described(index, word)));
    told = found.reduce(intersect, told);
  }
  return { told, sure: true };
}

// The numbers in either ascending list.
function unite(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j += 1;
    }
  }
  return out;
}

const PREFIX = 2; // ketluan.site.prefixes.PREFIX
const COMPLETIONS = 5;

// The words ``start`` (a folded word typed halfway) may become, the COMPLETIONS held by most
// documents (the prefix file of its first PREFIX letters: ketluan.site.prefixes); none for
// a shorter start.
async function completions(index, start) {
  if (start.length < PREFIX || !/^[0-9a-z]+$/.test(start)) return [];
  const file = (await json(`${index.base}dau/${start.slice(0, PREFIX)}.json`)) || [];
  const longer = file.filter(([word]) => word.length > start.length && word.startsWith(start));
  return longer.slice(0, COMPLETIONS).map(([word]) => word);
}

// The documents holding every word of ``query`` (``all``), ascending, and its index words
// (``words``); ``onlyPlaces`` and ``rest`` as indexWords's. ``partial`` (the header box,
// while the reader types): a last word no document holds may be typed halfway, and is
// any of its completions ("giai phong mat b": "bang", "ban"…), left out of ``words``.
export async function matching(index, query, partial = false) {
  const { words, onlyPlaces, rest } = await indexWords(index, query);
  const last = words.at(-1);
  let ends = [];
  if (partial && last && last[0] !== PLACE_PREFIX && !(await wordEntry(index, last))) {
    ends = await completions(index, last);
  }
  const typed = ends.length ? words.slice(0, -1) : words;
  const entries = await Promise.all(typed.map((word) => wordEntry(index, word)));
  if (!words.length || entries.some((entry) => !entry)) {
    return { all: [], words: typed, dropped: [], onlyPlaces, rest };
  }
  const n = (await filterSizes(index)).n;
  const { whole, dropped, spent } = withinBudget(typed, entries, n);
  const left = (QUERY_BUDGET * n) / 8 - Math.min(spent, (WORD_BUDGET * n) / 8);
  const found = await Promise.all(whole.map((word) => holding(index, word)));
  if (found.some((item) => item === null)) {
    return { all: [], words: whole, dropped, onlyPlaces, rest };
  }
  const lists = (await Promise.all(ends.map((word) => holding(index, word)))).filter(Boolean);
  const either = ends.length ? [lists.reduce(unite, [])] : [];
  const all = [...found, ...either].reduce(intersect);
  return { all, words: whole, dropped, left, onlyPlaces, rest };
}

// The postings a query reads at most, in bitmaps of the whole index (a bit per document):
// a pasted passage of fifty syllables read 259 KB of them at 50,000 documents. Its folded
// words read at most WORD_BUDGET of them, its accented words (their positions among their
// folded forms') the rest of QUERY_BUDGET.
const WORD_BUDGET = 12;
const QUERY_BUDGET = 16;

// About the bytes of the postings of a word held by ``count`` of ``n`` documents: the
// shortest of its encodings (ketluan.site.postings), a bitmap, gaps, the gaps of the others.
function cost(count, n) {
  return Math.min(n / 8, 1.5 * count, 1.5 * (n - count) + 4);
}

// ``words`` (with their bucket ``entries``) the match reads, rarest first, while their
// postings fit in WORD_BUDGET (``n``: the number of documents), and those left out
// (``dropped``): common words that barely narrow the results (a word in nearly every
// document costs a few bytes and stays). A place the reader named is always read.
function withinBudget(words, entries, n) {
  const price = (entry) => (entry.length > 2 ? 0 : cost(entry[0], n));
  const order = words.map((word, i) => [word, entries[i]]);
  order.sort((a, b) => a[1][0] - b[1][0]);
  const whole = [];
  const dropped = [];
  let spent = 0;
  for (const [word, entry] of order) {
    spent += price(entry);
    const place = word[0] === PLACE_PREFIX; // what the reader named: always matched
    if (whole.length && !place && spent > (WORD_BUDGET * n) / 8) {
      dropped.push(word);
      spent -= price(entry);
    } else whole.push(word);
  }
  return { whole, dropped, spent };
}

// Filter ``name``'s file (ketluan.site.words: urls.word_facet): the number of documents
// ``n`` and each value's documents, decoded once; null when no document has a value.
const facets = new Map();
function facet(index, name) {
  if (!facets.has(name)) {
    facets.set(
      name,
      json(`${index.base}loc/${name}.json`).then((file) =>
        file
          ? { n: file.n, values: new Map(Object.entries(file.v).map(([v, p]) => [v, decode(p)])) }
          : null,
      ),
    );
  }
  return facets.get(name);
}

// The filters of the index (ketluan.site.words: urls.WORD_FACETS): ``n``, the number of
// documents, ``values``, how many values each filter has, and ``eager``, the filters whose
// values load with the filters (ketluan.site.words.eager).
export async function filterSizes(index) {
  return (await json(`${index.base}loc/danh-sach.json`)) || { n: 0, values: {}, eager: [] };
}

// Every document (their numbers).
async function everyDocument(index) {
  return Array.from({ length: (await filterSizes(index)).n }, (_, i) => i);
}

// The documents having every chosen value of ``filters`` (name -> value), ascending; null
// when none is chosen.
async function chosen(index, filters) {
  const names = Object.keys(filters);
  if (!names.length) return null;
  const lists = await Promise.all(
    names.map(async (name) => ((await facet(index, name))?.values.get(filters[name])) || []),
  );
  return lists.reduce(intersect);
}

// How many of ``numbers`` (ascending; null: every document) have each value of each filter
// of ``names``: name -> value -> count (values with none left out).
async function countValues(index, numbers, names) {
  const counts = {};
  for (const name of names) {
    const found = await facet(index, name);
    if (!found) continue;
    counts[name] = {};
    for (const [value, list] of found.values) {
      const count = numbers ? intersect(numbers, list).length : list.length;
      if (count) counts[name][value] = count;
    }
  }
  return counts;
}

// Every filter's values and their documents: name -> value -> count.
export function filterTotals(index, names) {
  return countValues(index, null, names);
}

// The counts the filters show for ``query`` (null: none) and ``filters``: each filter's
// values among the documents of the query and the *other* chosen filters (a chosen district
// would leave the other districts at 0).
export async function filterCounts(index, query, filters, names) {
  const base = query ? (await matching(index, query)).all : null;
  const counts = {};
  for (const name of names) {
    const others = { ...filters };
    delete others[name];
    const picked = await chosen(index, others);
    const numbers = picked && base ? intersect(base, picked) : picked || base;
    counts[name] = (await countValues(index, numbers, [name]))[name] || {};
  }
  return counts;
}

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// The record of document ``number`` (ketluan.site.records: result_entry and ``x``, the
// start of its text), or null; its file fetched once per page. The number lookups
// (ketluan-numbers.js) name documents by this number too.
export async function recordEntry(index, number) {
  const group = (await json(`${index.records}${Math.floor(number / GROUP)}.json`)) || [];
  return group[number % GROUP] || null;
}

// Document ``number`` as the result list's data (asResult's shape; its text is the start
// of the document, ``x``).
export async function record(index, number) {
  const entry = await recordEntry(index, number);
  if (!entry) return { url: index.site, meta: {}, excerpt: "", content: "" };
  const data = asResult(entry, index.site);
  return entry.x ? { ...data, excerpt: escape(entry.x), content: entry.x } : data;
}

// Those of ``candidates`` (document numbers) whose record holds every one of ``words`` (index
// keys: folded, as written "=…", or a place token, in its place) in its title or metadata
// (``load``: a number's data).
async function toldOf(candidates, load, words) {
  const held = await Promise.all(
    candidates.map(async (number) => {
      const meta = (await load(number)).meta || {};
      const fields = [meta.title, meta.number, meta.type, meta.issuer, meta.place, meta.signer]
        .filter(Boolean)
        .join(" ");
      const found = new Set(queryWords(fields));
      const spelled = new Set(normaliseQuery(fields).toLowerCase().split(/[^\p{L}\p{N}]+/u));
      const place = fold(meta.place || "").replace(/[^0-9a-z]/g, "");
      return words.every((word) => {
        if (word[0] === PLACE_PREFIX) return place.includes(word.slice(1));
        return word[0] === "=" ? spelled.has(word.slice(1)) : found.has(word);
      });
    }),
  );
  return candidates.filter((_, i) => held[i]);
}

// The answer to ``query`` (null: every document) among the documents of ``filters`` (name
// -> value) in ``direction`` ("desc", "asc": by date) or,
// null, in the order of ``ranked`` (ketluan-search-engine.js): the documents holding every
// word in their title or metadata first, then the others, each newest first, the first
// few re-ranked with the documents titled as typed (``titled``). ``{ total, take }`` as
// ``ranked``'s. ``partial``: as matching's.
export async function wordAnswer(index, query, direction, ranked, titled, filters, partial) {
  const found = query
    ? await matching(index, query, partial)
    : { all: await everyDocument(index), words: [], dropped: [], onlyPlaces: false };
  const picked = await chosen(index, filters || {});
  if (picked) found.all = intersect(found.all, picked);
  if (!query) direction ||= "desc";
  // A place query's result shows where the document belongs (what it was found by).
  const snippet = (data) =>
    found.onlyPlaces ? { ...data, ...placeSnippet(data.meta.place || "") } : data;
  const load = async (number) => snippet(await record(index, number));
  // Documents in a fixed order, the first n with their data.
  const inOrder = (order) => ({
    total: order.length,
    take: async (n) => (await Promise.all(order.slice(0, n).map(load))).map((data) => ({ data })),
    words: true,
    dropped: found.dropped,
  });
  if (direction) return inOrder(direction === "asc" ? found.all : [...found.all].reverse());
  // Newest first, those holding the words in their title or metadata (of a place: those
  // of that place) before the others; for an accented query, those holding its words
  // with its accents before all.
  const matched = new Set(found.words);
  const exact = found.onlyPlaces
    ? null
    : await exactly(index, found.rest, found.all, matched, found.left ?? 0);
  const exactAll = exact ? exact.all : found.all;
  const spelled = new Set(exactAll);
  const words = [...found.words, ...(exact ? exact.words : [])];
  const enough = found.onlyPlaces ? 0 : TOLD_ENOUGH; // a place's documents: no re-ranking
  const read = await toldAmong(index, words, exactAll, enough);
  // Not sure: each candidate's record tells (its title, number, type, issuers, place and
  // signers' lines), before any is ranked.
  const told = new Set(read.sure ? read.told : await toldOf(read.told, load, words));
  const rank = (number) => (spelled.has(number) ? 0 : 2) + (told.has(number) ? 0 : 1);
  const order = [...found.all].reverse();
  order.sort((a, b) => rank(a) - rank(b) || b - a);
  // A place's documents: no text to rank.
  if (found.onlyPlaces) return inOrder(order);
  const results = order.map((number) => ({
    data: async () => ({
      ...(await load(number)),
      exact: spelled.has(number),
      told: told.has(number),
    }),
  }));
  const named = await titled;
  return { ...(await ranked(query, results, named)), words: true, dropped: found.dropped };
}
