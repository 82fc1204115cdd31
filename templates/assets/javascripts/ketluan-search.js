// ketluan search UI: the header box and the /tra-cuu/ page. The engine (query
// normalisation, shards, places, re-ranking) is in ketluan-search-engine.js.
import {
  engine,
  fold,
  index,
  normaliseQuery,
  ranked,
  search,
  withData,
} from "./ketluan-search-engine.js";
import { readQuery } from "./ketluan-query.js";

const DEBOUNCE_MS = 250;
const BOX_RESULTS = 6;
const PAGE_RESULTS = 10;

const FILTERS = [
  ["tinh", "Tỉnh (trước 1/7/2025)"],
  ["tinh_nay", "Tỉnh hiện nay"],
  ["huyen", "Huyện"],
  ["nam", "Năm"],
  ["loai", "Loại văn bản"],
  ["cap", "Cấp ban hành"],
  ["hieu_luc", "Tình trạng hiệu lực"],
  ["giao_cho", "Nhiệm vụ giao cho"],
  ["han", "Thời hạn nhiệm vụ"],
];

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
    const typed = normaliseQuery(input.value);
    const query = readQuery(typed).text; // Telex, VNI and numbers as typed: ketluan-query.js
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
    if (query !== typed) panel.append(el("p", "kl-search__searched", `Đang tìm: ${query}`));
    const list = el("ol", "kl-results");
    data.forEach((d) => list.append(resultItem(d, query)));
    panel.append(list);
    if (found.results.length) {
      const more = el("a", "kl-search__more", "Xem tất cả kết quả và lọc");
      more.href = `${root.dataset.page}?q=${encodeURIComponent(typed)}`;
      panel.append(more);
    }
    panel.dataset.query = query; // which query the panel shows (tests wait on it)
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
  const understood = root.querySelector(".kl-search-page__searched");
  const list = root.querySelector(".kl-results");
  const more = root.querySelector(".kl-results__more");
  const details = root.querySelector(".kl-filters");
  const selects = new Map();
  let results = [];
  let searched = ""; // the query searched: readQuery's reading of what was typed
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
    data.forEach((d) => list.append(resultItem(d, searched)));
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const run = async () => {
    const query = normaliseQuery(input.value);
    searched = readQuery(query).text;
    understood.hidden = searched === query;
    understood.textContent = `Đang tìm: ${searched}`;
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
      ? await search(state, searched, { filters })
      : await search(state, null, { filters, sort: { date: "desc" } });
    if (id !== current || !found) return;
    results = query
      ? await ranked(searched, found)
      : found.results.map((result) => ({ result, data: null }));
    if (id !== current) return;
    shown = 0;
    list.replaceChildren();
    status.textContent = results.length
      ? `Tìm thấy ${results.length} văn bản${query ? ` cho “${searched}”` : ""}.`
      : `Không tìm thấy văn bản nào${query ? ` cho “${searched}”` : ""}.`;
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
