// ketluan search engine on Pagefind's JS API. The index is sharded at build time and
// shards are merged here (createInstance + mergeIndex). Queries are normalised like the
// build normalises documents (NFC, new tone placement); đ -> d is handled at build time by
// folded terms in a metadata field (Pagefind does not fold đ); place names are searched
// as tokens in the shards that name them.

// Query text (Unicode form, tone placement, folding, Telex/VNI, typed numbers) is
// ketluan-query.js's: fold and normaliseQuery are re-exported from here for the UI.
import { fold, normaliseQuery, numberMatches, readQuery } from "./ketluan-query.js";
import { titleKey } from "./ketluan-titles.js";

export { fold, normaliseQuery };

// Pagefind's best candidates re-ranked with Vietnamese rules (see rerank); their fragments
// are loaded anyway to show the results.
const RERANK = 12;

// Metadata matches are scored on top of the text score: a number typed exactly must win
// over documents that only cite it, and accented queries prefer exact accents.
const RANKING = {
  diacriticSimilarity: 30,
  metaWeights: { number: 40, title: 5, issuer: 3, place: 3, terms: 1 },
};

const NUMBER = /^[\p{L}\p{N}]*\d[\p{L}\p{N}]*([-/.][\p{L}\p{N}]+)+$/u;
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phrase = (words) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${words.map(escapeRe).join("\\s+")}(?=$|[^\\p{L}\\p{N}])`, "u");

// Order Pagefind's best candidates by what Vietnamese readers mean, tier by tier: the
// document whose number was typed (numberMatches: "832 tb/tu" is 832-TB/TU), then
// documents containing the typed number; with an accented query, documents containing every
// word with exactly those accents (tone placement and NFD normalised; a word that no
// candidate holds so, a slip such as "két" for "kết", is left out of that test);
// documents titled exactly what was typed (punctuation, case and accents aside:
// ketluan-titles.js's key); documents whose title or metadata (number, type, issuer,
// place, signer) hold the query as a phrase (ignoring accents, đ = d) above those holding
// it only in the text; documents containing the words as a phrase; then how often the
// text holds the words for its length (textScore, to a twentieth: closer scores tie), the
// newer first when scores tie.
export function rerank(query, items) {
  const words = normaliseQuery(query).toLowerCase().split(" ").filter(Boolean);
  const folded = fold(query);
  const number = readQuery(query).number;
  const isNumber = number !== null || NUMBER.test(folded);
  const own = (meta) =>
    number !== null ? numberMatches(number, meta.number) : fold(meta.number || "") === folded;
  const accented = folded !== query.toLowerCase().replace(/\s+/g, " ").trim();
  const together = phrase(folded.split(" "));
  const key = titleKey(query);
  const texts = items.map(({ data }) => {
    const meta = data.meta || {};
    const described = [meta.title, meta.number, meta.type, meta.issuer, meta.place, meta.signer];
    const text = [...described, data.content].join(" \n ");
    return { meta, described, modern: normaliseQuery(text).toLowerCase(), plain: fold(text) };
  });
  const exact = words
    .map((w) => phrase([w]))
    .filter((re) => texts.some(({ modern }) => re.test(modern)));
  const lengths = texts.map(({ plain }) => plain.split(TOKEN).length);
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const terms = folded.split(" ").filter(Boolean);
  const tiers = items.map(({ data }, index) => {
    const { meta, described, modern, plain } = texts[index];
    const score = textScore(terms, plain.split(TOKEN), average);
    return [
      isNumber ? (own(meta) ? 0 : together.test(plain) ? 1 : 2) : 0,
      // (the word index knows it of the whole text: ``exact``, ketluan-words.js)
      accented && !(data.exact ?? exact.every((re) => re.test(modern))) ? 1 : 0,
      key && titleKey(meta.title || "") === key ? 0 : 1,
      // (the word index knows it of every field, signers included: ``told``)
      (data.told ?? together.test(fold(described.join(" \n ")))) ? 0 : 1,
      together.test(plain) ? 0 : 1,
      -Math.round(score * 20), // scores within a twentieth tie
      isoDate(data),
      index,
    ];
  });
  const newer = 6; // the date tier sorts descending
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    for (let k = 0; k < tiers[a].length; k++) {
      if (tiers[a][k] === tiers[b][k]) continue;
      if (k === newer) return tiers[a][k] < tiers[b][k] ? 1 : -1;
      return tiers[a][k] < tiers[b][k] ? -1 : 1;
    }
    return 0;
  });
  return order.map((i) => items[i]);
}

const TOKEN = /[^\p{L}\p{N}]+/u;

// How well ``tokens`` (a folded text's words) answer ``terms`` (BM25's saturation and length
// norm, without word weights): the same for every candidate whatever its shard. Pagefind
// weighs words by the frequencies of the shard it searched, so two documents with the same
// text in two shards score apart and the newer one could not come first on the tie.
export function textScore(terms, tokens, average) {
  const counts = new Map();
  for (const token of tokens) counts.set(token, (counts.get(token) || 0) + 1);
  const norm = 1.2 * (0.25 + (0.75 * tokens.length) / (average || 1));
  return terms.reduce((sum, term) => {
    const found = counts.get(term) || 0;
    return sum + (found * 2.2) / (found + norm);
  }, 0);
}

// Pagefind results with their data, the first RERANK of them re-ranked (full-text
// results only: places-index results are newest first) with the documents titled as the
// query (``titled``: ketluan-titles.js, as the result list's data) that are not among them.
// ``take(n)``: the first n with their data; a titled document is listed once, where the
// re-ranking put it. ``total``: Pagefind's count (a titled document holds every word of
// the query, so Pagefind counts it already).
export async function ranked(query, found, titled = []) {
  const { results, placesOnly } = found;
  const head = await Promise.all(
    results.slice(0, RERANK).map(async (result) => ({
      result,
      data: await withData(result, placesOnly),
    })),
  );
  const known = new Set(head.map((item) => item.data.url));
  const added = titled.filter((data) => !known.has(data.url));
  const promoted = new Set(added.map((data) => data.url));
  const first = placesOnly
    ? head
    : rerank(query, [...head, ...added.map((data) => ({ result: null, data }))]);
  const rest = results.slice(RERANK).map((result) => ({ result, data: null, placesOnly }));
  const loaded = [...first];
  let next = 0; // the first item of ``rest`` not loaded yet
  const take = async (n) => {
    while (loaded.length < n && next < rest.length) {
      const batch = rest.slice(next, next + n - loaded.length);
      next += batch.length;
      await Promise.all(
        batch.map(async (item) => {
          item.data ??= await withData(item.result, item.placesOnly);
        }),
      );
      loaded.push(...batch.filter((item) => !promoted.has(item.data.url)));
    }
    return loaded.slice(0, n);
  };
  let queue = Promise.resolve([]);
  // One call at a time: they share ``next``.
  return {
    total: Math.max(results.length, first.length),
    take: (n) => (queue = queue.catch(() => []).then(() => take(n))),
  };
}

// A query made only of place names is answered newest first; among the first RERANK, the
// documents of that place (their own place names it) come before those that only mention
// it (a "xã Bắc Sơn" elsewhere before huyện Bắc Sơn's own). ``take``: byDate's.
export function placeFirst(query, take) {
  const wanted = fold(query);
  let head = null;
  return async (n) => {
    head ??= take(RERANK).then((items) => {
      const mine = (item) => fold((item.data.meta || {}).place || "").includes(wanted);
      return [...items.filter(mine), ...items.filter((item) => !mine(item))];
    });
    const first = await head;
    if (n <= first.length) return first.slice(0, n);
    return [...first, ...(await take(n)).slice(first.length)];
  };
}

// The site's root as an absolute path ("/" or "/portal/"), from the search box's data.
export function siteBase(root) {
  return absolute(root.dataset.site || "./").replace(/\/?$/, "/");
}

function absolute(path) {
  return new URL(path, document.baseURI).pathname;
}

// Place names become one token each (ketluan.search.place_token): "Tuần Giáo" ->
// "ⱥtuangiao". The postings of a place token list only the documents naming the place,
// instead of every document with "tuần" or "giáo", and the build lists the shards holding
// those documents: a query naming a place loads only those shards. A cold query for a
// district stays small whatever the size of the corpus.
export const PLACE_PREFIX = "\u2c65"; // ketluan.search.PLACE_PREFIX: sorts after every word
let manifest = {
  shards: [],
  place_shards: [],
  places: {},
  spellings: {},
  superseded: {},
  superseded_places: {},
};
let placeNames = [];

export function setManifest(value) {
  manifest = { superseded: {}, superseded_places: {}, ...value };
  placeNames = Object.keys(value.places).sort((a, b) => b.length - a.length);
}

// Does words[i..] spell place ``name`` (``spellings``: folded name -> its spellings)?
// Typed without accents, any spelling does; typed with accents, only the place's own
// ("diễn biến" is not Điện Biên).
function spells(words, folded, i, name, spellings) {
  const parts = name.split(" ");
  if (!parts.every((part, k) => folded[i + k] === part)) return false;
  const typed = words.slice(i, i + parts.length).join(" ").toLowerCase();
  return fold(typed) === typed || (spellings[name] || []).includes(typed);
}

// The place named by words[i..] (``names``: folded names, longest first), if any.
export function placeAt(words, folded, i, names, spellings) {
  return names.find((name) => spells(words, folded, i, name, spellings));
}

// The words of a query with each place name it holds as one token (place_token): the
// token, or the word as typed; ``places``: the place names found, in order.
export function placeWords(query, names, spellings) {
  const words = normaliseQuery(query).split(" ").filter(Boolean);
  const folded = words.map(fold);
  const out = [];
  const places = [];
  for (let i = 0; i < words.length; ) {
    const place = placeAt(words, folded, i, names, spellings);
    if (place) {
      out.push(PLACE_PREFIX + place.replace(/[^a-z0-9]/g, ""));
      places.push(place);
      i += place.split(" ").length;
    } else {
      out.push(words[i]);
      i += 1;
    }
  }
  return { words: out, places };
}

// The query for Pagefind, the shards to search (null: all), and whether it is only places.
export function placeQuery(query) {
  const { words, places } = placeWords(query, placeNames, manifest.spellings);
  let shards = null;
  for (const place of places) {
    const where = manifest.places[place];
    shards = shards ? shards.filter((s) => where.includes(s)) : [...where];
  }
  const placesOnly = places.length > 0 && places.length === words.length;
  return { query: words.join(" "), shards, placesOnly };
}

let enginePromise = null;

// The Pagefind module and the shard manifest, loaded once (on focus or first query).
export function engine(root) {
  if (enginePromise) return enginePromise;
  enginePromise = (async () => {
    const basePath = root.dataset.pagefind;
    if (!basePath) return null;
    const [module, value] = await Promise.all([
      import(absolute(basePath) + "pagefind.js"),
      fetch(absolute(basePath) + "ketluan-places.json").then((r) => r.json()),
    ]);
    setManifest(value);
    const baseUrl = siteBase(root);
    const titles = root.dataset.titles ? absolute(root.dataset.titles) : null;
    return { module, baseUrl, titles, instances: new Map() };
  })();
  return enginePromise;
}

// Synthetic filter naming the shard of every entry (Pagefind's mergeFilter). A sorted
// search is ordered within each index only (a result's score is its rank in its own
// shard) and merged indexes are interleaved by score, so results by date are searched
// shard by shard and merged here (see byDate).
export const SHARD_FILTER = "kl_shard";

// One Pagefind instance per set of shards (the first holds the wasm; the others are
// merged with mergeIndex), created when a query first needs it. ``places``: the tiny
// places indexes (only place tokens) instead of the full-text ones.
export function index(state, shards, places = false) {
  const paths = places ? manifest.place_shards : manifest.shards;
  const chosen = shards && shards.length ? shards : paths.map((_, i) => i);
  const key = (places ? "p" : "t") + chosen.join(",");
  if (!state.instances.has(key)) {
    // Shard paths are relative to the site root, not to the current page.
    const [first, ...rest] = chosen;
    const options = { baseUrl: state.baseUrl, ranking: RANKING, excerptLength: 26 };
    const tagged = (i) => ({ ...options, mergeFilter: { [SHARD_FILTER]: String(i) } });
    const instance = state.module.createInstance({
      ...tagged(first),
      basePath: state.baseUrl + paths[first],
      noWorker: true,
    });
    const ready = Promise.all(
      rest.map((i) => instance.mergeIndex(state.baseUrl + paths[i], tagged(i))),
    ).then(() => ({
      ...live(instance, places ? manifest.superseded_places : manifest.superseded),
      shards: chosen.map(String),
    }));
    state.instances.set(key, ready);
  }
  return state.instances.get(key);
}

// The last shard of the manifest may be the delta: the documents changed since the shards
// were built (ketluan.build.searchstate). Their entries in the shards are superseded (and
// so are those of removed documents): dropped from results, each result once, and their
// filter values taken off the counts, so a query finds what a freshly built index finds.
export function live(instance, superseded) {
  return {
    async search(term, options) {
      const found = await instance.search(term, options);
      const seen = new Set();
      // The shard filter is the engine's own: its counts apart (byDate), not a facet.
      const { [SHARD_FILTER]: perShard, ...filters } = structuredClone(found.filters || {});
      const results = found.results.filter((result) => {
        if (superseded[result.id]) {
          takeOff(filters, superseded[result.id]);
          return false;
        }
        if (seen.has(result.id)) return false;
        seen.add(result.id);
        return true;
      });
      return { ...found, results, filters, perShard };
    },
    async filters() {
      const { [SHARD_FILTER]: _, ...counts } = await instance.filters();
      for (const facets of Object.values(superseded)) takeOff(counts, facets);
      return counts;
    },
  };
}

// Take one entry's filter values (name -> values) off counts (name -> value -> count).
function takeOff(counts, facets) {
  for (const [name, values] of Object.entries(facets)) {
    for (const value of values) {
      if (!counts[name] || !(value in counts[name])) continue;
      counts[name][value] -= 1;
      if (counts[name][value] <= 0) delete counts[name][value];
    }
  }
}

// The index answering a query and the query for Pagefind (null: the one for no query;
// null index: no document can match): a query that is only place names ("Tuần Giáo",
// "dien bien") is answered from the places indexes, any other query from the full text.
async function route(state, query) {
  if (query === null) return { index: await index(state, null), term: null, placesOnly: false };
  const routed = placeQuery(query);
  if (routed.shards && !routed.shards.length) return { index: null, placesOnly: true };
  const found = await index(state, routed.shards, routed.placesOnly);
  return { index: found, term: routed.query, placesOnly: routed.placesOnly };
}

// Pagefind's results for a query; places-index results newest first (within each shard:
// see byDate). ``counts: true`` loads the filter indexes first, so that the results'
// ``filters`` count every filter value (Pagefind counts only loaded filters).
export async function search(state, query, options = {}) {
  const { counts, ...rest } = options;
  const routed = await route(state, query);
  if (!routed.index) return { results: [], filters: {}, placesOnly: true };
  if (counts) await routed.index.filters();
  if (!routed.placesOnly) return routed.index.search(routed.term, rest);
  const sort = { date: "desc", ...(rest.sort || {}) };
  return { ...(await routed.index.search(routed.term, { ...rest, sort })), placesOnly: true };
}

// Results newest (``direction`` "desc") or oldest first across shards: each shard's results
// come sorted from Pagefind, and are merged by the date of their heads, loading the data
// of one result per shard ahead of what is shown. ``take(n)``: the first n, with data.
export async function byDate(state, query, options = {}, direction = "desc") {
  const { counts, ...rest } = options;
  const routed = await route(state, query);
  if (!routed.index) return { results: [], filters: {}, placesOnly: true, take: async () => [] };
  if (counts) await routed.index.filters();
  const sorted = { ...rest, sort: { date: direction } };
  const found = await routed.index.search(routed.term, sorted);
  // The shards holding results (all of the index's when Pagefind gave no count).
  const { perShard } = found;
  const shards = perShard
    ? Object.keys(perShard).filter((shard) => perShard[shard] > 0)
    : routed.index.shards;
  const lists =
    shards.length > 1
      ? await Promise.all(
          shards.map(async (shard) => {
            const filters = { ...(rest.filters || {}), [SHARD_FILTER]: shard };
            return (await routed.index.search(routed.term, { ...sorted, filters })).results;
          }),
        )
      : [found.results];
  const take = merged(lists, direction, routed.placesOnly);
  return { ...found, placesOnly: routed.placesOnly, take };
}

// "27/03/2024", "03/2024", "2024" (meta date) -> "2024-03-27", "2024-03", "2024" (its sort key).
const isoDate = (data) => ((data.meta || {}).date || "").split("/").reverse().join("-");

function merged(lists, direction, placesOnly) {
  const at = lists.map(() => 0);
  const loaded = new Map();
  const load = (result) => {
    if (!loaded.has(result)) loaded.set(result, withData(result, placesOnly));
    return loaded.get(result);
  };
  const out = [];
  const later = direction === "asc" ? (a, b) => a < b : (a, b) => a > b;
  const take = async (n) => {
    while (out.length < n) {
      const open = lists.map((_, i) => i).filter((i) => at[i] < lists[i].length);
      if (!open.length) break;
      const heads = await Promise.all(open.map((i) => load(lists[i][at[i]])));
      let best = 0;
      for (let k = 1; k < open.length; k++) {
        if (later(isoDate(heads[k]), isoDate(heads[best]))) best = k;
      }
      const i = open[best];
      out.push({ result: lists[i][at[i]], data: heads[best] });
      at[i] += 1;
    }
    return out.slice(0, n);
  };
  let queue = Promise.resolve([]);
  // One call at a time: they share the cursors.
  return (n) => (queue = queue.catch(() => []).then(() => take(n)));
}

// The snippet of a result without text (a places-index record, a number lookup): where
// the document belongs, as the excerpt (escaped: excerpts are read as markup) and as text.
export function placeSnippet(place) {
  const escaped = place.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return { excerpt: `Địa bàn: ${escaped}`, content: `Địa bàn: ${place}` };
}

// A places-index result has no text: its snippet is where the document belongs.
export async function withData(result, placesOnly) {
  const data = await result.data();
  return placesOnly ? { ...data, ...placeSnippet(data.meta.place || "") } : data;
}

