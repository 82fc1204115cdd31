// ketluan search: the header box and the /tra-cuu/ page, both on Pagefind's JS API.
// The index is sharded at build time; shards are merged here with mergeIndex. Queries are
// normalised like the build normalises documents (NFC, new tone placement); đ -> d is
// handled at build time by folded terms in a metadata field (Pagefind does not fold đ).

const DEBOUNCE_MS = 250;
const BOX_RESULTS = 6;
const PAGE_RESULTS = 10;
// Pagefind's best candidates re-ranked with Vietnamese rules (see rerank); their fragments
// are loaded anyway to show the results.
const RERANK = 8;

// Metadata matches are scored on top of the text score: a number typed exactly must win
// over documents that only cite it, and accented queries prefer exact accents.
const RANKING = {
  diacriticSimilarity: 30,
  metaWeights: { number: 40, title: 5, issuer: 3, place: 3, terms: 1 },
};

const FILTERS = [
  ["tinh", "Tỉnh (trước 1/7/2025)"],
  ["tinh_nay", "Tỉnh hiện nay"],
  ["huyen", "Huyện"],
  ["nam", "Năm"],
  ["loai", "Loại văn bản"],
];

// Same rule as ketluan.text.new_tone_placement: oa, oe, uy open syllables carry the tone
// on the first vowel ("hoà" -> "hòa", "thuỷ" -> "thủy").
const TONES = "\u0300\u0301\u0303\u0309\u0323";
const OLD_TONE = new RegExp(
  `(?<![qQ])([oO])([aAeE])([${TONES}])(?![\\p{L}\\p{N}_])|(?<![qQ])([uU])([yY])([${TONES}])(?![\\p{L}\\p{N}_])`,
  "gu",
);

export function normaliseQuery(value) {
  const decomposed = value.normalize("NFD").replace(OLD_TONE, (m, o, a, t, u, y, t2) =>
    o ? o + t + a : u + t2 + y,
  );
  return decomposed.normalize("NFC").replace(/\s+/g, " ").trim();
}

// Same as ketluan.text.fold: lowercase, no diacritics, đ -> d, single spaces.
export function fold(value) {
  return value
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const NUMBER = /^[\p{L}\p{N}]*\d[\p{L}\p{N}]*([-/.][\p{L}\p{N}]+)+$/u;
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phrase = (words) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${words.map(escapeRe).join("\\s+")}(?=$|[^\\p{L}\\p{N}])`, "u");

// Order Pagefind's best candidates by what Vietnamese readers mean, keeping Pagefind's
// order within a tier: the document whose number was typed; documents containing the
// typed number; with an accented query, documents containing every word with exactly
// those accents (tone placement and NFD normalised); documents containing the words as
// a phrase (ignoring accents, đ = d).
export function rerank(query, items) {
  const words = normaliseQuery(query).toLowerCase().split(" ").filter(Boolean);
  const folded = fold(query);
  const isNumber = NUMBER.test(folded);
  const accented = folded !== query.toLowerCase().replace(/\s+/g, " ").trim();
  const exact = words.map((w) => phrase([w]));
  const together = phrase(folded.split(" "));
  const tiers = items.map(({ data }, index) => {
    const meta = data.meta || {};
    const text = [meta.title, meta.number, meta.issuer, meta.place, data.content].join(" \n ");
    const modern = normaliseQuery(text).toLowerCase();
    const plain = fold(text);
    return [
      isNumber ? (fold(meta.number || "") === folded ? 0 : together.test(plain) ? 1 : 2) : 0,
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
async function ranked(query, found) {
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
let manifest = { shards: [], place_shards: [], places: {}, spellings: {} };
let placeNames = [];

export function setManifest(value) {
  manifest = value;
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
function engine(root) {
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
function index(state, shards, places = false) {
  const paths = places ? manifest.place_shards : manifest.shards;
  const chosen = shards && shards.length ? shards : paths.map((_, i) => i);
  const key = (places ? "p" : "t") + chosen.join(",");
  if (!state.instances.has(key)) {
    // Shard paths are relative to the site root, not to the current page.
    const [first, ...rest] = chosen.map((i) => state.baseUrl + paths[i]);
    const options = { baseUrl: state.baseUrl, ranking: RANKING, excerptLength: 26 };
    const instance = state.module.createInstance({ ...options, basePath: first, noWorker: true });
    const ready = Promise.all(rest.map((path) => instance.mergeIndex(path, options))).then(
      () => instance,
    );
    state.instances.set(key, ready);
  }
  return state.instances.get(key);
}

// A query that is only place names ("Tuần Giáo", "dien bien") is answered from the
// places indexes, newest first; any other query from the full text.
async function search(state, query, options = {}) {
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
async function withData(result, placesOnly) {
  const data = await result.data();
  if (placesOnly) {
    const place = data.meta.place || "";
    const escaped = place.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return { ...data, excerpt: `Địa bàn: ${escaped}`, content: `Địa bàn: ${place}` };
  }
  return data;
}

// Pagefind excerpts are escaped text with <mark> around matches: rebuild them as DOM
// nodes, keeping only text and <mark>, so nothing else from the index becomes markup.
// When Pagefind marked nothing (a place token matches metadata, not text), the words of
// the query are marked here, compared folded.
function excerptNodes(excerpt, query, content) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body;
  const out = document.createElement("p");
  out.className = "kl-result__excerpt";
  let nodes = parsed.firstChild ? [...parsed.firstChild.childNodes] : [];
  const marked = nodes.some((node) => node.nodeName === "MARK");
  const wanted = new Set(fold(query).split(" "));
  if (!marked && content) {
    // Show the text around the first query word instead of the start of the document.
    const words = content.split(/\s+/);
    const at = words.findIndex((word) => wanted.has(fold(word.replace(/[^\p{L}\p{N}]/gu, ""))));
    if (at >= 0) {
      const from = Math.max(0, at - 10);
      const text = words.slice(from, at + 16).join(" ");
      nodes = [document.createTextNode((from ? "… " : "") + text + " …")];
    }
  }
  const mark = (text) => {
    const node = document.createElement("mark");
    node.textContent = text;
    return node;
  };
  for (const node of nodes) {
    if (node.nodeName === "MARK") {
      out.append(mark(node.textContent));
    } else if (marked) {
      out.append(document.createTextNode(node.textContent));
    } else {
      for (const part of node.textContent.split(/([\p{L}\p{N}]+)/u)) {
        out.append(wanted.has(fold(part)) ? mark(part) : document.createTextNode(part));
      }
    }
  }
  return out;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function resultItem(data, query) {
  const meta = data.meta || {};
  const item = el("li", "kl-result");
  const link = el("a", "kl-result__title", meta.title || data.url);
  link.href = data.url;
  item.append(link);
  const line = el("div", "kl-result__meta");
  const parts = [
    ["kl-result__type", meta.type],
    ["kl-result__number", meta.number ? `số ${meta.number}` : ""],
    ["kl-result__date", meta.date],
    ["kl-result__issuer", meta.issuer],
  ].filter(([, text]) => text);
  parts.forEach(([cls, text], i) => {
    if (i) line.append(" · ");
    line.append(el("span", cls, text));
  });
  item.append(line, excerptNodes(data.excerpt || "", query, data.content || ""));
  return item;
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// The header box: results in a panel under the input, a link to the full search page.
function setupBox(root) {
  const input = root.querySelector(".kl-search__input");
  const panel = root.querySelector(".kl-search__panel");
  let current = 0;

  const close = () => {
    panel.hidden = true;
  };
  const run = async () => {
    const query = normaliseQuery(input.value);
    const id = ++current;
    if (!query) return close();
    const state = await engine(root);
    if (id !== current) return;
    panel.replaceChildren();
    panel.hidden = false;
    if (!state) {
      panel.append(el("p", "kl-search__status", "Chưa có văn bản để tra cứu."));
      return;
    }
    const found = await search(state, query);
    if (id !== current || !found) return;
    const items = await ranked(query, found);
    if (id !== current) return;
    const data = items.slice(0, BOX_RESULTS).map((item) => item.data);
    panel.replaceChildren();
    const status = found.results.length
      ? `${found.results.length} văn bản`
      : `Không tìm thấy văn bản nào cho “${query}”.`;
    panel.append(el("p", "kl-search__status", status));
    const list = el("ol", "kl-results");
    data.forEach((d) => list.append(resultItem(d, query)));
    panel.append(list);
    if (found.results.length) {
      const more = el("a", "kl-search__more", "Xem tất cả kết quả và lọc");
      more.href = `${root.dataset.page}?q=${encodeURIComponent(query)}`;
      panel.append(more);
    }
  };
  input.addEventListener("input", debounce(run, DEBOUNCE_MS));
  input.addEventListener("focus", () => engine(root), { once: true });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  document.addEventListener("click", (event) => {
    if (!root.contains(event.target)) close();
  });
}

// The search page: query and filters from the URL, results in pages of PAGE_RESULTS.
function setupPage(root, box) {
  const form = root.querySelector("form");
  const input = root.querySelector(".kl-search-page__input");
  const status = root.querySelector(".kl-search-page__status");
  const list = root.querySelector(".kl-results");
  const more = root.querySelector(".kl-results__more");
  const details = root.querySelector(".kl-filters");
  const selects = new Map();
  let results = [];
  let shown = 0;
  let current = 0;

  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  const chosen = () => {
    const filters = {};
    for (const [name, select] of selects) if (select.value) filters[name] = select.value;
    return filters;
  };

  // Filter values come from every shard's filter index: loaded only when the reader
  // opens the filters (or arrives with filters in the URL), not for every query.
  let filtersLoaded = null;
  const buildFilters = (state) => {
    filtersLoaded ??= (async () => {
      const available = await (await index(state, null)).filters();
      const holder = details.querySelector(".kl-filters__list");
      for (const [name, label] of FILTERS) {
        const values = Object.keys(available[name] || {}).sort((a, b) => a.localeCompare(b, "vi"));
        if (!values.length) continue;
        const wrap = el("label", "kl-filter");
        wrap.append(el("span", "kl-filter__label", label));
        const select = el("select", "kl-filter__select");
        select.name = name;
        select.append(new Option("Tất cả", ""));
        for (const value of values) select.append(new Option(value, value));
        select.value = params.get(name) || "";
        select.addEventListener("change", () => run());
        wrap.append(select);
        holder.append(wrap);
        selects.set(name, select);
      }
    })();
    return filtersLoaded;
  };

  const showMore = async () => {
    const id = current;
    const next = results.slice(shown, shown + PAGE_RESULTS);
    const data = await Promise.all(
      next.map((item) => item.data || withData(item.result, item.placesOnly)),
    );
    if (id !== current) return;
    data.forEach((d) => list.append(resultItem(d, input.value)));
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const run = async () => {
    const query = normaliseQuery(input.value);
    const id = ++current;
    const state = await engine(box);
    if (id !== current) return;
    if (!state) {
      status.textContent = "Chưa có văn bản để tra cứu.";
      return;
    }
    if (FILTERS.some(([name]) => params.has(name))) {
      details.open = true;
      await buildFilters(state);
    }
    const filters = chosen();
    const url = new URL(window.location.href);
    url.search = new URLSearchParams({ ...(query ? { q: query } : {}), ...filters }).toString();
    window.history.replaceState(null, "", url);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Nhập từ khóa (có dấu hoặc không dấu), số ký hiệu hoặc địa bàn.";
      return;
    }
    const found = query
      ? await search(state, query, { filters })
      : await search(state, null, { filters, sort: { date: "desc" } });
    if (id !== current || !found) return;
    results = query
      ? await ranked(query, found)
      : found.results.map((result) => ({ result, data: null }));
    if (id !== current) return;
    shown = 0;
    list.replaceChildren();
    status.textContent = results.length
      ? `Tìm thấy ${results.length} văn bản${query ? ` cho “${query}”` : ""}.`
      : `Không tìm thấy văn bản nào${query ? ` cho “${query}”` : ""}.`;
    await showMore();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", debounce(run, DEBOUNCE_MS));
  more.addEventListener("click", showMore);
  details.addEventListener("toggle", async () => {
    if (!details.open) return;
    const state = await engine(box);
    if (state) await buildFilters(state);
  });
  run();
}

const box = document.querySelector('[data-kl-search="box"]');
if (box) {
  setupBox(box);
  const page = document.querySelector('[data-kl-search="page"]');
  if (page) setupPage(page, box);
}
