// ketluan search engine: the order of results (re-ranking the word index's first
// candidates with Vietnamese rules) and place names in queries (each one token, as the
// word index holds them). Queries are normalised like the build normalises documents (NFC,
// new tone placement, đ folded to d).

// Query text (Unicode form, tone placement, folding, Telex/VNI, typed numbers) is
// ketluan-query.js's: fold and normaliseQuery are re-exported from here for the UI.
import { fold, normaliseQuery, numberMatches, readQuery } from "./ketluan-query.js";
import { titleKey } from "./ketluan-titles.js";

export { fold, normaliseQuery };

// The first candidates re-ranked with Vietnamese rules (see rerank); their records are
// loaded anyway to show the results.
const RERANK = 12;

const NUMBER = /^[\p{L}\p{N}]*\d[\p{L}\p{N}]*([-/.][\p{L}\p{N}]+)+$/u;
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phrase = (words) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${words.map(escapeRe).join("\\s+")}(?=$|[^\\p{L}\\p{N}])`, "u");

// Order the best candidates by what Vietnamese readers mean, tier by tier: the
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
// norm, without word weights): no corpus statistics, so two documents with the same text
// score the same and the newer one comes first on the tie.
export function textScore(terms, tokens, average) {
  const counts = new Map();
  for (const token of tokens) counts.set(token, (counts.get(token) || 0) + 1);
  const norm = 1.2 * (0.25 + (0.75 * tokens.length) / (average || 1));
  return terms.reduce((sum, term) => {
    const found = counts.get(term) || 0;
    return sum + (found * 2.2) / (found + norm);
  }, 0);
}

// The word index's results (``results``: each with ``data()``), the first RERANK of them
// loaded and re-ranked with the documents titled as the query (``titled``:
// ketluan-titles.js, as the result list's data) that are not among them. ``take(n)``: the
// first n with their data; a titled document is listed once, where the re-ranking put it.
// ``total``: the index's count (a titled document holds every word of the query, so the
// index counts it already).
export async function ranked(query, results, titled = []) {
  const head = await Promise.all(
    results.slice(0, RERANK).map(async (result) => ({ result, data: await result.data() })),
  );
  const known = new Set(head.map((item) => item.data.url));
  const added = titled.filter((data) => !known.has(data.url));
  const promoted = new Set(added.map((data) => data.url));
  const first = rerank(query, [...head, ...added.map((data) => ({ result: null, data }))]);
  const rest = results.slice(RERANK).map((result) => ({ result, data: null }));
  const loaded = [...first];
  let next = 0; // the first item of ``rest`` not loaded yet
  const take = async (n) => {
    while (loaded.length < n && next < rest.length) {
      const batch = rest.slice(next, next + n - loaded.length);
      next += batch.length;
      await Promise.all(
        batch.map(async (item) => {
          item.data ??= await item.result.data();
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

// The site's root as an absolute path ("/" or "/portal/"), from the search box's data.
export function siteBase(root) {
  return new URL(root.dataset.site || "./", document.baseURI).pathname.replace(/\/?$/, "/");
}

// Place names become one token each (ketluan.search.place_token): "Tuần Giáo" ->
// "ⱥtuangiao". The postings of a place token list only the documents naming the place,
// instead of every document with "tuần" or "giáo": a query naming a place reads only them.
export const PLACE_PREFIX = "\u2c65"; // ketluan.search.PLACE_PREFIX: sorts after every word

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

// "27/03/2024", "03/2024", "2024" (meta date) -> "2024-03-27", "2024-03", "2024" (its sort key).
const isoDate = (data) => ((data.meta || {}).date || "").split("/").reverse().join("-");

// The snippet of a result without text (a place query's, a number lookup's): where the
// document belongs, as the excerpt (escaped: excerpts are read as markup) and as text.
export function placeSnippet(place) {
  const escaped = place.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return { excerpt: `Địa bàn: ${escaped}`, content: `Địa bàn: ${place}` };
}
