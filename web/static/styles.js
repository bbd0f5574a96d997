// Layout values computed on the server (a card's column, a phase's width) travel as
// `data-style="prop: value; …"` and are set here through the CSSOM: the pages' strict
// Content-Security-Policy allows no inline style attributes.
(function () {
  "use strict";
  function apply(root) {
    if (!root || !root.querySelectorAll) return;
    const found = Array.from(root.querySelectorAll("[data-style]"));
    if (root.matches && root.matches("[data-style]")) found.push(root);
    for (const el of found) {
      for (const declaration of el.dataset.style.split(";")) {
        const at = declaration.indexOf(":");
        if (at > 0) el.style.setProperty(declaration.slice(0, at).trim(), declaration.slice(at + 1).trim());
      }
    }
  }
  document.addEventListener("DOMContentLoaded", () => apply(document));
  document.addEventListener("htmx:load", (evt) => apply(evt.target));
})();
