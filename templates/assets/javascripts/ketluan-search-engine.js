// ketluan search engine on Pagefind's JS API. The index is sharded at build time and
// shards are merged here (createInstance + mergeIndex). Queries are normalised like the
// build normalises documents (NFC, new tone placement); đ -> d is handled at build time by
// folded terms in a metadata field (Pagefind does not fold đ); place names are searched
// as tokens in the shards that name them.

// Query text (Unicode form, tone placement, folding, Telex/VNI, typed numbers) is
// ketluan-query.js's: fold and normaliseQuery are re-exported from here for the UI.
import { fold, normaliseQuery, numberKey, readQuery } from "./ketluan-query.js";

export { fold, normaliseQuery };

// Pagefind's best candidates re-ranked with Vietnamese rules (see rerank); their fragments
// are loaded anyway to show the results.
const RERANK = 8;

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

// Order Pagefind's best candidates by what Vietnamese readers mean, keeping Pagefind's
// order within a tier: the document whose number was typed (compared by numberKey:
// "832 tb/tu" is 832-TB/TU); documents containing the typed number; with an accented
// query, documents containing every word with exactly those accents (tone placement and
// NFD normalised); documents containing the words as a phrase (ignoring accents, đ = d).
export function rerank(query, items) {
  const words = normaliseQuery(query).toLowerCase().split(" ").filter(Boolean);
  const folded = fold(query);
  const number = readQuery(query).number;
  const isNumber = number !== null || NUMBER.test(folded);
  const own = (meta) =>
    number !== null ? numberKey(meta.number) === number : fold(meta.number || "") === folded;
  const accented = folded !== query.toLowerCase().replace(/\s+/g, " ").trim();
  const exact = words.map((w) => phrase([w]));
  const together = phrase(folded.split(" "));
  const tiers = items.map(({ data }, index) => {
    const meta = data.meta || {};
    const text = [meta.title, meta.number, meta.issuer, meta.place, data.content].join(" \n ");
    const modern = normaliseQuery(text).toLowerCase();
    const plain = fold(text);
    return [
      isNumber ? (own(meta) ? 0 : together.test(plain) ? 1 : 2) : 0,
      accented && !exact.every((re) => re.test(modern)) ? 1 : 0,
      together.test(plain) ? 0 : 1,
      index,
    ];
  });
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    for (let k = 0; k < 4; k++) if (tiers[a][k] !== tiers[b][k]) return tiers[a][k] - tiers[b][k];
    return 0;
  });
  return order.map((i) => items[i]);
}

// Pagefind results with their data, the first RERANK of them re-ranked (full-text
// results only: places-index results are newest first).
export async function ranked(query, found) {
  const { results, placesOnly } = found;
  const head = await Promise.all(
    results.slice(0, RERANK).map(async (result) => ({
      result,
      data: await withData(result, placesOnly),
    })),
  );
  const rest = results.slice(RERANK).map((result) => ({ result, data: null, placesOnly }));
  return [...(placesOnly ? head : rerank(query, head)), ...rest];
}

function absolute(path) {
  return new URL(path, document.baseURI).pathname;
}

// Place names become one token each (ketluan.search.place_token): "Tuần Giáo" ->
// "ⱥtuangiao". The postings of a place token list only the documents naming the place,
// instead of every document with "tuần" or "giáo", and the build lists the shards holding
// those documents: a query naming a place loads only those shards. A cold query for a
// district stays small whatever the size of the corpus.
const PLACE_PREFIX = "\u2c65"; // ketluan.search.PLACE_PREFIX: sorts after every word
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

// Does words[i..] spell place ``name``? Typed without accents, any spelling does; typed
// with accents, only the place's own ("diễn biến" is not Điện Biên).
function spells(words, folded, i, name) {
  const parts = name.split(" ");
  if (!parts.every((part, k) => folded[i + k] === part)) return false;
  const typed = words.slice(i, i + parts.length).join(" ").toLowerCase();
  return fold(typed) === typed || (manifest.spellings[name] || []).includes(typed);
}

// The query for Pagefind, the shards to search (null: all), and whether it is only places.
export function placeQuery(query) {
  const words = normaliseQuery(query).split(" ").filter(Boolean);
  const folded = words.map(fold);
  const out = [];
  let shards = null;
  let others = 0;
  for (let i = 0; i < words.length; ) {
    const place = placeNames.find((name) => spells(words, folded, i, name));
    if (place) {
      out.push(PLACE_PREFIX + place.replace(/[^a-z0-9]/g, ""));
      const where = manifest.places[place];
      shards = shards ? shards.filter((s) => where.includes(s)) : [...where];
      i += place.split(" ").length;
    } else {
      out.push(words[i]);
      others += 1;
      i += 1;
    }
  }
  return { query: out.join(" "), shards, placesOnly: shards !== null && others === 0 };
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
    const baseUrl = absolute(root.dataset.site || "./").replace(/\/?$/, "/");
    return { module, baseUrl, instances: new Map() };
  })();
  return enginePromise;
}

// One Pagefind instance per set of shards (the first holds the wasm; the others are
// merged with mergeIndex), created when a query first needs it. ``places``: the tiny
// places indexes (only place tokens) instead of the full-text ones.
export function index(state, shards, places = false) {
  const paths = places ? manifest.place_shards : manifest.shards;
  const chosen = shards && shards.length ? shards : paths.map((_, i) => i);
  const key = (places ? "p" : "t") + chosen.join(",");
  if (!state.instances.has(key)) {
    // Shard paths are relative to the site root, not to the current page.
    const [first, ...rest] = chosen.map((i) => state.baseUrl + paths[i]);
    const options = { baseUrl: state.baseUrl, ranking: RANKING, excerptLength: 26 };
    const instance = state.module.createInstance({ ...options, basePath: first, noWorker: true });
    const ready = Promise.all(rest.map((path) => instance.mergeIndex(path, options))).then(
      () => live(instance, places ? manifest.superseded_places : manifest.superseded),
    );
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
      const results = found.results.filter((result) => {
        if (superseded[result.id] || seen.has(result.id)) return false;
        seen.add(result.id);
        return true;
      });
      return { ...found, results };
    },
    async filters() {
      const counts = await instance.filters();
      for (const facets of Object.values(superseded)) {
        for (const [name, values] of Object.entries(facets)) {
          for (const value of values) {
            if (!counts[name] || !(value in counts[name])) continue;
            counts[name][value] -= 1;
            if (counts[name][value] <= 0) delete counts[name][value];
          }
        }
      }
      return counts;
    },
  };
}

// A query that is only place names ("Tuần Giáo", "dien bien") is answered from the
// places indexes, newest first; any other query from the full text.
export async function search(state, query, options = {}) {
  if (query === null) return (await index(state, null)).search(null, options);
  const routed = placeQuery(query);
  if (routed.shards && !routed.shards.length) return { results: [], placesOnly: true };
  if (routed.placesOnly) {
    const sort = { date: "desc", ...(options.sort || {}) };
    const found = await (await index(state, routed.shards, true)).search(routed.query, {
      ...options,
      sort,
    });
    return { ...found, placesOnly: true };
  }
  return (await index(state, routed.shards)).search(routed.query, options);
}

// A places-index result has no text: its snippet is where the document belongs.
export async function withData(result, placesOnly) {
  const data = await result.data();
  if (placesOnly) {
    const place = data.meta.place || "";
    const escaped = place.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return { ...data, excerpt: `Địa bàn: ${escaped}`, content: `Địa bàn: ${place}` };
  }
  return data;
}

