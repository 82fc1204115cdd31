// ketluan search UI: the header box and the /tra-cuu/ page. Answers come from the number
// lookups (ketluan-numbers.js) and the word index (ketluan-words.js), ranked by
// ketluan-search-engine.js.
import { fold, normaliseQuery, ranked, siteBase } from "./ketluan-search-engine.js";
import { numberAnswer } from "./ketluan-numbers.js";
import { readQuery } from "./ketluan-query.js";
import { titled } from "./ketluan-titles.js";
import {
  filterCounts,
  filterSizes,
  filterTotals,
  wordAnswer,
  wordIndex,
} from "./ketluan-words.js";

const DEBOUNCE_MS = 250;
// A search typed on /tra-cuu/ is one history entry until the reader pauses this long (or
// submits, or changes a filter or the order): the back button skips the prefixes.
const PAUSE_MS = 1500;
const BOX_RESULTS = 6;
const PAGE_RESULTS = 10;

// The orders of the sort select (search-page.html) by their URL value (sap_xep): the
// direction of the date sort; "" (most relevant) has none.
const DIRECTIONS = { "moi-nhat": "desc", "cu-nhat": "asc" };
const SORT_PARAM = "sap_xep";
// ?nguyen_van=1: the query is searched exactly as typed, not read as Telex, VNI or a
// document number ("bus" is not "bú"); offered whenever the reading differs.
const VERBATIM_PARAM = "nguyen_van";

// The search page's URL for a search: ``page`` (the page's URL or the current one), the
// query, the filters, the order (SORT_PARAM) and whether the text is searched as typed
// (VERBATIM_PARAM). The header box links to the page with it, the page records its state.
function searchUrl(page, query, filters = {}, order = "", raw = false) {
  const params = new URLSearchParams({ ...(query ? { q: query } : {}), ...filters });
  if (order) params.set(SORT_PARAM, order);
  if (raw) params.set(VERBATIM_PARAM, "1");
  const url = new URL(page, document.baseURI);
  url.search = params.toString();
  return url;
}

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
const FILTER_NAMES = FILTERS.map(([name]) => name);

// The text of a result (the start of its document, or where it belongs) around the first
// word of the query, with the query's words marked (compared folded; a word typed with
// accents only where written so: "diễn biến" is not Điện Biên). Built as DOM text nodes:
// nothing from the index becomes markup.
function excerptNodes(query, content) {
  const out = document.createElement("p");
  out.className = "kl-result__excerpt";
  const accented = fold(query) !== normaliseQuery(query).toLowerCase();
  const key = accented ? (word) => normaliseQuery(word).toLowerCase() : fold;
  const wanted = new Set(key(query).split(" "));
  let text = content;
  const words = content.split(/\s+/);
  const at = words.findIndex((word) => wanted.has(key(word.replace(/[^\p{L}\p{N}]/gu, ""))));
  if (at >= 0) {
    const from = Math.max(0, at - 10);
    text = (from ? "… " : "") + words.slice(from, at + 16).join(" ") + " …";
  }
  const mark = (text) => {
    const node = document.createElement("mark");
    node.textContent = text;
    return node;
  };
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    out.append(wanted.has(key(part)) ? mark(part) : document.createTextNode(part));
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
  item.append(line, excerptNodes(query, data.content || ""));
  return item;
}

function debounce(fn, ms) {
  let timer = null;
  const call = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}

// A search from the word index (ketluan-words.js): the query (or none) among the documents
// of the filters, in the order asked for (``direction``: by date; null: relevance): ``{
// total, take }``; null when the site has none (no document) or nothing is asked. The
// title lookups know no filters: with a filter, the index's order alone. ``partial``: the
// last word may be typed halfway (the header box: matching in ketluan-words.js).
function byWords(root, query, filters = {}, direction = null, partial = false) {
  const words = wordIndex(root, siteBase(root));
  const filtered = Object.keys(filters).length > 0;
  if (!words || (!query && !filtered)) return null;
  const named =
    direction || filtered || !query ? [] : titled(root.dataset.titles, siteBase(root), query);
  return wordAnswer(words, query || null, direction, ranked, named, filters, partial);
}

// A query that is a document number (readQuery's ``number``), with no filter and in order
// of relevance, is answered from the number lookups (ketluan-numbers.js) when they know
// the number: the document, then who cites it, without reading the word index's words
// (only the records of the results shown). null: search the full text.
function byNumber(root, number, filters = {}, order = "") {
  if (number === null || order || Object.keys(filters).length) return null;
  return numberAnswer(root.dataset.numbers, wordIndex(root, siteBase(root)), number);
}

// The header box: results in a panel under the input, a link to the full search page.
// Keyboard: ArrowDown from the input moves into the results (their links take the focus),
// ArrowUp/ArrowDown move between them, Enter opens the focused one (in the input it opens
// the search page: the form's own submit), Escape closes the panel back to the input, and
// typing on a result types in the input.
function setupBox(root) {
  const input = root.querySelector(".kl-search__input");
  const panel = root.querySelector(".kl-search__panel");
  let current = 0;

  const close = () => {
    panel.hidden = true;
  };
  const run = async () => {
    const typed = normaliseQuery(input.value);
    const reading = readQuery(typed); // Telex, VNI and numbers as typed: ketluan-query.js
    const query = reading.text;
    const id = ++current;
    if (!query) return close();
    // Typing: the last word may be halfway ("mat b"), unless a space follows it.
    const partial = !/\s$/.test(input.value);
    const answer =
      (await byNumber(root, reading.number)) ||
      (await byWords(root, query, {}, null, partial));
    if (id !== current) return;
    if (!answer) {
      panel.replaceChildren(el("p", "kl-search__status", "Chưa có văn bản để tra cứu."));
      panel.hidden = false;
      return;
    }
    const { total, take } = answer;
    const data = (await take(BOX_RESULTS)).map((item) => item.data);
    if (id !== current) return;
    const status = total
      ? `${total} văn bản`
      : `Không tìm thấy văn bản nào cho “${query}”.`;
    const list = el("ol", "kl-results");
    data.forEach((d) => list.append(resultItem(d, query)));
    panel.replaceChildren(el("p", "kl-search__status", status), list);
    if (query !== typed) {
      list.before(el("p", "kl-search__searched", `Đang tìm: ${query}`));
      // The reading never hides what was typed: the search page searches it as typed.
      const asIs = el("a", "kl-search__asis", `Tìm đúng như đã gõ: ${typed}`);
      asIs.href = searchUrl(root.dataset.page, typed, {}, "", true).href;
      panel.append(asIs);
    }
    if (total) {
      const more = el("a", "kl-search__more", "Xem tất cả kết quả và lọc");
      more.href = searchUrl(root.dataset.page, typed).href;
      panel.append(more);
    }
    panel.hidden = false;
    panel.dataset.query = query; // which query the panel shows (tests wait on it)
  };
  const links = () => (panel.hidden ? [] : [...panel.querySelectorAll("a")]);
  input.addEventListener("input", debounce(run, DEBOUNCE_MS));
  root.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    let next = null;
    if (event.key === "Escape" && !panel.hidden) {
      close();
      next = input;
    } else if (event.key === "ArrowDown" && all.length) {
      next = all[Math.min(at + 1, all.length - 1)];
    } else if (event.key === "ArrowUp" && at >= 0) {
      next = at === 0 ? input : all[at - 1];
    } else if ((event.key === "Home" || event.key === "End") && at >= 0) {
      next = all[event.key === "Home" ? 0 : all.length - 1];
    } else if (at >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
      input.focus(); // typing on a result goes on with the query (the key reaches the input)
      return;
    }
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
  document.addEventListener("click", (event) => {
    if (!root.contains(event.target)) close();
  });
  root.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) close();
  });
}

// "Điện Biên (12)": filter values in the order readers look for them, years newest first.
function sortedValues(name, values) {
  if (name === "nam") return values.sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
  return values.sort((a, b) => a.localeCompare(b, "vi"));
}

// The search page: the query, filters and order live in the URL. A search the reader
// commits (submit, a filter, the order, or a pause in typing) is a history entry; typing
// replaces the entry until the reader pauses; Back restores the query, filters, order
// and results. Results come in pages of PAGE_RESULTS; the filter values show how many
// results each would give.
function setupPage(root, box) {
  const form = root.querySelector("form");
  const input = root.querySelector(".kl-search-page__input");
  const sort = root.querySelector(".kl-sort__select");
  const status = root.querySelector(".kl-search-page__status");
  const understood = root.querySelector(".kl-search-page__searched");
  const reading = understood.querySelector(".kl-search-page__reading");
  const asIs = understood.querySelector(".kl-search-page__asis");
  const list = root.querySelector(".kl-results");
  const more = root.querySelector(".kl-results__more");
  const details = root.querySelector(".kl-filters");
  const selects = new Map();
  let wanted = new URLSearchParams(window.location.search);
  let totals = {};
  let take = async () => [];
  let total = 0;
  let shown = 0;
  let current = 0;
  let typing = false; // the current history entry holds a search still being typed
  let wholeText = null; // a number query the reader asked to search in the full text
  let verbatim = null; // the query the reader asked to search exactly as typed
  const fullText = root.querySelector(".kl-results__fulltext");
  const cited = root.querySelector(".kl-results__cited");
  let pause = null;
  let last = { query: "", filters: {} }; // the search shown
  let asked = { typed: "", raw: false }; // the query asked for last, and how it is read

  const chosen = () => {
    const filters = {};
    for (const [name] of FILTERS) {
      const value = selects.has(name) ? selects.get(name).value : wanted.get(name);
      if (value) filters[name] = value;
    }
    return filters;
  };
  // Select ``value`` (a value no document has any more included: it stays chosen).
  const choose = (select, value) => {
    if (value && ![...select.options].some((option) => option.value === value)) {
      select.append(new Option(`${value} (0)`, value));
    }
    select.value = value;
  };

  // Filter values come from the word index's filter files: loaded only when the reader
  // opens the filters (or arrives with filters in the URL), not for every query.
  let filtersLoaded = null;
  const words = wordIndex(box, siteBase(box)); // null: no document to search
  const loadedFilters = new Set(); // the filters whose values are loaded
  let later = new Set(); // the filters loaded when opened
  // ``counted``: the values and counts loaded before the selects show (the reader opened
  // the filters), else after the results (a link's filters).
  const buildFilters = (counted = false) => {
    filtersLoaded ??= (async () => {
      // A filter the build did not list as eager (of many values, the agencies tasks are
      // given to; or beyond the bytes the filters load with: ketluan.site.words.eager)
      // loads its list when the reader opens it, or when the URL chooses one of its values.
      const { values, eager } = await filterSizes(words);
      for (const name of FILTER_NAMES) {
        if (values[name] && (eager.includes(name) || wanted.get(name))) {
          loadedFilters.add(name);
        }
      }
      later = new Set(FILTER_NAMES.filter((name) => values[name] && !loadedFilters.has(name)));
      if (counted) await loadTotals();
      const holder = details.querySelector(".kl-filters__list");
      for (const [name, label] of FILTERS) {
        const empty = !values[name] && !wanted.get(name);
        if (empty && !later.has(name)) continue;
        const wrap = el("label", "kl-filter");
        wrap.append(el("span", "kl-filter__label", label));
        const select = el("select", "kl-filter__select");
        select.name = name;
        select.addEventListener("change", () => run("commit"));
        if (later.has(name)) {
          const load = async () => {
            if (loadedFilters.has(name)) return;
            loadedFilters.add(name);
            Object.assign(totals, await filterTotals(words, [name]));
            await recount();
          };
          select.addEventListener("focus", load, { once: true });
          select.addEventListener("pointerdown", load, { once: true });
        }
        wrap.append(select);
        holder.append(wrap);
        selects.set(name, select);
      }
      showCounts(totals, Object.fromEntries(FILTERS.map(([name]) => [name, wanted.get(name)])));
    })();
    return filtersLoaded;
  };
  // The values of the loaded filters and their documents (the word index's, once; the
  // selects exist before: a link's filters show before its results, counted after them).
  let counting = null;
  const loadTotals = () => {
    counting ??= filterTotals(words, [...loadedFilters]).then((found) => {
      Object.assign(totals, found);
    });
    return counting;
  };

  // Each select's values with their counts (``counts``: name -> value -> results); a
  // value without results can be chosen only if it is the current one.
  const showCounts = (counts, filters) => {
    for (const [name, select] of selects) {
      const value = filters[name] || "";
      const here = counts[name] || {};
      const values = new Set([...Object.keys(totals[name] || {}), ...Object.keys(here)]);
      if (value) values.add(value);
      const options = [new Option("Tất cả", "")];
      const counted = counting !== null; // not yet: the values without their counts
      for (const each of sortedValues(name, [...values])) {
        const count = here[each] || 0;
        const option = new Option(counted ? `${each} (${count})` : each, each);
        option.disabled = counted && count === 0 && each !== value;
        options.push(option);
      }
      select.replaceChildren(...options);
      select.value = value;
    }
  };

  // The URL of a search: the query, filters, order and whether it is searched as typed.
  const address = (query, filters, order, raw) =>
    searchUrl(window.location.href, query, filters, order, raw);

  // The URL of the search shown; ``how``: "restore" (arrival, Back: the entry is already
  // there), "type" (typing settled: one entry for the whole burst of typing), "commit".
  const record = (how, query, filters, order, raw) => {
    const url = address(query, filters, order, raw);
    const same = url.href === window.location.href;
    if (how === "restore" || same || (how === "type" && typing)) {
      window.history.replaceState({ klSearch: true }, "", url);
    } else {
      window.history.pushState({ klSearch: true }, "", url);
    }
    clearTimeout(pause);
    typing = how === "type";
    if (typing) pause = setTimeout(() => (typing = false), PAUSE_MS);
  };

  const showMore = async () => {
    const id = current;
    const items = await take(shown + PAGE_RESULTS);
    if (id !== current) return;
    items.slice(shown).forEach((item) => list.append(resultItem(item.data, last.query)));
    shown = items.length;
    more.hidden = shown >= total;
  };

  const run = async (how) => {
    const query = normaliseQuery(input.value);
    const read = readQuery(query);
    // Searched as typed: the reader asked for it for this very query (editing it ends it).
    const raw = verbatim !== null && verbatim === query;
    if (!raw) verbatim = null;
    const searched = raw ? query : read.text;
    understood.hidden = read.text === query;
    reading.textContent = raw ? `Đang tìm đúng như đã gõ: ${query}` : `Đang tìm: ${searched}`;
    asIs.textContent = raw ? `Tìm theo cách đọc: ${read.text}` : `Tìm đúng như đã gõ: ${query}`;
    const order = DIRECTIONS[sort.value] ? sort.value : "";
    asIs.href = address(query, chosen(), order, !raw).href; // the other way, linkable
    asked = { typed: query, raw };
    fullText.hidden = true;
    cited.hidden = true;
    const id = ++current;
    const number = raw || wholeText === searched ? null : read.number;
    const direct =
      (await byNumber(box, number, chosen(), sort.value)) ||
      (await byWords(box, searched, chosen(), DIRECTIONS[order] || null));
    // Nothing asked: nothing to load (the filters, if open, show their totals).
    const idle = !query && !Object.keys(chosen()).length;
    if (id !== current) return;
    if (!direct && !idle) {
      status.textContent = "Chưa có văn bản để tra cứu.";
      return;
    }
    // Filters in the URL open the filters (their values and counts load after the results).
    if (words && !selects.size && FILTERS.some(([name]) => wanted.get(name))) {
      details.open = true;
      await buildFilters();
      if (id !== current) return;
    }
    const filters = chosen();
    record(how, query, filters, order, raw);
    last = { query: searched, filters };
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Nhập từ khóa (có dấu hoặc không dấu), số ký hiệu hoặc địa bàn.";
      if (selects.size) await loadTotals();
      if (selects.size && id === current) showCounts(totals, filters);
      return;
    }
    const answer = direct;
    const items = await answer.take(PAGE_RESULTS);
    if (id !== current) return;
    ({ take, total } = answer);
    shown = items.length;
    // Everything at once: the old results stay until the new ones are ready.
    list.replaceChildren(...items.map((item) => resultItem(item.data, searched)));
    performance.mark("kl-results"); // results shown (benchmarks/queries.py counts what came before)
    more.hidden = shown >= total;
    status.textContent = total
      ? `Tìm thấy ${total} văn bản${searched ? ` cho “${searched}”` : ""}.`
      : `Không tìm thấy văn bản nào${searched ? ` cho “${searched}”` : ""}.`;
    if (answer.dropped?.length) {
      // A long passage: its most common words were left out of the match (ketluan-words.js).
      const typed = new Map(searched.split(/[^\p{L}\p{N}]+/u).map((word) => [fold(word), word]));
      const words = answer.dropped.map((word) => typed.get(word) || word);
      status.textContent += ` Không xét ${words.length} từ quá phổ biến: ${words.join(", ")}.`;
    }
    if (answer.byNumber) {
      // The document of that number and who cites it, from the number lookup: the full
      // text is one click away.
      status.textContent = `Tìm thấy ${total} văn bản cho số ${searched}: văn bản mang số này, rồi các văn bản trích dẫn.`;
      fullText.textContent = `Tìm “${searched}” trong toàn văn`;
      fullText.hidden = false;
      const pages = answer.cited.map((item) => {
        const link = el("a", "kl-results__cited-page", `${item.count} văn bản trích dẫn`);
        link.href = siteBase(box) + (item.page || item.url); // no page: it is the url
        return [`${item.type} số ${item.number}: `, link];
      });
      cited.replaceChildren(...pages.flatMap((parts, i) => (i ? ["; ", ...parts] : parts)));
      cited.hidden = !pages.length;
    }
    if (selects.size) {
      await loadTotals();
      const query = answer.byNumber ? null : searched;
      const counts = await filterCounts(words, query, filters, [...loadedFilters]);
      if (id !== current) return;
      showCounts(counts, filters);
      details.dataset.counted = searched; // the query the counts are of (benchmarks wait on it)
    }
  };

  // The counts of the search shown, when the filters open after it (its results stay).
  const recount = async () => {
    const id = current;
    const { query, filters } = last;
    const counts = await filterCounts(words, query || null, filters, [...loadedFilters]);
    if (id === current) showCounts(counts, filters);
  };

  const typed = debounce(() => run("type"), DEBOUNCE_MS);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    typed.cancel();
    run("commit");
  });
  input.addEventListener("input", typed);
  sort.addEventListener("change", () => run("commit"));
  more.addEventListener("click", showMore);
  fullText.addEventListener("click", () => {
    wholeText = last.query;
    run("commit");
  });
  // "Tìm đúng như đã gõ" (or back to the reading): a history entry of its own, so Back
  // returns to the reading; a click that opens a new tab follows the link's own URL.
  asIs.addEventListener("click", (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    typed.cancel();
    verbatim = asked.raw ? null : asked.typed;
    input.value = asked.typed;
    run("commit");
  });
  details.addEventListener("toggle", async () => {
    // Opened by the reader (a search opening it for filters in the URL builds them itself).
    if (!details.open || filtersLoaded || !words) return;
    await buildFilters(true);
    await recount();
  });
  const restore = () => {
    wanted = new URLSearchParams(window.location.search);
    input.value = wanted.get("q") || "";
    verbatim = wanted.get(VERBATIM_PARAM) === "1" ? normaliseQuery(input.value) : null;
    sort.value = DIRECTIONS[wanted.get(SORT_PARAM)] ? wanted.get(SORT_PARAM) : "";
    for (const [name, select] of selects) choose(select, wanted.get(name) || "");
    typed.cancel();
    run("restore");
  };
  window.addEventListener("popstate", restore);
  restore();
}

// "/" puts the cursor in the search box (the page's own on /tra-cuu/), unless the reader
// is typing in a field. Material binds it only with its own search, which is off.
function slashFocuses(field) {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.isContentEditable || target.closest?.("input, textarea, select")) return;
    if (!field.getClientRects().length) return; // hidden (the header box on a phone)
    event.preventDefault();
    field.focus();
    field.select();
  });
}

const box = document.querySelector('[data-kl-search="box"]');
if (box) {
  setupBox(box);
  const page = document.querySelector('[data-kl-search="page"]');
  if (page) setupPage(page, box);
  slashFocuses(
    (page || box).querySelector(page ? ".kl-search-page__input" : ".kl-search__input"),
  );
}
