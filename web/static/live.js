// Designing together, live (SPEC §10). The design's event stream says when someone else
// saved a version: the canvas then catches up from the version it shows, and the answer
// draws only what changed (the page's scroll, zoom, focus, open editor and typed text
// stay). It also says who else has the design open, and which card each is editing.
(function () {
  "use strict";

  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => [...(root || document).querySelectorAll(sel)];
  const random = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now());
  const client = random().replace(/[^A-Za-z0-9]/g, "").slice(0, 24); // this open canvas
  let behind = 0; // the newest version someone else saved
  let news = null; // what they did, said once caught up
  let catching = false;
  let people = [];
  let reported = ""; // the card this canvas last said its editor has open

  const workspace = () => $(".workspace");
  const shownVersion = () => Number(($("#design-version") || { value: 0 }).value);
  const texts = () => JSON.parse(workspace().dataset.liveTexts || "{}");

  function say(message) {
    const status = $("#status");
    if (!status || !message) return;
    const toast = document.createElement("div");
    toast.className = "toast toast-info";
    toast.textContent = message;
    status.replaceChildren(toast);
  }

  // Own edits carry this canvas's id: its own `changed` events are not news to it.
  document.addEventListener("htmx:configRequest", (evt) => { evt.detail.headers["X-Wave-Client"] = client; });

  // What a whole-canvas answer (someone changed the structure) would take from the person:
  // open panels and menus, what they typed, where the board is scrolled, what has focus.
  function keep() {
    const canvas = $("#canvas");
    if (!canvas) return () => {};
    const open = $$("details[id]", canvas).filter((d) => d.open).map((d) => d.id);
    const typed = $$("input[id], textarea[id]", canvas)
      .filter((el) => el.type !== "hidden" && el.value !== el.defaultValue).map((el) => [el.id, el.value]);
    const active = canvas.contains(document.activeElement) ? document.activeElement.id : "";
    const board = $("#board"), scroll = board ? [board.scrollLeft, board.scrollTop] : null;
    return () => {
      open.forEach((id) => { const d = document.getElementById(id); if (d) d.open = true; });
      typed.forEach(([id, value]) => {
        const el = document.getElementById(id);
        if (el && el.value === el.defaultValue) el.value = value;
      });
      const now = $("#board");
      if (scroll && now) [now.scrollLeft, now.scrollTop] = scroll;
      const el = active && document.getElementById(active);
      if (el && document.activeElement !== el) el.focus({ preventScroll: true });
    };
  }

  function catchUp() {
    const ws = workspace();
    if (catching || behind <= shownVersion() || $(".htmx-request")) return; // an own edit first
    catching = true;
    const told = news;
    const restore = keep();
    htmx.ajax("GET", `/designs/${ws.dataset.design}/since/${shownVersion()}`, { source: ws, swap: "none" })
      .then(() => {
        restore();
        if (told && told === news) say(told.name ? `${told.name}: ${told.summary}` : told.summary);
      })
      .finally(() => { catching = false; catchUp(); });
  }

  function drawPresence() {
    const list = $("#presence");
    if (!list) return;
    const others = new Map();
    people.filter((p) => p.client !== client).forEach((p) => {
      const person = others.get(p.user) || Object.assign({}, p, { cards: [] });
      if (p.card) person.cards.push(p.card);
      others.set(p.user, person);
    });
    const t = texts();
    list.replaceChildren(...[...others.values()].map((p) => {
      const li = document.createElement("li");
      li.className = "presence-person";
      li.dataset.presenceUser = p.user;
      li.style.setProperty("--person", p.colour);
      const editing = p.cards.map((id) => { const c = $(`#card-${CSS.escape(id)} .card-title`); return c ? c.textContent : ""; })
        .filter(Boolean);
      const label = editing.length ? (t.editing || "%(name)s: %(card)s").replace("%(name)s", p.name).replace("%(card)s", editing.join(", ")) : p.name;
      li.title = label;
      const avatar = document.createElement("span");
      avatar.className = "avatar";
      avatar.setAttribute("aria-hidden", "true");
      avatar.textContent = p.initials;
      const name = document.createElement("span");
      name.className = "sr-only";
      name.textContent = label;
      li.append(avatar, name);
      return li;
    }));
    list.hidden = others.size === 0;
    $$(".card[data-editing-by]").forEach((c) => { delete c.dataset.editingBy; c.style.removeProperty("--editor"); });
    others.forEach((p) => p.cards.forEach((id) => {
      const card = document.getElementById("card-" + id);
      if (card) { card.dataset.editingBy = p.initials; card.style.setProperty("--editor", p.colour); }
    }));
  }

  // Which card this canvas's editor has open, for the others' boards.
  function reportEditing() {
    const ws = workspace(), dialog = $("#editor");
    const placed = dialog && dialog.open ? $("#editor-form [name=placed], #editor [name=placed]", dialog) : null;
    const card = placed ? placed.value : "";
    if (card === reported) return;
    reported = card;
    const token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || "";
    fetch(`/designs/${ws.dataset.design}/presence`, {
      method: "POST",
      headers: { "X-CSRF-Token": token, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client, card }),
    }).catch(() => { reported = null; });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const ws = workspace();
    if (!ws || !window.EventSource) return;
    const stream = new EventSource(`/designs/${ws.dataset.design}/events?client=${client}`);
    stream.addEventListener("changed", (evt) => {
      const data = JSON.parse(evt.data);
      if (data.client === client || data.version <= shownVersion()) return;
      behind = Math.max(behind, data.version);
      news = data;
      catchUp();
    });
    stream.addEventListener("presence", (evt) => {
      people = JSON.parse(evt.data).people;
      drawPresence();
    });
    document.body.addEventListener("htmx:afterRequest", () => setTimeout(catchUp, 0));
    document.body.addEventListener("htmx:afterSettle", drawPresence);
    document.body.addEventListener("htmx:oobAfterSwap", drawPresence);
    const dialog = $("#editor");
    if (dialog) {
      new MutationObserver(reportEditing).observe(dialog, { attributes: true, attributeFilter: ["open"], subtree: true, childList: true });
    }
    window.addEventListener("pagehide", () => stream.close());
  });
})();
