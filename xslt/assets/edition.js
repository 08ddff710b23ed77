/*
 * teikit reading edition: register popovers.
 *
 * Every highlighted name is a link to its entry in the indices (that is how the page works
 * without JavaScript). With JavaScript, a click (or Enter on the focused name) opens a popover
 * with the same entry: full name, dates, note, authority links and "n mentions in this text".
 * Escape, the close button or a click elsewhere closes it and focus returns to the name;
 * tabbing past the popover's last link also returns to the name.
 */
(function () {
  "use strict";

  var popover = null;
  var opener = null;

  function close(returnFocus) {
    if (!popover) { return; }
    popover.remove();
    popover = null;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (returnFocus) { opener.focus(); }
    }
    opener = null;
  }

  function place(box, link) {
    var rect = link.getBoundingClientRect();
    var width = box.offsetWidth;
    var viewport = document.documentElement.clientWidth;
    var left = Math.min(rect.left, viewport - width - 8);
    box.style.left = Math.max(8, left) + window.scrollX + "px";
    box.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  function open(link) {
    var id = link.getAttribute("data-entry");
    var entry = document.getElementById("reg-" + id);
    var card = entry && entry.querySelector(".reg-card");
    if (!card) { return false; }
    close(false);

    var box = document.createElement("div");
    box.className = "popover entry-" + id;
    box.id = "register-popover";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", "register-popover-title");
    box.tabIndex = -1;

    var content = card.cloneNode(true);
    var name = content.querySelector(".reg-name");
    if (name) { name.id = "register-popover-title"; }
    box.appendChild(content);

    var mentions = document.createElement("p");
    mentions.className = "popover-mentions";
    var toIndex = document.createElement("a");
    toIndex.href = "#reg-" + id;
    var count = entry.querySelector(".reg-count");
    toIndex.textContent = count ? count.textContent : "Index entry";
    mentions.appendChild(toIndex);
    var edition = entry.querySelector(".reg-edition");
    if (edition) {
      var toEdition = edition.cloneNode(true);
      var counts = window.teikitMentions && window.teikitMentions[id];
      if (counts) {
        toEdition.textContent = (counts[0] === 1 ? "the only mention" : "all " + counts[0] + " mentions")
          + " in " + (counts[1] === 1 ? "1 text" : counts[1] + " texts");
      }
      mentions.appendChild(document.createTextNode(" · "));
      mentions.appendChild(toEdition);
    }
    box.appendChild(mentions);

    var button = document.createElement("button");
    button.type = "button";
    button.className = "popover-close";
    button.setAttribute("aria-label", "Close");
    button.textContent = "\u00d7";
    box.appendChild(button);

    document.body.appendChild(box);
    place(box, link);
    popover = box;
    opener = link;
    link.setAttribute("aria-expanded", "true");
    box.focus({ preventScroll: true });
    return true;
  }

  // In an edition, the counts of mentions across all texts come from one edition-wide script.
  if (document.querySelector(".reg-edition")) {
    var counts = document.createElement("script");
    counts.src = "edition-mentions.js";
    document.head.appendChild(counts);
  }

  // Only with JavaScript do the names open a popover; say so to assistive technology.
  Array.prototype.forEach.call(document.querySelectorAll("a.ent[data-entry]"), function (link) {
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
  });

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) { return; }
    if (popover && popover.contains(target)) {
      if (target.closest(".popover-close")) { close(true); }
      else if (target.closest("a")) { close(false); }
      return;
    }
    var link = target.closest("a.ent[data-entry]");
    if (link) {
      if (open(link)) { event.preventDefault(); }
      return;
    }
    close(false);
  });

  document.addEventListener("keydown", function (event) {
    if (!popover) {
      // Escape hides the explanation of a focused date, omission or repair (WCAG 1.4.13).
      var active = document.activeElement;
      if (event.key === "Escape" && active && active.querySelector && active.querySelector(".tip")) {
        active.classList.add("tip-dismissed");
        active.addEventListener("blur", function () { active.classList.remove("tip-dismissed"); },
                                { once: true });
      }
      return;
    }
    if (event.key === "Escape") { close(true); return; }
    if (event.key !== "Tab") { return; }
    // Keep the reading order: tabbing out of the popover goes back to the name it belongs to,
    // and the next Tab continues in the text from there.
    var focusable = popover.querySelectorAll("a[href], button");
    var last = focusable[focusable.length - 1];
    var leaving = event.shiftKey ? document.activeElement === popover
                                 : document.activeElement === last;
    if (leaving) {
      event.preventDefault();
      close(true);
    }
  });

  window.addEventListener("resize", function () {
    if (popover && opener) { place(popover, opener); }
  });
})();
