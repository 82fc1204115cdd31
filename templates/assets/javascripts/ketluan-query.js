// What a person typed -> the query the engine searches. The one owner of query text rules
// in the browser: Unicode form and tone placement (normaliseQuery), folding (fold), Telex
// and VNI typed with the input method off ("thoong baos" -> "thông báo"), and document
// numbers typed loosely ("so 832 tb tu" -> "832-TB/TU", with a key to compare numbers).
// ketluan-search-engine.js imports it (and re-exports fold and normaliseQuery).

// Same rule as ketluan.text.new_tone_placement: oa, oe, uy open syllables carry the tone
// on the first vowel ("hoà" -> "hòa", "thuỷ" -> "thủy").
const TONES = "\u0300\u0301\u0303\u0309\u0323";
const END = "(?![\\p{L}\\p{M}\\p{N}_])"; // no letter or mark after: not "hoặc"
const OLD_TONE = new RegExp(
  `(?<![qQ])([oO])([aAeE])([${TONES}])${END}|(?<![qQ])([uU])([yY])([${TONES}])${END}`,
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

// ---- Vietnamese syllables: initial consonant + vowel nucleus + final consonant ----

const INITIALS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split(" ");
// Each nucleus and the finals it takes ("_": it may end the syllable). "oo" (xoong, boong)
// is left out on purpose: typed without accents it is Telex for ô ("thoong" -> "thông").
const NUCLEI = {
  a: "_ c ch m n ng nh p t",
  ă: "c m n ng p t",
  â: "c m n ng p t",
  e: "_ c m n ng p t",
  ê: "_ ch m n nh p t",
  i: "_ ch m n nh p t",
  o: "_ c m n ng p t",
  ô: "_ c m n ng p t",
  ơ: "_ m n p t",
  u: "_ c m n ng p t",
  ư: "_ c m n ng t",
  y: "_",
  iê: "c m n ng p t",
  yê: "c m n ng p t",
  uô: "c m n ng t",
  ươ: "c m n ng p t",
  oa: "_ c ch m n ng nh p t",
  oă: "c m n ng t",
  oe: "_ n t",
  uâ: "n ng t",
  uê: "_ ch nh",
  uy: "_ ch n nh t",
  uyê: "n t",
};
const OPEN_ONLY =
  "ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa uơ iêu yêu oai oay oao oeo uây uôi ươi" +
  " ươu uya uyu";
for (const open of OPEN_ONLY.split(" ")) NUCLEI[open] = "_";
const RHYMES = new Set(
  Object.entries(NUCLEI).flatMap(([nucleus, finals]) =>
    finals.split(" ").map((final) => nucleus + (final === "_" ? "" : final)),
  ),
);
const FOLDED_RHYMES = new Set([...RHYMES].map(fold));
const VOWELS = "aăâeêioôơuưy";
const FRONT = /^[eêiy]/; // c/k, g/gh, ng/ngh spell the same sound before these

function spelledRight(initial, rhyme) {
  const front = FRONT.test(rhyme);
  if (initial === "k") return front || rhyme[0] === "a"; // Bắc Kạn
  if (initial === "c") return !front;
  if (initial === "gh" || initial === "ngh") return front && rhyme[0] !== "y";
  if (initial === "g") return !/^[eê]/.test(rhyme);
  if (initial === "ng") return !/^[eêi]/.test(rhyme);
  if (initial === "qu") return !/^[uư]/.test(rhyme);
  if (initial === "gi") return rhyme[0] !== "i";
  return true;
}

// Is ``word`` (lowercase, NFC) one Vietnamese syllable? ``folded``: compared without
// diacritics, so "tien" and "dang" are syllables (tiên, đang); otherwise with them.
const TONE_MARK = new RegExp(`[${TONES}]`, "g");

export function isSyllable(word, folded = false) {
  const plain = word.normalize("NFD").replace(TONE_MARK, "").normalize("NFC");
  const rhymes = folded ? FOLDED_RHYMES : RHYMES;
  return INITIALS.concat("").some(
    (initial) =>
      plain.startsWith(initial) &&
      rhymes.has(plain.slice(initial.length)) &&
      spelledRight(initial, plain.slice(initial.length)),
  );
}

// Initial consonants of a syllable spelt without diacritics (qu and gi before a vowel
// included: their u and i belong to the consonant), then the rest.
function splitInitial(letters) {
  const m = /^(qu|gi(?=[aăâeêoôơuưy])|[^aăâeêioôơuưyw]*)(.*)$/u.exec(letters);
  return [m[1], m[2]];
}

// The tone goes on the vowel with a diacritic (the last: ươ -> ơ); else, before a final
// consonant, on the last vowel; else on the middle of three vowels or the first of two
// (hòa, thủy, ngoài): the placement ketluan.text keeps.
function placeTone(initial, rhyme, tone) {
  if (!tone) return initial + rhyme;
  const nucleus = /^[aăâeêioôơuưy]*/u.exec(rhyme)[0];
  let at = Math.max(...[..."ăâêôơư"].map((v) => nucleus.lastIndexOf(v)));
  if (at < 0) {
    if (nucleus.length < rhyme.length) at = nucleus.length - 1;
    else at = nucleus.length === 3 ? 1 : 0;
  }
  const toned = (rhyme.slice(0, at + 1) + tone).normalize("NFC") + rhyme.slice(at + 1);
  return initial + toned;
}

const TELEX_TONES = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323", z: "" };
const CIRCUMFLEX = { a: "â", e: "ê", o: "ô" };

// The last run of vowels in ``letters`` (an array): [start, end).
function vowelRun(letters) {
  let end = letters.length;
  while (end > 0 && !VOWELS.includes(letters[end - 1])) end -= 1;
  let start = end;
  while (start > 0 && VOWELS.includes(letters[start - 1])) start -= 1;
  return [start, end];
}

// Telex w, VNI 7 (horn) or VNI 8 (breve) on the last run of vowels of ``letters`` (an
// array, changed in place): uo -> ươ; w: oa -> oă, ua -> ưa, a -> ă, o -> ơ, u -> ư;
// 7: o -> ơ, u -> ư; 8: a -> ă. False when no vowel takes it.
function horn(letters, key) {
  const [start, end] = vowelRun(letters);
  const run = letters.slice(start, end).join("");
  const rules = {
    w: [["uo", "ươ"], ["ưo", "ươ"], ["oa", "oă"], ["ua", "ưa"], ["a", "ă"], ["o", "ơ"]],
    7: [["uo", "ươ"], ["ưo", "ươ"], ["o", "ơ"]],
    8: [["a", "ă"]],
  }[key];
  if (key !== "8") rules.push(["u", "ư"]);
  for (const [from, to] of rules) {
    const at = run.indexOf(from);
    if (at >= 0) {
      letters.splice(start + at, from.length, ...to);
      return true;
    }
  }
  return false;
}

// One word typed in Telex (lowercase ASCII) -> the syllable, or null when it is none.
export function fromTelex(word) {
  if (!/^[a-z]+$/.test(word)) return null;
  let rest = word;
  let prefix = "";
  if (rest.startsWith("dd")) {
    prefix = "đ";
    rest = rest.slice(2);
  }
  const [initial, tail] = splitInitial(rest);
  if (/[wfjz]/.test(initial)) return null;
  const letters = [];
  let tone = null;
  let last = "";
  for (const c of tail) {
    if (c in TELEX_TONES) {
      if (!letters.some((l) => VOWELS.includes(l))) return null;
      // A tone key typed twice is the letter itself (as Telex input methods do: "pass",
      // "boss"), and no syllable ends in s, f, r, x, j or z.
      if (c === last) return null;
      tone = TELEX_TONES[c];
    } else if (c === "w") {
      if (!letters.some((l) => VOWELS.includes(l))) letters.push("ư");
      else if (!horn(letters, "w")) return null;
    } else if (c in CIRCUMFLEX && letters.length && letters.at(-1) === c) {
      letters[letters.length - 1] = CIRCUMFLEX[c];
    } else if (tone !== null && VOWELS.includes(c)) {
      // The tone key comes after the vowels it marks ("hoaf", not "hofa"): a vowel after
      // it is an English spelling ("rose", "sorry"), not a syllable typed in Telex.
      return null;
    } else {
      letters.push(c);
    }
    last = c;
  }
  const rhyme = letters.join("").replace("ưo", "ươ");
  // "thuowr": ươ needs a final consonant; without one it is uơ (thuở, huơ).
  const open = rhyme.replace("ươ", "uơ");
  return syllable(prefix + initial, rhyme, tone) ?? syllable(prefix + initial, open, tone);
}

const VNI_TONES = { 1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323" };

// One word typed in VNI (lowercase ASCII letters, then digits 1-9 anywhere after the first
// letter) -> the syllable, or null when it is none.
export function fromVni(word) {
  if (!/^[a-z][a-z1-9]*$/.test(word) || !/\d/.test(word)) return null;
  let [initial, tail] = splitInitial(word.replace(/\d/g, ""));
  const letters = [...tail];
  let tone = null;
  for (const key of word.replace(/\D/g, "")) {
    if (key in VNI_TONES) {
      tone = VNI_TONES[key];
    } else if (key === "9") {
      if (initial[0] !== "d") return null;
      initial = "đ" + initial.slice(1);
    } else if (key === "6") {
      const [start, end] = vowelRun(letters);
      const run = letters.slice(start, end);
      const at = Math.max(...["a", "e", "o"].map((v) => run.lastIndexOf(v)));
      if (at < 0) return null;
      letters[start + at] = CIRCUMFLEX[letters[start + at]];
    } else if (!horn(letters, key)) {
      return null;
    }
  }
  return syllable(initial, letters.join(""), tone);
}

function syllable(initial, rhyme, tone) {
  const word = initial + rhyme;
  if (!isSyllable(word)) return null;
  return placeTone(initial, rhyme, tone ?? "");
}

// A word as typed -> the word to search. Only plain ASCII words are read as Telex or
// VNI, and only when they are not already a syllable without accents ("so", "ban",
// "thuy" stay) and the reading is one; words in capitals are codes (TW, HU, QH15).
export function convertWord(word) {
  const m = /^([^\p{L}\p{N}]*)([A-Za-z][A-Za-z0-9]*)([^\p{L}\p{N}]*)$/u.exec(word);
  if (!m) return word;
  const [, before, core, after] = m;
  const letters = core.replace(/\d/g, "");
  if (letters.length > 1 && letters === letters.toUpperCase()) return word;
  const lower = core.toLowerCase();
  if (isSyllable(lower, true)) return word;
  const read = /\d/.test(lower) ? fromVni(lower) : fromTelex(lower);
  if (!read) return word;
  const cased = core[0] === core[0].toUpperCase() ? read[0].toUpperCase() + read.slice(1) : read;
  return before + cased + after;
}

// ---- Document numbers (số ký hiệu) typed loosely ----

// "số"/"so" (with a colon; "so" glued to digits is VNI: so61 is số), a number, a year for
// State numbers (after "/" or a space: "05 2019 nq hdnd"), then code groups joined by "-",
// "/" or spaces; which groups belong to the number is decided in readNumber.
const GROUP = "[A-Za-zĐđƯư&]{1,12}(?:1\\d)?";
const NUMBER_TYPED = new RegExp(
  `(?<![\\p{L}\\p{N}/.-])(?:([Ss][ốỐ]|[Ss][oO](?=[\\s:.]))\\s*[:.]?\\s*)?` +
    `(\\d{1,5}(?:\\.\\d{1,3})?)(?![\\p{N}])` +
    `(?:(\\s*/\\s*|\\s+)((?:19|20)\\d\\d)(?![\\p{N}]))?` +
    `((?:(?:\\s*[-/\\u2010\\u2011\\u2013]\\s*|\\s+)${GROUP}(?![\\p{L}\\p{N}]))*)`,
  "gu",
);
const PIECE = new RegExp(`(\\s*[-/\\u2010\\u2011\\u2013]\\s*|\\s+)(${GROUP})`, "gu");
// Party committees' codes end like these (TU, HU, ĐU, QU, TW, ĐUK...): a number with two
// groups and no year is written number-TYPE/COMMITTEE for them, number/TYPE-ISSUER else.
const PARTY_ISSUER = /(tw|tu|hu|du|qu|uk)$/;

function looksLikeCode(group) {
  const capitals = group.length > 1 && group === group.toUpperCase();
  return capitals || !isSyllable(group.toLowerCase(), true);
}

// The groups of ``rest`` that belong to the number. The first: typed after "-" or "/", or
// after "số", or in capitals, or no syllable ("tb", not "thuy"). The second, without a
// year: after "-" or "/", or in capitals, or short ("tu", "hu": not "tinh"); after a year:
// after "-", or a code after a space ("05 2019 nq hdnd", not "05/2019/nq ve"). More: only
// after "-" (State numbers: up to 3 groups, or 8 after a year). ``joined``: the first
// group was typed after "-" or "/".
function codeGroups(rest, said, year) {
  const groups = [];
  let length = 0;
  let joined = false;
  for (const [piece, sep, group] of rest.matchAll(PIECE)) {
    const mark = sep.trim();
    let ok;
    if (groups.length === 0) ok = mark !== "" || said || looksLikeCode(group);
    else if (groups.length === 1 && !year) ok = mark !== "" || looksLikeCode(group) || group.length <= 2;
    else if (groups.length === 1) ok = mark === "-" || (mark === "" && looksLikeCode(group));
    else ok = mark === "-" && groups.length < (year ? 8 : 3);
    if (!ok) break;
    if (!groups.length) joined = mark !== "";
    groups.push(group);
    length += piece.length;
  }
  return { groups, length, joined };
}

function canonical(number, year, groups, dash) {
  const codes = groups.map((g) => (g === g.toLowerCase() ? g.toUpperCase() : g));
  if (year) return `${number}/${year}/${codes.join("-")}`;
  if (codes.length === 1) return `${number}${dash ? "-" : "/"}${codes[0]}`;
  if (PARTY_ISSUER.test(fold(codes.at(-1)).replace(/tư$/, "tw")) && codes.length === 2) {
    return `${number}-${codes[0]}/${codes[1]}`;
  }
  return `${number}/${codes.join("-")}`;
}

// The comparison key of a canonical number: folded, leading zeros dropped ("05" = "5"),
// the committee TƯ spelt TW (as ketluan.core.symbols does).
function keyOf(text) {
  return fold(text.replace(/^0+(?=\d)/, "").replace(/TƯ$|tư$/, "TW"));
}

// One code group, no year ("15/TB", "15-TB", "số 15 tb": older or informal citations):
// a partial number, the leading number and the first group of the numbers it names
// ("15-TB/TU", "15/TB-UBND"); typed with a space only it is not one ("832 tb"). Its key
// is number/GROUP folded, compared by numberMatches.
function readNumber(match) {
  const [whole, said, number, yearSep, year, rest] = match;
  const { groups, length, joined } = codeGroups(rest, Boolean(said), year);
  const partial =
    !year && groups.length === 1 && (joined || said) && looksLikeCode(groups[0]);
  if (!groups.length || (!year && groups.length < 2 && !partial)) {
    if (!said) return null;
    // "số 832": the word số goes, the number stays (no code: no key). "số 05 2019": a
    // year after a space without a code is a number of its own, left as typed.
    const spaced = year && yearSep.trim() === "" ? yearSep.length + year.length : 0;
    const end = whole.length - rest.length - spaced;
    const text = whole.slice(said.length, end).replace(/^\s*[:.]?\s*/, "");
    return { start: match.index, end: match.index + end, text, key: null };
  }
  const dash = partial && /^\s*[-\u2010\u2011\u2013]/.test(rest);
  const text = canonical(number, year, groups, dash);
  const end = whole.length - rest.length + length;
  const key = keyOf(partial ? `${number}/${groups[0]}` : text);
  return { start: match.index, end: match.index + end, text, key };
}

// The number lookup file holding ``number`` (ketluan.site.numbers.bucket, same rule): its
// leading digits without leading zeros and the first letters after them, folded ("5-nq");
// null when it does not start with a digit.
export function numberBucket(number) {
  const found = /^\s*0*(\d+)/.exec(number);
  if (!found) return null;
  const code = /[a-z]+/.exec(fold(number.slice(found[0].length)));
  return (found[1] || "0") + (code ? `-${code[0]}` : "");
}

// The key of a document's own number (its metadata), to compare with readQuery's
// (numberMatches): the same for "832-TB/TU", "832/TB-TU" and "832 tb tu"; null when
// ``value`` holds no number. No Python pair: the build files numbers by bucket only.
export function numberKey(value) {
  const query = normaliseQuery(value || "");
  for (const match of query.matchAll(NUMBER_TYPED)) {
    const found = readNumber(match);
    if (found && found.key && found.start === 0 && found.end === query.length) return found.key;
  }
  return query ? fold(query) : null;
}

// Does the document numbered ``number`` (its metadata) answer readQuery's ``key``? The
// same number however written; a partial key ("15/tb", typed "15/TB") answers every
// number with that leading number and that first code group ("15-TB/TU", "15/TB-UBND",
// "15/2019/TB-UBND"), not "150-TB/TU" or "15-KL/TU". All of them are in the same lookup
// file (numberBucket: the leading number).
const PARTIAL_KEY = /^([\d.]+)\/([^\d/-][^/-]*)$/;
const LEADING_KEY = /^([\d.]+)(?:\/(?:19|20)\d\d)?[-/]([^/-]+)/;

export function numberMatches(key, number) {
  if (key === null || key === undefined) return false;
  const own = numberKey(number);
  if (own === null) return false;
  if (own === key) return true;
  const wanted = PARTIAL_KEY.exec(key);
  const found = wanted && LEADING_KEY.exec(own);
  return Boolean(found) && found[1] === wanted[1] && found[2] === wanted[2];
}

// What a person typed -> { text: the query to search, number: the key of the document
// number it names (numberKey of the document's number), or null }. Numbers become their
// canonical form ("Số: 832 tb/tu" -> "832-TB/TU"); other words are normalised (NFC, tone
// placement) and read as Telex or VNI when they are typed that way (convertWord).
export function readQuery(typed) {
  const query = normaliseQuery(typed);
  const parts = [];
  let number = null;
  let at = 0;
  for (const match of query.matchAll(NUMBER_TYPED)) {
    const found = readNumber(match);
    if (!found) continue;
    parts.push(...words(query.slice(at, found.start)), found.text);
    number ??= found.key;
    at = found.end;
  }
  parts.push(...words(query.slice(at)));
  return { text: parts.filter(Boolean).join(" "), number };
}

function words(text) {
  return text.split(" ").filter(Boolean).map(convertWord);
}
