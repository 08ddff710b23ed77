// Render a TEI file with CETEIcean (from npm) in jsdom, as a browser would, and report what a
// reader sees: the visible text in order, the links, and where the register stands.
//   node tests/interop/ceteicean.mjs FILE.xml [BEHAVIORS.json]
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const [teiPath, behaviorsPath] = process.argv.slice(2);
const dom = new JSDOM("<!DOCTYPE html><html><head></head><body></body></html>",
                      { url: "http://localhost/edition/page.html" });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Node = dom.window.Node;
globalThis.CustomEvent = dom.window.CustomEvent;
globalThis.Event = dom.window.Event;
globalThis.HTMLElement = dom.window.HTMLElement;
globalThis.customElements = dom.window.customElements;
const { default: CETEI } = await import("CETEIcean");

const cetei = new CETEI({ documentObject: dom.window.document, ignoreFragmentId: true });
if (behaviorsPath) {
  cetei.addBehaviors(JSON.parse(readFileSync(behaviorsPath, "utf8")));
}
const html = await cetei.makeHTML5(readFileSync(teiPath, "utf8"));
document.body.appendChild(html);

// what is hidden (the header) is not read; a behaviour's inserted content stands in for the
// element it decorates (CETEIcean hides the original)
const hidden = (el) => el.closest("[hidden], tei-teiheader") !== null;
const visibleText = (root) => {
  let text = "";
  if (!root) return text;
  const walker = document.createTreeWalker(root, dom.window.NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!hidden(node.parentElement)) text += node.data;
  }
  return text;
};
const text = visibleText(document.body);
const bodyText = visibleText(document.querySelector("tei-text"));
const standOff = document.querySelector("tei-standoff");
const textEl = document.querySelector("tei-text");
const links = [...document.querySelectorAll("a[href]")].filter((a) => !hidden(a))
  .map((a) => ({ href: a.getAttribute("href"), text: a.textContent,
                 in: a.parentElement.closest("[data-origname]")?.getAttribute("data-origname") }));
const ids = new Set([...document.querySelectorAll("[id]")].map((e) => e.id));
process.stdout.write(JSON.stringify({
  text, bodyText, links,
  unresolved: links.filter((l) => l.href.startsWith("#") && !ids.has(l.href.slice(1))).length,
  registerAfterText: standOff && textEl
    ? Boolean(textEl.compareDocumentPosition(standOff) & dom.window.Node.DOCUMENT_POSITION_FOLLOWING)
    : null,
}));
