// The canvas: drag and drop (SortableJS), keyboard moves, the wave line and
// link connectors, finding highlights and the activity editor. Every change is
// a POST through htmx; the server answers with the re-rendered canvas and, out
// of band, the critic panel and a status message.
(function () {
  "use strict";

  const workspace = () => document.querySelector(".workspace");
  const designId = () => workspace().dataset.design;
  const editUrl = (op) => `/designs/${designId()}/edit/${op}`;
  const version = () => document.getElementById("design-version").value;

  // 4xx answers carry a re-rendered canvas (the refused card goes back) or a
  // conflict message: swap them too, instead of htmx's default of ignoring them.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "(422|409)", swap: true, error: false },
    { code: "[45]..", swap: false, error: true },
  ];

  function post(op, values) {
    return htmx.ajax("POST", editUrl(op), {
      target: "#canvas",
      swap: "outerHTML",
      values: Object.assign({ version: version() }, values),
    });
  }

  // --- catalogue: filters and keyboard add ---------------------------------
  function applyFilters() {
    const q = document.getElementById("cat-search").value.trim().toLowerCase();
    const filters = [...document.querySelectorAll(".filters select")]
      .filter((s) => s.value)
      .map((s) => [s.dataset.filter, s.value]);
    let shown = 0;
    document.querySelectorAll("#catalogue-list .cat-item").forEach((item) => {
      const ok =
        (!q || item.dataset.search.includes(q)) &&
        filters.every(([key, value]) => item.dataset[key].split(" ").includes(value));
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    document.getElementById("catalogue-empty").hidden = shown > 0;
  }

  function addFromCatalogue(item) {
    const phase = document.getElementById("add-target").value;
    const modes = item.dataset.modes.split(" ");
    if (item.dataset.custom) {
      post("add-custom", { custom: item.dataset.custom, phase: phase, mode: modes[0] });
    } else {
      post("add", { activity: item.dataset.activity, phase: phase, mode: modes[0] });
    }
  }

  // --- drag and drop ---------------------------------------------------------
  const sortables = [];

  function laneIndex(el) {
    return [...el.parentNode.children].filter((c) => c.classList.contains("card") || c === el).indexOf(el);
  }

  const canEdit = () => workspace().dataset.canEdit === "true";

  function setupSortables() {
    sortables.splice(0).forEach((s) => s.destroy());
    if (!canEdit()) return;
    const common = {
      animation: 120,
      forceFallback: true, // deterministic with real mouse events (tests, touchpads)
      fallbackTolerance: 4,
      ghostClass: "drag-ghost",
      chosenClass: "drag-chosen",
    };
    sortables.push(
      Sortable.create(document.getElementById("catalogue-list"), Object.assign({}, common, {
        group: { name: "wave", pull: "clone", put: false },
        sort: false,
        filter: "[hidden]",
      }))
    );
    document.querySelectorAll(".lane").forEach((lane) => {
      sortables.push(
        Sortable.create(lane, Object.assign({}, common, {
          group: { name: "wave", pull: true, put: true },
          draggable: ".card, .cat-item",
          direction: "horizontal", // lanes are grids in time order; Sortable guesses wrong
          emptyInsertThreshold: 24,
          removeOnSpill: true,
          onAdd(evt) {
            const item = evt.item;
            if (item.classList.contains("cat-item")) {
              post(item.dataset.custom ? "add-custom" : "add", {
                activity: item.dataset.activity,
                custom: item.dataset.custom,
                phase: evt.to.dataset.phase,
                mode: evt.to.dataset.mode,
                index: laneIndex(item),
              });
            }
          },
          onEnd(evt) {
            const item = evt.item;
            if (!item.classList.contains("card")) return;
            if (evt.from === evt.to && evt.oldIndex === evt.newIndex) return;
            post("move", {
              placed: item.dataset.id,
              phase: evt.to.dataset.phase,
              mode: evt.to.dataset.mode,
              index: laneIndex(item),
            });
          },
          onSpill(evt) {
            post("remove", { placed: evt.item.dataset.id });
            // Sortable swallows the click that follows a drag; after a spill that click
            // never comes, so it would eat the next real one (e.g. on Undo). Spend it now.
            setTimeout(() => document.body.dispatchEvent(new MouseEvent("click", { bubbles: true })), 0);
          },
        }))
      );
    });
  }

  // --- keyboard --------------------------------------------------------------
  const NUDGE = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

  let pendingFocus = null;

  function onKeydown(evt) {
    const typing = evt.target.matches && evt.target.matches("input, textarea, select");
    if ((evt.ctrlKey || evt.metaKey) && evt.key.toLowerCase() === "z" && !typing) {
      const undo = document.querySelector('#status button[hx-post$="/undo"]');
      if (undo) { evt.preventDefault(); undo.click(); }
      return;
    }
    const card = evt.target.closest && evt.target.closest(".card");
    if (card && evt.target === card && canEdit()) {
      if (NUDGE[evt.key]) {
        evt.preventDefault();
        post("nudge", { placed: card.dataset.id, direction: NUDGE[evt.key] });
      } else if (evt.key === "Delete" || evt.key === "Backspace") {
        evt.preventDefault();
        // keep the keyboard user in place: focus the next card in time, else the previous
        const cards = [...document.querySelectorAll(".card")].sort((a, b) => a.dataset.time - b.dataset.time);
        const at = cards.indexOf(card);
        const neighbour = cards[at + 1] || cards[at - 1];
        pendingFocus = neighbour ? neighbour.dataset.id : null;
        post("remove", { placed: card.dataset.id });
      }
      return;
    }
    if (evt.target.id === "cat-search" && evt.key === "ArrowDown") {
      const first = document.querySelector("#catalogue-list .cat-item:not([hidden])");
      if (first) { evt.preventDefault(); first.focus(); }
      return;
    }
    const item = evt.target.closest && evt.target.closest(".cat-item");
    if (item && evt.target === item && (evt.key === "Enter" || evt.key === " ")) {
      evt.preventDefault();
      addFromCatalogue(item);
    } else if (item && (evt.key === "ArrowDown" || evt.key === "ArrowUp")) {
      evt.preventDefault();
      const items = [...document.querySelectorAll("#catalogue-list .cat-item:not([hidden])")];
      const next = items[items.indexOf(item) + (evt.key === "ArrowDown" ? 1 : -1)];
      if (next) next.focus();
    }
  }

  // --- the wave and the links --------------------------------------------------
  function centre(el, box) {
    const r = el.getBoundingClientRect();
    return { x: r.left - box.left + r.width / 2, y: r.top - box.top + r.height / 2, r };
  }

  function drawWave() {
    const board = document.getElementById("board");
    const svg = document.getElementById("wave-layer");
    if (!board || !svg) return;
    const box = board.getBoundingClientRect();
    svg.setAttribute("width", board.scrollWidth);
    svg.setAttribute("height", board.scrollHeight);
    svg.setAttribute("viewBox", `0 0 ${board.scrollWidth} ${board.scrollHeight}`);
    const cards = [...board.querySelectorAll(".card")].sort((a, b) => a.dataset.time - b.dataset.time);
    const pts = cards.map((c) => centre(c, box));
    let d = "";
    pts.forEach((p, i) => {
      if (i === 0) { d += `M ${p.x} ${p.y}`; return; }
      const q = pts[i - 1];
      const mx = (q.x + p.x) / 2;
      d += ` C ${mx} ${q.y}, ${mx} ${p.y}, ${p.x} ${p.y}`;
    });
    const byId = Object.fromEntries(cards.map((c, i) => [c.dataset.id, pts[i]]));
    const links = JSON.parse(board.dataset.links || "[]");
    const linkPaths = links
      .filter(([from, to]) => byId[from] && byId[to])
      .map(([from, to, kind]) => {
        const a = byId[from], b = byId[to];
        const bend = Math.max(40, Math.abs(b.x - a.x) / 3);
        const sameLane = Math.abs(a.y - b.y) < 10;
        const lift = sameLane ? (a.y < box.height / 2 ? -bend : bend) : 0;
        const x1 = a.x, y1 = a.y + (sameLane ? Math.sign(lift) * a.r.height / 2 : 0);
        const x2 = b.x, y2 = b.y + (sameLane ? Math.sign(lift) * b.r.height / 2 : 0);
        return `<path class="link link-${kind}" data-from="${from}" data-to="${to}" d="M ${x1} ${y1} C ${x1} ${y1 + lift}, ${x2} ${y2 + lift}, ${x2} ${y2}" marker-end="url(#arrow)"/>`;
      })
      .join("");
    svg.innerHTML =
      `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head"/></marker></defs>` +
      (d ? `<path class="wave-line" d="${d}"/>` : "") + linkPaths;
  }

  // --- findings highlight ------------------------------------------------------
  function onClick(evt) {
    const head = evt.target.closest(".finding-head");
    if (head) {
      const finding = head.closest(".finding");
      const open = head.getAttribute("aria-expanded") === "true";
      document.querySelectorAll(".finding-head[aria-expanded=true]").forEach((h) => h.setAttribute("aria-expanded", "false"));
      document.querySelectorAll(".card.highlight").forEach((c) => c.classList.remove("highlight"));
      if (!open) {
        head.setAttribute("aria-expanded", "true");
        const ids = (finding.dataset.activities || "").split(" ").filter(Boolean);
        ids.forEach((id) => { const c = document.getElementById("card-" + id); if (c) c.classList.add("highlight"); });
        const first = ids.length && document.getElementById("card-" + ids[0]);
        if (first) first.scrollIntoView({ block: "nearest", inline: "center", behavior: "smooth" });
      }
    }
    if (evt.target.closest("[data-close-editor]")) {
      const dialog = document.getElementById("editor");
      if (dialog.open) dialog.close();
    }
  }

  // --- PDF export: fetched here, so a slow render shows that it is working ------
  function showError(message) {
    const status = document.getElementById("status");
    if (!status) return;
    const toast = document.createElement("div");
    toast.className = "toast toast-error";
    toast.setAttribute("role", "alert");
    toast.textContent = message;
    status.replaceChildren(toast);
  }

  async function onPdfClick(evt) {
    const link = evt.target.closest && evt.target.closest("[data-pdf-export]");
    if (!link || evt.button !== 0 || evt.ctrlKey || evt.metaKey || evt.shiftKey) return;
    evt.preventDefault();
    if (link.getAttribute("aria-busy") === "true") return;
    const original = link.innerHTML;
    link.classList.add("is-busy");
    link.setAttribute("aria-busy", "true");
    link.textContent = link.dataset.busyLabel;
    try {
      const response = await fetch(link.href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name ? name[1] : "design.pdf";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      showError(`${link.dataset.errorLabel} (${err.message})`);
    } finally {
      link.innerHTML = original;
      link.classList.remove("is-busy");
      link.removeAttribute("aria-busy");
    }
  }

  // --- after every swap --------------------------------------------------------
  function afterCanvas() {
    setupSortables();
    requestAnimationFrame(drawWave);
    const canvas = document.getElementById("canvas");
    const focus = pendingFocus || (canvas && canvas.dataset.focus);
    pendingFocus = null;
    const active = document.activeElement;
    // adding from the catalogue with Enter keeps focus there, to add the next one
    if (active && active.classList && active.classList.contains("cat-item")) return;
    if (focus) {
      const el = document.getElementById("card-" + focus);
      if (el) el.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const search = document.getElementById("cat-search");
    if (search) search.addEventListener("input", applyFilters);
    document.querySelectorAll(".filters select").forEach((s) => s.addEventListener("change", applyFilters));
    document.addEventListener("keydown", onKeydown);
    document.addEventListener("click", onClick);
    document.addEventListener("click", onPdfClick);
    window.addEventListener("resize", () => requestAnimationFrame(drawWave));
    document.body.addEventListener("htmx:afterSwap", (evt) => {
      if (evt.detail.target.id === "editor-body") {
        const dialog = document.getElementById("editor");
        if (!dialog.open) dialog.showModal();
      }
    });
    document.body.addEventListener("htmx:afterSettle", (evt) => {
      if (document.getElementById("canvas") && evt.detail.target.id !== "editor-body") afterCanvas();
    });
    document.body.addEventListener("htmx:beforeRequest", (evt) => {
      const form = evt.detail.elt.closest && evt.detail.elt.closest("#editor form, #editor");
      if (form && evt.detail.requestConfig.verb === "post") {
        const dialog = document.getElementById("editor");
        if (dialog.open) dialog.close();
      }
    });
    afterCanvas();
  });
})();
