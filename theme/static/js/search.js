// Site search over Pagefind's JS API, served from this site (no third-party requests).
// The index holds, beside each page's text, the folded spellings of its Arabic words
// (plugins/news_digest/search.py), so the query is folded the same ways before Pagefind sees
// it: أفغانستان and افغانستان find the same articles. Keep fold() and foldHamza() in step with
// fold() and fold_hamza() there (tests/test_output_checks.py runs both on the same words).

const MAX_RESULTS = 30;
const DEBOUNCE_MS = 250;

// Alef forms and marks only: the form Pagefind's Arabic stemmer handles best (search.py).
export function foldHamza(text) {
  return text
    .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627") // أ إ آ ٱ → ا
    .replace(/[\u064B-\u0652\u0640]/g, ""); // tashkeel and tatweel
}

export function fold(text) {
  return foldHamza(text)
    .replace(/\u0649/g, "\u064A") // ى → ي
    .replace(/\u0629/g, "\u0647"); // ة → ه
}

// Both folded forms of the query, each free of hamza and marks, so a query with or without
// them asks Pagefind exactly the same questions.
function queryForms(query) {
  return [...new Set([foldHamza(query), fold(query)])];
}

// One answer from several searches: each page once, at its best score.
async function searchAll(api, forms) {
  const best = new Map();
  for (const form of forms) {
    const answer = await api.search(form);
    for (const result of answer.results) {
      const known = best.get(result.id);
      if (!known || result.score > known.score) best.set(result.id, result);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

function terms(query) {
  return fold(query.toLowerCase()).split(/\s+/).filter((t) => t.length > 1);
}

// The description as text nodes, words matching a query term wrapped in <mark>. Built with
// DOM nodes, never innerHTML: page text is data.
function highlighted(text, queryTerms) {
  const fragment = document.createDocumentFragment();
  for (const piece of text.split(/(\s+)/)) {
    const folded = fold(piece.toLowerCase());
    if (piece.trim() && queryTerms.some((t) => folded.includes(t))) {
      const mark = document.createElement("mark");
      mark.textContent = piece;
      fragment.append(mark);
    } else {
      fragment.append(piece);
    }
  }
  return fragment;
}

function resultItem(data, siteurl, queryTerms) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = `${siteurl}/${data.url.replace(/^\/+/, "")}`;
  link.textContent = data.meta.title || data.url;
  link.dir = "auto";
  const heading = document.createElement("h2");
  heading.append(link);
  item.append(heading);
  if (data.meta.description) {
    const summary = document.createElement("p");
    summary.dir = "auto";
    summary.append(highlighted(data.meta.description, queryTerms));
    item.append(summary);
  }
  return item;
}

function setup(form) {
  const input = form.querySelector("input[type=search]");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const { siteurl, loading, found, none, error } = form.dataset;
  let pagefind = null;
  let latest = 0;

  async function load() {
    if (!pagefind) {
      pagefind = await import(form.dataset.pagefind);
      // Result URLs are site-relative; SITEURL (which holds any project-site prefix) is put
      // in front by resultItem. Pagefind would otherwise prefix its own folder's parent too.
      await pagefind.options({ baseUrl: "/" });
      // The index is split into shards (output/pagefind/<n>/); shard 0 is the one imported,
      // the others listed in shards.json are merged into it.
      const root = new URL("../", new URL(form.dataset.pagefind, window.location.href));
      const listing = await fetch(new URL("shards.json", root));
      const { shards } = listing.ok ? await listing.json() : { shards: [] };
      for (const name of shards.filter((n) => n !== "0")) {
        await pagefind.mergeIndex(new URL(`${name}/`, root).pathname, { baseUrl: "/" });
      }
      await pagefind.init();
    }
    return pagefind;
  }

  async function run(query) {
    const ticket = ++latest; // answers to older queries arrive late: show only the newest
    const queryTerms = terms(query);
    if (!queryTerms.length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = loading;
    try {
      const api = await load();
      const results = await searchAll(api, queryForms(query.trim()));
      const records = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...records.map((d) => resultItem(d, siteurl, queryTerms)));
      status.textContent = records.length ? found.replace("{n}", results.length) : none;
    } catch (problem) {
      console.error(problem);
      status.textContent = error;
    }
    list.dataset.query = query; // lets tests (and styles) know which query is on screen
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    run(input.value);
  });
  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}

// Outside a browser (the tests import fold() in Node) there is no document.
const searchForm = globalThis.document?.getElementById("search-form");
if (searchForm) setup(searchForm);
