/*
 * teikit edition search: Pagefind's index (pagefind/, written by `teikit build`), one page
 * per paragraph. Results show the text, the section, a snippet and a link to the paragraph;
 * the two menus filter by text and by the kind of names a paragraph holds.
 * Pagefind loads its index with fetch(), so the site must be served over HTTP
 * (`teikit serve`); from file:// the page says so.
 */
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const input = document.getElementById("search-input");
const form = input.form;
const menus = Array.from(form.querySelectorAll("select[data-filter]"));

function say(message) {
  status.textContent = message;
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) { node.className = className; }
  if (text) { node.textContent = text; }
  return node;
}

// Pagefind marks the matched words with <mark> in an otherwise escaped excerpt: rebuild it
// as text and <mark> nodes, never as markup.
function excerpt(html) {
  const container = element("p", "search-snippet");
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  const scratch = document.createElement("textarea");
  for (const part of parts) {
    if (part === "<mark>") { marked = true; continue; }
    if (part === "</mark>") { marked = false; continue; }
    scratch.innerHTML = part;
    const text = document.createTextNode(scratch.value);
    if (marked) {
      const mark = element("mark");
      mark.appendChild(text);
      container.appendChild(mark);
    } else {
      container.appendChild(text);
    }
  }
  return container;
}

async function main() {
  if (location.protocol === "file:") {
    say("Search needs the site served over HTTP: run `teikit serve` and open the address it prints.");
    return;
  }
  let pagefind;
  try {
    pagefind = await import("../pagefind/pagefind.js");
    await pagefind.init();
  } catch (error) {
    say("The search index could not be loaded (" + error + ").");
    return;
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const menu of menus) { menu.value = params.get(menu.name) || ""; }

  async function run() {
    const query = input.value.trim();
    const filters = {};
    for (const menu of menus) {
      if (menu.value) { filters[menu.dataset.filter] = menu.value; }
    }
    list.replaceChildren();
    if (!query) {
      say("Type a word and press Search.");
      return;
    }
    say("Searching…");
    list.dataset.state = "searching";
    const search = await pagefind.search(query, { filters });
    const results = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
    for (const result of results) {
      // where the paragraph belongs is in its filters (Pagefind does not search those)
      const facts = (name) => (result.filters[name] || [""])[0];
      const item = element("li", "search-result");
      const link = element("a", "search-link");
      link.href = facts("href");
      link.appendChild(element("span", "search-text", facts("text")));
      if (facts("section")) {
        link.appendChild(document.createTextNode(" — "));
        link.appendChild(element("span", "search-section", facts("section")));
      }
      if (facts("paragraph")) {
        link.appendChild(document.createTextNode(", "));
        link.appendChild(element("span", "search-para", "¶ " + facts("paragraph")));
      }
      item.appendChild(link);
      item.appendChild(excerpt(result.excerpt || ""));
      list.appendChild(item);
    }
    const total = search.results.length;
    say(total === 0 ? "No paragraph matches."
      : total === 1 ? "1 paragraph matches."
      : total + " paragraphs match" + (total > 50 ? "; the first 50 are shown." : "."));
    list.dataset.state = "done";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    for (const menu of menus) {
      if (menu.value) { url.searchParams.set(menu.name, menu.value); } else { url.searchParams.delete(menu.name); }
    }
    history.replaceState(null, "", url);
    run();
  });
  for (const menu of menus) { menu.addEventListener("change", run); }
  say("Type a word and press Search.");
  if (input.value) { run(); }
}

main();
