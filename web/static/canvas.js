// The canvas: zoom, fit and overview; drag and drop (SortableJS) decided by where the
// pointer is; connect by dragging or with the keyboard; the wave line and the link
// connectors; card menus, minutes on the card, goals to cards; the activity editor.
// Every change is a POST through htmx with hx-swap="none": the server answers out of
// band with what changed (phases, board data, critic, status, history).
(function () {
  "use strict";

  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => [...(root || document).querySelectorAll(sel)];
  const workspace = () => $(".workspace");
  const designId = () => workspace().dataset.design;
  const editUrl = (op) => `/designs/${designId()}/edit/${op}`;
  const version = () => $("#design-version").value;
  const canEdit = () => workspace().dataset.canEdit === "true";
  const texts = () => JSON.parse(workspace().dataset.texts || "{}");
  const phrases = () => JSON.parse(workspace().dataset.phrases || "{}");
  const narrow = () => window.matchMedia("(max-width: 1100px)").matches;
  const phone = () => window.matchMedia("(max-width: 640px)").matches;

  // (4xx answers that carry a status are swapped too: htmx-config in base.html.)
  // A whole-canvas answer holds the phases too; they must not be swapped on their own.
  htmx.config.allowNestedOobSwaps = false;

  function post(op, values) {
    return htmx.ajax("POST", editUrl(op), {
      source: workspace(),
      swap: "none",
      values: Object.assign({ version: version() }, values),
    });
  }

  function announce(message, kind) {
    const status = $("#status");
    if (!status || !message) return;
    const toast = document.createElement("div");
    toast.className = "toast toast-" + (kind || "info");
    if (kind === "error") toast.setAttribute("role", "alert");
    toast.textContent = message;
    status.replaceChildren(toast);
  }

  const cardsInTime = () => $$(".phase[data-phase-column]").flatMap((phase) =>
    $$(".card", phase).sort((a, b) => a.dataset.start - b.dataset.start));
  const cardTitle = (id) => { const c = document.getElementById("card-" + id); return c ? $(".card-title", c).textContent : id; };

  // --- panels: collapse per person (kept on the server), a drawer on tablets ---------
  function savePrefs(values) {
    fetch("/api/prefs", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(values) })
      .catch(() => {});
  }

  function setPanel(name, open) {
    const ws = workspace();
    if (name === "critic" && narrow() && !phone()) {
      ws.classList.toggle("drawer-open", open);
    } else {
      ws.classList.toggle(name === "catalogue" ? "cat-collapsed" : "critic-collapsed", !open);
      savePrefs({ [name === "catalogue" ? "catalogue_collapsed" : "critic_collapsed"]: !open });
    }
    const target = open ? $(`[data-collapse="${name}"]`) : $(`[data-expand="${name}"]`);
    if (target && document.activeElement && document.activeElement.closest(`[data-panel="${name}"]`)) target.focus();
    requestAnimationFrame(redraw);
  }

  // --- zoom, fit and the overview ----------------------------------------------------
  const ZOOMS = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5];
  const READABLE = 0.8; // below this, "fit" first makes room by collapsing the side panels
  let zoom = 1;
  const zoomKey = () => "wave-zoom-" + designId();

  function setZoom(z, remember) {
    zoom = Math.max(0.3, Math.min(1.5, Math.round(z * 100) / 100));
    const inner = $("#board-inner");
    if (inner) {
      inner.style.setProperty("--z", zoom);
      inner.classList.toggle("zoom-far", zoom < 0.7);
    }
    const out = $("#zoom-level");
    if (out) out.textContent = Math.round(zoom * 100) + "%";
    if (remember !== false) try { localStorage.setItem(zoomKey(), String(zoom)); } catch (e) { /* private mode */ }
    redraw();
  }

  // The board's content size, not counting the drawing layers (sized after the content).
  function innerSize() {
    const inner = $("#board-inner");
    $$(".wave-layer, .link-layer", inner).forEach((svg) => { svg.setAttribute("width", 0); svg.setAttribute("height", 0); });
    inner.style.minWidth = "0"; // the content, not the board it stretches to
    const size = { w: inner.scrollWidth, h: inner.scrollHeight };
    inner.style.minWidth = "";
    return size;
  }

  function fitZoom() {
    const board = $("#board"), inner = $("#board-inner");
    let z = zoom;
    for (let i = 0; i < 4; i += 1) {
      inner.style.setProperty("--z", z);
      const { w, h } = innerSize();
      const ratio = Math.min((board.clientWidth - 4) / w, (board.clientHeight - 4) / h);
      if (ratio >= 0.99 && i > 0) break;
      z = Math.min(1.25, z * ratio);
    }
    inner.style.setProperty("--z", zoom);
    return z;
  }

  function fit() {
    let z = fitZoom();
    const ws = workspace();
    const panelsOpen = (!ws.classList.contains("cat-collapsed") && $(".catalogue")) ||
      (!ws.classList.contains("critic-collapsed") && !narrow());
    if (z < READABLE && panelsOpen) {
      if ($(".catalogue")) setPanel("catalogue", false);
      if (!narrow()) setPanel("critic", false);
      z = fitZoom();
      announce(texts().fit_collapsed);
    }
    if (Math.abs(z - zoom) < 0.02) z = zoom; // a second "fit" changes nothing
    setZoom(z);
    fitting = true;
  }

  // After "Passend" the board keeps fitting as the design grows, until the person zooms
  // in or out; it never collapses a panel on its own, nor goes below READABLE for that.
  let fitting = false;
  function refit() {
    const z = Math.max(READABLE, Math.min(zoom, fitZoom()));
    setZoom(Math.abs(z - zoom) < 0.02 ? zoom : z, true);
  }

  function initialZoom() {
    let stored = null;
    try { stored = parseFloat(localStorage.getItem(zoomKey())); } catch (e) { /* private mode */ }
    if (stored) { setZoom(stored, false); return; }
    zoom = 1;
    const z = fitZoom();
    setZoom(z < 1 && z >= READABLE ? z : 1, false);
  }

  // The next step of ZOOMS up or down; past the last step the zoom stays.
  function stepZoom(dir) {
    const next = dir > 0 ? ZOOMS.find((z) => z > zoom + 0.001) : [...ZOOMS].reverse().find((z) => z < zoom - 0.001);
    if (next !== undefined) setZoom(next);
  }

  function drawMinimap() {
    const mm = $("[data-minimap]"), board = $("#board"), inner = $("#board-inner");
    if (!mm || !board || !inner) return;
    const wide = inner.scrollWidth > board.clientWidth + 4;
    mm.hidden = !wide || phone();
    if (mm.hidden) return;
    const box = inner.getBoundingClientRect();
    const sx = mm.clientWidth / inner.scrollWidth, sy = mm.clientHeight / inner.scrollHeight;
    // built through the CSSOM: the page's Content-Security-Policy allows no style attributes
    const rect = (el, cls) => {
      const r = el.getBoundingClientRect(), div = document.createElement("div");
      div.className = cls;
      Object.assign(div.style, {
        left: `${(r.left - box.left) * sx}px`, top: `${(r.top - box.top) * sy}px`,
        width: `${Math.max(2, r.width * sx)}px`, height: `${Math.max(2, r.height * sy)}px`,
      });
      return div;
    };
    const view = document.createElement("div");
    view.className = "minimap-view";
    mm.replaceChildren(
      ...$$(".phase[data-phase-column]", inner).map((p) => rect(p, "mm-phase")),
      ...$$(".card", inner).map((c) => rect(c, "mm-card " + (c.classList.contains("mode-online") ? "mm-online" : "mm-offline"))),
      view);
    minimapView();
  }

  function minimapView() {
    const mm = $("[data-minimap]"), board = $("#board"), inner = $("#board-inner");
    const view = mm && $(".minimap-view", mm);
    if (!view || mm.hidden) return;
    const sx = mm.clientWidth / inner.scrollWidth;
    view.style.left = board.scrollLeft * sx + "px";
    view.style.width = Math.min(mm.clientWidth, board.clientWidth * sx) + "px";
  }

  function minimapJump(evt) {
    const mm = evt.target.closest("[data-minimap]");
    if (!mm) return;
    const board = $("#board"), inner = $("#board-inner");
    const x = evt.clientX - mm.getBoundingClientRect().left;
    board.scrollLeft = x / (mm.clientWidth / inner.scrollWidth) - board.clientWidth / 2;
    minimapView();
  }

  // --- catalogue: filters, one tab stop with arrow keys, keyboard add -------------------
  function applyFilters() {
    const q = $("#cat-search").value.trim().toLowerCase();
    const filters = $$(".filters select").filter((s) => s.value).map((s) => [s.dataset.filter, s.value]);
    let shown = 0;
    $$("#catalogue-list .cat-item").forEach((item) => {
      const ok = (!q || item.dataset.search.includes(q)) &&
        filters.every(([key, value]) => item.dataset[key].split(" ").includes(value));
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    $("#catalogue-empty").hidden = shown > 0;
    const count = $("#filter-count");
    count.hidden = !filters.length;
    count.textContent = filters.length;
    rove($("#catalogue-list .cat-item:not([hidden])"));
  }

  function rove(item) {
    $$("#catalogue-list .cat-item").forEach((i) => i.setAttribute("tabindex", i === item ? "0" : "-1"));
  }

  const addKey = () => "wave-add-" + designId();
  function rememberAddTarget() {
    const phase = $("#add-target"), lane = $("#add-lane");
    if (!phase) return;
    try { sessionStorage.setItem(addKey(), JSON.stringify({ phase: phase.value, lane: lane.value })); } catch (e) { /* ignore */ }
  }
  function restoreAddTarget() {
    const phase = $("#add-target"), lane = $("#add-lane");
    if (!phase) return;
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(addKey()) || "null"); } catch (e) { /* ignore */ }
    if (saved && [...phase.options].some((o) => o.value === saved.phase)) phase.value = saved.phase;
    if (saved && saved.lane) lane.value = saved.lane;
  }

  function addFromCatalogue(item) {
    const phase = $("#add-target").value;
    const modes = item.dataset.modes.split(" ");
    const wanted = $("#add-lane").value;
    const mode = modes.includes(wanted) ? wanted : modes[0];
    const values = { phase, mode };
    if (item.dataset.custom) values.custom = item.dataset.custom; else values.activity = item.dataset.activity;
    post(item.dataset.custom ? "add-custom" : "add", values);
  }

  // --- drag and drop: where the pointer is decides ---------------------------------------
  let pointer = { x: 0, y: 0 };
  let drag = null; // {kind: "card"|"catalogue", id, cancelled}
  let shown = null; // the lane and place the drop marker shows: {lane, pos}

  function trackPointer(evt) {
    pointer = { x: evt.clientX, y: evt.clientY };
    if (drag) showDropTarget();
    if (connecting) moveConnect();
  }

  function dropPlace() {
    const hits = document.elementsFromPoint(pointer.x, pointer.y);
    for (const el of hits) {
      if (el.closest(".catalogue")) return { catalogue: true };
      const lane = el.closest("[data-lane]");
      if (lane) return { lane };
      if (el.closest(".right-column, .canvas-head, .board-foot, .topbar")) return null;
    }
    return null;
  }

  function dropPosition(lane) {
    const phase = lane.closest(".phase");
    const except = drag && drag.id;
    const choice = phase.classList.contains("kind-choice");
    const pool = choice ? $$(".card", lane) : $$(".card", phase);
    const cards = pool.filter((c) => c.dataset.placed !== except && !c.classList.contains("sortable-ghost"))
      .sort((a, b) => a.dataset.start - b.dataset.start);
    const before = cards.filter((c) => { const r = c.getBoundingClientRect(); return r.left + r.width / 2 < pointer.x; });
    const last = before[before.length - 1];
    return { choice, count: before.length, markX: last ? last.getBoundingClientRect().right + 3 : (cards[0] ? cards[0].getBoundingClientRect().left - 3 : lane.getBoundingClientRect().left + 8) };
  }

  function showDropTarget() {
    $$(".lane.drop-target").forEach((l) => l.classList.remove("drop-target"));
    const cat = $(".catalogue");
    const place = dropPlace();
    if (cat) cat.classList.toggle("over-remove", !!(place && place.catalogue && drag.kind === "card"));
    const marker = $("#drop-marker");
    if (!place || !place.lane) { if (marker) marker.hidden = true; return; }
    place.lane.classList.add("drop-target");
    const inner = $("#board-inner");
    const m = marker || Object.assign(document.createElement("div"), { id: "drop-marker", className: "drop-marker" });
    if (!marker) inner.appendChild(m);
    const box = inner.getBoundingClientRect(), lr = place.lane.getBoundingClientRect();
    const pos = dropPosition(place.lane);
    shown = { lane: place.lane, pos }; // the drop lands where the marker shows
    m.hidden = false;
    m.style.left = pos.markX - box.left + "px";
    m.style.top = lr.top - box.top + 4 + "px";
    m.style.height = lr.height - 8 + "px";
  }

  function endDrag() {
    shown = null;
    document.body.classList.remove("dragging", "dragging-card");
    $$(".lane.drop-target").forEach((l) => l.classList.remove("drop-target"));
    const cat = $(".catalogue");
    if (cat) cat.classList.remove("over-remove");
    const marker = $("#drop-marker");
    if (marker) marker.remove();
    // Sortable swallows the click after a drag; spend it now, so it does not eat a real one.
    setTimeout(() => document.body.dispatchEvent(new MouseEvent("click", { bubbles: true })), 0);
  }

  function cancelDrag() {
    if (!drag) return;
    drag.cancelled = true;
    document.dispatchEvent(new PointerEvent("pointerup", { bubbles: true, clientX: -1, clientY: -1 }));
    announce(texts().cancelled);
  }

  function restore(evt) {
    const item = evt.item;
    if (item.classList.contains("cat-item")) {
      if (item.closest(".lane")) {
        item.remove();
        if (evt.clone) evt.clone.style.display = "";
      }
      return;
    }
    if (item.parentNode !== evt.from || [...evt.from.children].indexOf(item) !== evt.oldIndex) {
      item.remove();
      evt.from.insertBefore(item, evt.from.children[evt.oldIndex] || null);
    }
  }

  function onDragEnd(evt) {
    const state = drag;
    drag = null;
    const place = state && !state.cancelled ? dropPlace() : null;
    const marked = shown;
    restore(evt);
    endDrag();
    if (!place) return;
    const item = evt.item;
    if (place.catalogue) {
      if (state.kind === "card") post("remove", { placed: state.id });
      return;
    }
    const lane = place.lane;
    let pos = marked && marked.lane === lane ? marked.pos : null;
    if (!pos) {
      drag = state; // dropPosition skips the dragged card
      pos = dropPosition(lane);
      drag = null;
    }
    const where = { phase: lane.dataset.phase, mode: lane.dataset.mode };
    if (pos.choice) where.index = pos.count; else where.at = pos.count;
    if (state.kind === "card") {
      post("move", Object.assign({ placed: state.id }, where));
    } else if (item.dataset.custom) {
      post("add-custom", Object.assign({ custom: item.dataset.custom }, where));
    } else {
      post("add", Object.assign({ activity: item.dataset.activity }, where));
    }
  }

  // Only elements that have none get a Sortable: an answer replaces some lanes, and the
  // catalogue's instance must survive it (a drag may already have started on it).
  function setupSortables() {
    if (!canEdit() || phone()) return;
    const common = {
      animation: 0,
      forceFallback: true, // deterministic with real mouse events (tests, touchpads)
      fallbackTolerance: 4,
      ghostClass: "drag-ghost",
      chosenClass: "drag-chosen",
      scroll: true,
      scrollSensitivity: 50, // scroll the board well before the pointer reaches its edge
      scrollSpeed: 22,
      bubbleScroll: true,
      revertOnSpill: true,
      filter: "[data-connect], .card-minutes, .card-menu-button",
      preventOnFilter: false,
      onStart(evt) {
        const card = evt.item.classList.contains("card");
        drag = { kind: card ? "card" : "catalogue", id: card ? evt.item.dataset.placed : null, cancelled: false };
        document.body.classList.add("dragging");
        if (card) document.body.classList.add("dragging-card");
        closeMenus();
      },
      onEnd: onDragEnd,
    };
    const list = $("#catalogue-list");
    if (list && !Sortable.get(list)) {
      Sortable.create(list, Object.assign({}, common, {
        group: { name: "wave", pull: "clone", put: false }, sort: false, filter: "[hidden]",
      }));
    }
    $$("[data-lane]").filter((lane) => !Sortable.get(lane)).forEach((lane) => {
      Sortable.create(lane, Object.assign({}, common, {
        group: { name: "wave", pull: true, put: true },
        draggable: ".card, .cat-item",
        direction: "horizontal",
        emptyInsertThreshold: 24,
      }));
    });
  }

  // --- connect: drag from a card's handle, or C on a focused card ----------------------
  let connecting = null; // {from, line}
  let keyConnect = null; // {from}

  function startConnect(evt) {
    const handle = evt.target.closest("[data-connect]");
    if (!handle || !canEdit() || evt.button !== 0) return;
    evt.preventDefault();
    evt.stopPropagation();
    if (armedGoal) armGoal(armedGoal); // linking ends giving a goal to cards
    const layer = $("#link-layer");
    const line = document.createElementNS("http://www.w3.org/2000/svg", "path");
    line.setAttribute("class", "connect-line");
    layer.appendChild(line);
    connecting = { from: handle.dataset.connect, line };
    document.getElementById("card-" + connecting.from).classList.add("connect-source");
    document.body.classList.add("dragging");
    pointer = { x: evt.clientX, y: evt.clientY };
    moveConnect();
  }

  function cardAtPointer() {
    for (const el of document.elementsFromPoint(pointer.x, pointer.y)) {
      const c = el.closest("[data-placed]");
      if (c) return c;
    }
    return null;
  }

  function moveConnect() {
    // near the board's edge the board scrolls, so a card out of view can be reached
    const board = $("#board"), edge = board.getBoundingClientRect();
    if (pointer.x > edge.right - 50) board.scrollLeft += 24;
    else if (pointer.x < edge.left + 50) board.scrollLeft -= 24;
    const inner = $("#board-inner"), box = inner.getBoundingClientRect();
    const from = document.getElementById("card-" + connecting.from).getBoundingClientRect();
    const x1 = from.right - box.left, y1 = from.top + from.height / 2 - box.top;
    const x2 = pointer.x - box.left, y2 = pointer.y - box.top;
    connecting.line.setAttribute("d", `M ${x1} ${y1} L ${x2} ${y2}`);
    $$(".card.connect-target").forEach((c) => c.classList.remove("connect-target"));
    const target = cardAtPointer();
    if (target && target.dataset.placed !== connecting.from) target.classList.add("connect-target");
  }

  function finishConnect(cancelled) {
    if (!connecting) return;
    const state = connecting;
    connecting = null;
    state.line.remove();
    $$(".card.connect-source, .card.connect-target").forEach((c) => c.classList.remove("connect-source", "connect-target"));
    document.body.classList.remove("dragging");
    const target = cancelled ? null : cardAtPointer();
    if (target && target.dataset.placed !== state.from) post("link-add", { from: state.from, to: target.dataset.placed });
  }

  function startKeyConnect(card) {
    keyConnect = { from: card.dataset.placed };
    card.classList.add("connect-source");
    announce(texts().connect_start);
  }

  function stopKeyConnect(message) {
    $$(".card.connect-source, .card.connect-target").forEach((c) => c.classList.remove("connect-source", "connect-target"));
    const from = keyConnect && document.getElementById("card-" + keyConnect.from);
    keyConnect = null;
    if (message) announce(message);
    return from;
  }

  // The next (or previous) card in time from the focused one, passing over the source:
  // from the source itself, ArrowRight reaches the activity right after it.
  function moveKeyTarget(card, step) {
    const cards = cardsInTime();
    if (cards.length < 2) return;
    let at = cards.indexOf(card);
    do { at = (at + step + cards.length) % cards.length; } while (cards[at].dataset.placed === keyConnect.from);
    $$(".card.connect-target").forEach((c) => c.classList.remove("connect-target"));
    cards[at].classList.add("connect-target");
    cards[at].focus();
  }

  // --- goals to cards: pick a goal, then click the cards it covers --------------------
  let armedGoal = null;
  function armGoal(id) {
    armedGoal = armedGoal === id ? null : id;
    $$("[data-goal-pick]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.goalPick === armedGoal)));
    workspace().classList.toggle("goal-armed", !!armedGoal);
    markGoal();
    announce(armedGoal ? texts().goal_armed : texts().goal_disarmed);
  }
  function markGoal() {
    $$(".card").forEach((c) => c.classList.toggle("has-goal", !!armedGoal && !!$(`.goal-chip[data-goal="${armedGoal}"]`, c)));
  }

  // --- menus over the board -------------------------------------------------------------
  let menuCard = null, menuLink = null;
  function closeMenus() {
    $$(".popover-menu").forEach((m) => { m.hidden = true; });
    $$("[data-link].is-active").forEach((g) => g.classList.remove("is-active"));
    menuCard = menuLink = null;
  }
  function openMenu(menu, x, y) {
    menu.hidden = false;
    const r = menu.getBoundingClientRect();
    menu.style.left = Math.max(4, Math.min(x, window.innerWidth - r.width - 8)) + "px";
    menu.style.top = Math.max(4, Math.min(y, window.innerHeight - r.height - 8)) + "px";
    const first = $("button", menu);
    if (first) first.focus();
  }
  function openCardMenu(card) {
    closeMenus();
    menuCard = card;
    const r = card.getBoundingClientRect();
    openMenu($("#card-menu"), r.right - 20, r.bottom - 4);
  }
  function openLinkMenu(g, x, y) {
    closeMenus();
    menuLink = g;
    g.classList.add("is-active");
    const from = g.dataset.from, to = g.dataset.to, kind = g.dataset.kind;
    const all = phrases();
    $$("#link-menu [data-link-kind]").forEach((b) => {
      b.textContent = `${cardTitle(from)} ${all[b.dataset.linkKind][0]} ${cardTitle(to)}`;
      b.setAttribute("aria-checked", String(b.dataset.linkKind === kind));
    });
    openMenu($("#link-menu"), x, y);
  }
  function menuKeys(evt) {
    const menu = evt.target.closest(".popover-menu");
    if (!menu) return false;
    const items = $$("button", menu);
    const at = items.indexOf(evt.target);
    if (evt.key === "ArrowDown" || evt.key === "ArrowUp") {
      evt.preventDefault();
      items[(at + (evt.key === "ArrowDown" ? 1 : -1) + items.length) % items.length].focus();
      return true;
    }
    if (evt.key === "Escape" || evt.key === "Tab") {
      evt.preventDefault();
      const back = menuCard;
      closeMenus();
      if (back) back.focus();
      return true;
    }
    return false;
  }

  function cardAction(action, card) {
    const id = card.dataset.placed;
    closeMenus();
    if (action === "open") openEditor(card);
    else if (action === "duplicate") post("duplicate", { placed: id });
    else if (action === "connect") { card.focus(); startKeyConnect(card); }
    else if (action === "remove") removeCard(card);
  }

  let pendingFocus = null;
  function removeCard(card) {
    const cards = cardsInTime();
    const at = cards.indexOf(card);
    const neighbour = cards[at + 1] || cards[at - 1];
    pendingFocus = neighbour ? neighbour.dataset.placed : null;
    post("remove", { placed: card.dataset.placed });
  }

  // --- the editor -------------------------------------------------------------------------
  let editorCard = null;
  let editorWanted = false; // a late answer must not reopen an editor the person closed
  function openEditor(card) {
    editorCard = card.dataset.placed;
    editorWanted = true;
    htmx.ajax("GET", `/designs/${designId()}/activities/${card.dataset.placed}`, { target: "#editor-body", swap: "innerHTML" });
  }
  function closeEditor() {
    const dialog = $("#editor");
    if (dialog.open) dialog.close();
  }

  // --- keys -------------------------------------------------------------------------------
  const NUDGE = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

  function onKeydown(evt) {
    if (menuKeys(evt)) return;
    const typing = evt.target.matches && evt.target.matches("input, textarea, select");
    if (evt.key === "Escape") {
      const open = evt.target.closest && evt.target.closest("details[open]");
      if (open && !drag) { evt.preventDefault(); open.open = false; $("summary", open).focus(); return; }
      if (drag) { evt.preventDefault(); cancelDrag(); return; }
      if (connecting) { evt.preventDefault(); finishConnect(true); return; }
      if (keyConnect) { evt.preventDefault(); const from = stopKeyConnect(texts().connect_cancel); if (from) from.focus(); return; }
      if (armedGoal) { evt.preventDefault(); armGoal(armedGoal); return; }
    }
    const mod = evt.ctrlKey || evt.metaKey;
    if (mod && !typing && !evt.altKey) {
      const key = evt.key.toLowerCase();
      const which = key === "y" || (key === "z" && evt.shiftKey) ? "redo" : key === "z" ? "undo" : null;
      if (which) {
        evt.preventDefault();
        // post straight away: a button swapped in a moment ago may not be wired by htmx yet
        const button = $(`[data-history="${which}"]`);
        if (button && !button.disabled) post(which, {});
        return;
      }
    }
    const card = evt.target.closest && evt.target.closest(".card");
    if (card && evt.target === card) {
      if (keyConnect) {
        if (evt.key === "ArrowRight" || evt.key === "ArrowDown" || (evt.key === "Tab" && !evt.shiftKey)) { evt.preventDefault(); moveKeyTarget(card, 1); }
        else if (evt.key === "ArrowLeft" || evt.key === "ArrowUp" || evt.key === "Tab") { evt.preventDefault(); moveKeyTarget(card, -1); }
        else if (evt.key === "Enter") {
          evt.preventDefault();
          const from = keyConnect.from;
          stopKeyConnect();
          if (card.dataset.placed !== from) { pendingFocus = from; post("link-add", { from, to: card.dataset.placed }); }
        }
        return;
      }
      if (armedGoal && (evt.key === "Enter" || evt.key === " ")) {
        evt.preventDefault();
        pendingFocus = card.dataset.placed;
        post("goal-toggle", { placed: card.dataset.placed, goal: armedGoal });
        return;
      }
      if (evt.key === "Enter") { evt.preventDefault(); openEditor(card); return; }
      if (!canEdit()) return;
      if (NUDGE[evt.key] && !mod) {
        evt.preventDefault();
        pendingFocus = card.dataset.placed;
        post("nudge", { placed: card.dataset.placed, direction: NUDGE[evt.key] });
      } else if (evt.key === "Delete" || evt.key === "Backspace") {
        evt.preventDefault();
        removeCard(card);
      } else if (evt.key.toLowerCase() === "c" && !mod) {
        evt.preventDefault();
        startKeyConnect(card);
      } else if (evt.key.toLowerCase() === "d" && !mod) {
        evt.preventDefault();
        post("duplicate", { placed: card.dataset.placed });
      } else if (evt.key === "ContextMenu" || (evt.key === "F10" && evt.shiftKey)) {
        evt.preventDefault();
        openCardMenu(card);
      }
      return;
    }
    if (evt.target.id === "cat-search" && evt.key === "ArrowDown") {
      const first = $("#catalogue-list .cat-item:not([hidden])");
      if (first) { evt.preventDefault(); rove(first); first.focus(); }
      return;
    }
    const item = evt.target.closest && evt.target.closest(".cat-item");
    if (item && evt.target === item) {
      const items = $$("#catalogue-list .cat-item:not([hidden])");
      let next = null;
      if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); addFromCatalogue(item); return; }
      if (evt.key === "ArrowDown") next = items[items.indexOf(item) + 1];
      else if (evt.key === "ArrowUp") next = items[items.indexOf(item) - 1];
      else if (evt.key === "Home") next = items[0];
      else if (evt.key === "End") next = items[items.length - 1];
      if (next) { evt.preventDefault(); rove(next); next.focus(); }
    }
  }

  // --- clicks -----------------------------------------------------------------------------
  function onClick(evt) {
    const t = evt.target;
    if (!t.closest) return;
    if (!t.closest(".popover-menu") && !t.closest("[data-card-menu]") && !t.closest("[data-link]")) closeMenus();
    // a popover panel or menu closes when the person clicks elsewhere
    $$("details.popover[open], details.menu-box[open], details.phase-menu[open]").forEach((d) => {
      if (!d.contains(t)) d.open = false;
    });
    const collapse = t.closest("[data-collapse]");
    if (collapse) { setPanel(collapse.dataset.collapse, false); return; }
    const expand = t.closest("[data-expand]");
    if (expand) { setPanel(expand.dataset.expand, true); return; }
    const z = t.closest("[data-zoom]");
    if (z) {
      if (z.dataset.zoom === "fit") fit();
      else { fitting = false; stepZoom(z.dataset.zoom === "in" ? 1 : -1); }
      return;
    }
    if (t.closest("[data-minimap]")) { minimapJump(evt); return; }
    if (t.closest("[data-print]")) { window.print(); return; }
    const pick = t.closest("[data-goal-pick]");
    if (pick) { armGoal(pick.dataset.goalPick); return; }
    const menuButton = t.closest("[data-card-menu]");
    if (menuButton) { openCardMenu(menuButton.closest(".card")); return; }
    const action = t.closest("[data-card-action]");
    if (action && menuCard) { cardAction(action.dataset.cardAction, menuCard); return; }
    const link = t.closest("[data-link]");
    if (link && canEdit()) { openLinkMenu(link, evt.clientX + 6, evt.clientY + 6); return; }
    const kind = t.closest("[data-link-kind]");
    if (kind && menuLink) {
      post("link-update", { from: menuLink.dataset.from, to: menuLink.dataset.to, kind: kind.dataset.linkKind });
      closeMenus();
      return;
    }
    const linkAction = t.closest("[data-link-action]");
    if (linkAction && menuLink) {
      const values = { from: menuLink.dataset.from, to: menuLink.dataset.to };
      if (linkAction.dataset.linkAction === "reverse") post("link-update", Object.assign(values, { reverse: "1" }));
      else post("link-remove", values);
      closeMenus();
      return;
    }
    const head = t.closest(".finding-head");
    if (head) { toggleFinding(head); return; }
    if (t.closest("[data-close-editor]")) { closeEditor(); return; }
    if (t.closest("[data-jump-review]")) { evt.preventDefault(); jumpToReview(); return; }
    const commentOn = t.closest("a.comment-on");
    if (commentOn) {
      evt.preventDefault();
      const c = document.getElementById(commentOn.getAttribute("href").slice(1));
      if (c) { showCard(c); c.classList.add("highlight"); setTimeout(() => c.classList.remove("highlight"), 2500); c.focus({ preventScroll: true }); }
      return;
    }
    const card = t.closest(".card");
    if (card && !t.closest("input, button")) {
      if (armedGoal) { post("goal-toggle", { placed: card.dataset.placed, goal: armedGoal }); return; }
      openEditor(card);
    }
  }

  function showCard(card) {
    // Scroll only the board (never the page), so the layout stays where it is.
    const board = $("#board"), r = card.getBoundingClientRect(), b = board.getBoundingClientRect();
    board.scrollLeft += r.left - b.left - (b.width - r.width) / 2;
    board.scrollTop += r.top - b.top - (b.height - r.height) / 2;
  }

  function toggleFinding(head) {
    const finding = head.closest(".finding");
    const open = head.getAttribute("aria-expanded") === "true";
    $$(".finding-head[aria-expanded=true]").forEach((h) => h.setAttribute("aria-expanded", "false"));
    $$(".card.highlight").forEach((c) => c.classList.remove("highlight"));
    if (open) return;
    head.setAttribute("aria-expanded", "true");
    const ids = (finding.dataset.activities || "").split(" ").filter(Boolean);
    ids.forEach((id) => { const c = document.getElementById("card-" + id); if (c) c.classList.add("highlight"); });
    const first = ids.length && document.getElementById("card-" + ids[0]);
    if (first) showCard(first);
  }

  // --- minutes on the card ---------------------------------------------------------------
  function onChange(evt) {
    const t = evt.target;
    if (t.matches(".card-minutes")) {
      const raw = t.value.trim();
      if (!/^\d+$/.test(raw) || Number(raw) > 10000) {
        t.setAttribute("aria-invalid", "true");
        announce(texts().minutes_empty, "error");
        return;
      }
      t.removeAttribute("aria-invalid");
      pendingFocus = t.dataset.minutes;
      post("minutes", { placed: t.dataset.minutes, minutes: raw });
    } else if (t.matches("[data-autosubmit]")) {
      htmx.trigger(t.form, "submit");
    } else if (t.matches("#add-target, #add-lane")) {
      rememberAddTarget();
    }
  }

  function onMinutesKey(evt) {
    if (evt.target.matches(".card-minutes") && evt.key === "Enter") {
      evt.preventDefault();
      evt.target.blur();
    }
  }

  // --- the wave and the links ---------------------------------------------------------------
  function rel(el, box) {
    const r = el.getBoundingClientRect();
    return { l: r.left - box.left, t: r.top - box.top, r: r.right - box.left, b: r.bottom - box.top, w: r.width, h: r.height,
      cx: r.left - box.left + r.width / 2, cy: r.top - box.top + r.height / 2 };
  }

  function boardData() {
    const el = $("#board-data");
    try { return el ? JSON.parse(el.textContent) : { links: [], flags: {} }; } catch (e) { return { links: [], flags: {} }; }
  }

  function drawWave(inner, box) {
    const svg = $("#wave-layer");
    const pts = [];
    $$(".phase[data-phase-column]", inner).forEach((phase) => {
      if (phase.classList.contains("kind-choice")) return; // no order inside a choice phase
      $$(".card", phase).sort((a, b) => a.dataset.start - b.dataset.start).forEach((c) => pts.push(rel(c, box)));
    });
    let d = "";
    pts.forEach((p, i) => {
      if (i === 0) { d += `M ${p.cx} ${p.cy}`; return; }
      const q = pts[i - 1], mx = (q.cx + p.cx) / 2;
      d += ` C ${mx} ${q.cy}, ${mx} ${p.cy}, ${p.cx} ${p.cy}`;
    });
    svg.innerHTML = d ? `<path class="wave-line" d="${d}"/>` : "";
  }

  // A connector from edge to edge: side to side when the cards stand apart, top or bottom
  // when they overlap in time (different lanes), an arc above or below the lane when a
  // card stands between two cards of one lane.
  function connector(a, b, top, bottom) {
    const sameRow = Math.abs(a.cy - b.cy) < 4;
    if (sameRow) {
      const [l, r] = a.cx < b.cx ? [a, b] : [b, a];
      const gap = r.l - l.r;
      if (gap < l.w * 0.6) {
        const from = a === l ? [a.r, a.cy] : [a.l, a.cy], to = b === l ? [b.r, b.cy] : [b.l, b.cy];
        return `M ${from[0]} ${from[1]} L ${to[0]} ${to[1]}`;
      }
      const up = a.cy < (top + bottom) / 2;
      const y1 = up ? a.t : a.b, y2 = up ? b.t : b.b;
      const lift = Math.min(Math.max(16, Math.abs(b.cx - a.cx) / 6), up ? y1 - top - 2 : bottom - y1 - 2);
      const cy = up ? Math.min(y1, y2) - lift : Math.max(y1, y2) + lift;
      return `M ${a.cx} ${y1} C ${a.cx} ${cy}, ${b.cx} ${cy}, ${b.cx} ${y2}`;
    }
    const apart = b.l >= a.r - 2 || a.l >= b.r - 2;
    if (apart) {
      const right = b.l >= a.r - 2;
      const x1 = right ? a.r : a.l, x2 = right ? b.l : b.r, mx = (x1 + x2) / 2;
      return `M ${x1} ${a.cy} C ${mx} ${a.cy}, ${mx} ${b.cy}, ${x2} ${b.cy}`;
    }
    const down = b.cy > a.cy;
    const y1 = down ? a.b : a.t, y2 = down ? b.t : b.b, my = (y1 + y2) / 2;
    return `M ${a.cx} ${y1} C ${a.cx} ${my}, ${b.cx} ${my}, ${b.cx} ${y2}`;
  }

  function drawLinks(inner, box, data) {
    const svg = $("#link-layer");
    const all = phrases();
    const esc = (s) => String(s).replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[ch]));
    const top = 0, bottom = parseFloat(svg.getAttribute("height")) || inner.scrollHeight;
    const markers = ["prepares", "follows-up", "feedback", "uses", "against"].map((k) =>
      `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrow-${k}"/></marker>`).join("");
    const paths = data.links.map(([from, to, kind, against]) => {
      const ca = document.getElementById("card-" + from), cb = document.getElementById("card-" + to);
      if (!ca || !cb || !ca.offsetParent || !cb.offsetParent) return "";
      const d = connector(rel(ca, box), rel(cb, box), top, bottom);
      const ta = cardTitle(from), tb = cardTitle(to);
      const label = `${ta} ${all[kind][0]} ${tb} · ${tb} ${all[kind][1]} ${ta}`;
      return `<g data-link data-from="${esc(from)}" data-to="${esc(to)}" data-kind="${esc(kind)}" class="${against ? "against-time" : ""}">` +
        `<title>${esc(label)}</title><path class="link-hit" d="${d}"/>` +
        `<path class="link link-${esc(kind)}" d="${d}" marker-end="url(#arrow-${against ? "against" : esc(kind)})"/></g>`;
    }).join("");
    svg.innerHTML = `<defs>${markers}</defs>${paths}`;
  }

  function applyFlags(data) {
    $$(".card").forEach((c) => {
      const sev = data.flags[c.dataset.placed];
      if (sev) c.dataset.severity = sev; else delete c.dataset.severity;
      const flag = $(".card-flag", c);
      if (flag) flag.hidden = !sev;
    });
  }

  function redraw() {
    const inner = $("#board-inner");
    if (!inner) return;
    const data = boardData();
    applyFlags(data);
    const size = innerSize();
    ["wave-layer", "link-layer"].forEach((id) => {
      const svg = document.getElementById(id);
      svg.setAttribute("width", size.w);
      svg.setAttribute("height", size.h);
    });
    const box = inner.getBoundingClientRect();
    drawWave(inner, box);
    drawLinks(inner, box, data);
    drawMinimap();
    markGoal();
  }

  // --- exports (PDF, PowerPoint, …): fetched here, so a slow one shows that it is working ----
  async function onPdfClick(evt) {
    const link = evt.target.closest && evt.target.closest("[data-export]");
    if (!link || evt.button !== 0 || evt.ctrlKey || evt.metaKey || evt.shiftKey) return;
    evt.preventDefault();
    if (link.getAttribute("aria-busy") === "true") return;
    const original = link.innerHTML;
    link.classList.add("is-busy");
    link.setAttribute("aria-busy", "true");
    link.textContent = link.dataset.busyLabel;
    try {
      const response = await fetch(link.href);
      if (!response.ok) {
        // the server says why (busy, one export at a time, over its time) in the page's language
        const said = await response.json().catch(() => null);
        throw new Error(said && typeof said.detail === "string" ? said.detail : `HTTP ${response.status}`);
      }
      const blob = await response.blob();
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name ? name[1] : "design";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      announce(`${link.dataset.errorLabel} (${err.message})`, "error");
    } finally {
      link.innerHTML = original;
      link.classList.remove("is-busy");
      link.removeAttribute("aria-busy");
    }
  }

  // --- after every answer -------------------------------------------------------------------
  // A small answer redraws only the cards an edit changed or added (in the hidden card
  // stock) and the heads of the phases it touched; the board data's layout says where
  // every card of those phases now sits. Cards are moved, not redrawn, so the rest of the
  // board (and what has focus in it) stays as it was. Cards left out were removed.
  function arrangeCards() {
    const data = $("#board-data"), stock = $("#card-stock");
    if (!data || data.dataset.arranged) return;
    data.dataset.arranged = "1";
    const layout = boardData().layout;
    if (!layout) return;
    const board = $("#board-inner");
    const inLane = (id) => board.querySelector(`[data-lane] [data-placed="${CSS.escape(id)}"]`);
    const fresh = new Map($$(".card", stock).map((c) => [c.dataset.placed, c]));
    fresh.forEach((card, id) => { const old = inLane(id); if (old) old.remove(); });
    const placed = [];
    layout.forEach((phase) => {
      const section = document.getElementById("phase-" + phase.id);
      if (!section) return;
      section.classList.toggle("is-empty", !phase.count);
      section.dataset.style = `--halfcols: ${phase.halfcols}`;
      section.style.setProperty("--halfcols", phase.halfcols);
      Object.entries(phase.lanes).forEach(([mode, cards]) => {
        const lane = section.querySelector(`[data-lane][data-mode="${mode}"]`);
        const found = cards.map(([id, start]) => [fresh.get(id) || inLane(id), start]).filter(([card]) => card);
        if (lane) placed.push([lane, found]);
      });
    });
    placed.forEach(([lane, cards]) => cards.forEach(([card, start], i) => {
      card.dataset.start = start;
      card.dataset.style = `grid-column: ${start} / span 2`;
      card.style.gridColumn = `${start} / span 2`;
      if (lane.children[i] !== card) lane.insertBefore(card, lane.children[i] || null);
    }));
    placed.forEach(([lane, cards]) => {
      while (lane.children.length > cards.length) lane.lastElementChild.remove();
    });
    if (stock) stock.replaceChildren();
  }

  // --- a phase's menu: the week field, and the focus back on the menu after a save ------
  let phaseMenuFocus = null;
  function beforePhaseEdit(evt) {
    const form = evt.detail.elt;
    if (!form.closest || !form.closest(".phase-menu")) return;
    // A spin button holding what is no number ("e", "-") gives the server an empty value,
    // which would clear the week: refuse it here, as the server refuses "abc".
    const week = form.querySelector && form.querySelector("[data-week-field]");
    if (week && week.validity.badInput) {
      evt.preventDefault();
      week.setAttribute("aria-invalid", "true");
      announce(texts().week_bad, "error");
      return;
    }
    if (week) week.removeAttribute("aria-invalid");
    phaseMenuFocus = form.closest("[data-phase-column]").dataset.phaseColumn;
  }

  function afterAnswer() {
    arrangeCards();
    updateReviewSignals();
    setupSortables();
    restoreAddTarget();
    if (fitting) refit(); else setZoom(zoom, false);
    const data = $("#board-data");
    const focus = pendingFocus || (data && data.dataset.focus);
    pendingFocus = null;
    const phaseMenu = phaseMenuFocus;
    phaseMenuFocus = null;
    if (data) data.dataset.focus = "";
    const rail = $("#rail-count");
    if (rail) rail.textContent = $$("#critic .finding.sev-warning").length || "";
    const active = document.activeElement;
    // adding from the catalogue with Enter keeps focus there, to add the next one
    if (active && active.classList && active.classList.contains("cat-item")) return;
    if (active && active.id === "new-goal") return;
    const goalInput = $("#goals-panel[data-keep-open] #new-goal");
    if (goalInput) { $("#goals-panel").removeAttribute("data-keep-open"); goalInput.focus(); return; }
    // the menu's phase head was drawn again: the keyboard goes on from its menu button
    const lost = !active || active === document.body || !document.body.contains(active);
    const head = phaseMenu && lost && document.getElementById(`phase-${phaseMenu}-head`);
    const summary = head && $(".phase-menu summary", head);
    if (summary) { summary.focus({ preventScroll: true }); return; }
    if (focus) {
      const el = document.getElementById("card-" + focus);
      if (el && (!active || active === document.body || !document.body.contains(active) || active.closest(".card") || active.closest("#history"))) {
        el.focus({ preventScroll: true });
        showCardIfHidden(el);
      }
    }
  }

  // The review panel carries the open comments (per card and in all): after every answer
  // — a comment, a reply, resolving — the badges and the count at the top follow it.
  function updateReviewSignals() {
    const review = $("#review");
    if (!review) return;
    let counts = {};
    try { counts = JSON.parse(review.dataset.commentCounts || "{}"); } catch (e) { /* keep none */ }
    $$(".card-comments").forEach((badge) => {
      const card = badge.closest(".card"), n = (card && counts[card.dataset.placed]) || 0;
      badge.dataset.comments = n;
      $(".n", badge).textContent = n;
      badge.hidden = !n;
    });
    const top = $("#open-comments");
    if (top) {
      top.hidden = !Number(review.dataset.openComments || 0);
      $("[data-open-count]", top).textContent = review.dataset.openLabel || "";
    }
  }

  function jumpToReview() {
    // Scroll only the panel (never the page), open it first where it is collapsed.
    const ws = workspace();
    if (ws.classList.contains("critic-collapsed") || (narrow() && !phone() && !ws.classList.contains("drawer-open"))) setPanel("critic", true);
    const review = $("#review"), body = $("#critic-body");
    if (!review || !body) return;
    if (phone()) { review.scrollIntoView({ block: "start" }); $("#review-heading").focus({ preventScroll: true }); return; }
    body.scrollTop += review.getBoundingClientRect().top - body.getBoundingClientRect().top;
    $("#review-heading").focus({ preventScroll: true });
  }

  function showCardIfHidden(card) {
    const board = $("#board"), r = card.getBoundingClientRect(), b = board.getBoundingClientRect();
    if (r.left < b.left || r.right > b.right || r.top < b.top || r.bottom > b.bottom) showCard(card);
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (!workspace()) return;
    const search = $("#cat-search");
    if (search) search.addEventListener("input", applyFilters);
    $$(".filters select").forEach((s) => s.addEventListener("change", applyFilters));
    document.addEventListener("keydown", onKeydown);
    document.addEventListener("keydown", onMinutesKey);
    document.addEventListener("click", onClick);
    document.addEventListener("click", onPdfClick);
    document.addEventListener("change", onChange);
    document.addEventListener("pointerdown", startConnect, true);
    document.addEventListener("pointermove", trackPointer, true);
    document.addEventListener("mousemove", trackPointer, true);
    document.addEventListener("pointerup", () => finishConnect(false), true);
    document.addEventListener("focusin", (evt) => {
      const item = evt.target.closest && evt.target.closest(".cat-item");
      if (item) rove(item);
    });
    window.addEventListener("resize", () => requestAnimationFrame(redraw));
    // Lines are drawn from the layout: draw them again when the print layout applies
    // (Ctrl+P) and when it ends, so they join the cards on paper too.
    window.matchMedia("print").addEventListener("change", redraw);
    const board = $("#board");
    if (board) board.addEventListener("scroll", minimapView, { passive: true });
    document.body.addEventListener("htmx:afterSwap", (evt) => {
      if (evt.detail.target.id === "editor-body") {
        const dialog = $("#editor");
        if (!dialog.open && editorWanted) dialog.showModal();
      }
    });
    // One answer swaps several blocks out of band: tidy up once, after the last of them.
    // Settling is immediate (htmx-config) and the tidy-up a microtask, so an answer is
    // swapped, processed and tidied in one task: nothing typed in between reaches a form
    // htmx has not taken over yet (that would submit natively), nor a board about to refit.
    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => { scheduled = false; afterAnswer(); });
    };
    document.body.addEventListener("htmx:afterSettle", (evt) => {
      if (evt.detail.target.id !== "editor-body") schedule();
    });
    document.body.addEventListener("htmx:oobAfterSwap", schedule);
    document.body.addEventListener("htmx:configRequest", beforePhaseEdit);
    document.body.addEventListener("htmx:afterRequest", (evt) => {
      const elt = evt.detail.elt;
      if (!elt.closest || !elt.closest("#editor")) return;
      const error = $("#editor-error");
      if (elt.matches("[data-editor-save]")) {
        // a refused save (409, 422) is swapped (its status says why) but is no success
        if (evt.detail.successful && evt.detail.xhr.status < 400) {
          closeEditor();
          const card = editorCard && document.getElementById("card-" + editorCard);
          if (card) card.focus({ preventScroll: true });
        } else if (error) {
          const toast = $("#status .toast-text");
          error.textContent = toast ? toast.textContent : "";
          error.hidden = false;
        }
      } else if (elt.matches("[data-keep-editor]") && evt.detail.successful && editorCard && $("#editor").open) {
        htmx.ajax("GET", `/designs/${designId()}/activities/${editorCard}`, { target: "#editor-body", swap: "innerHTML" });
      }
    });
    const editor = $("#editor");
    if (editor) editor.addEventListener("close", () => {
      editorWanted = false;
      const card = editorCard && document.getElementById("card-" + editorCard);
      if (card && document.activeElement === document.body) card.focus({ preventScroll: true });
    });
    restoreAddTarget();
    setupSortables();
    initialZoom();
    afterAnswer();
  });
})();
