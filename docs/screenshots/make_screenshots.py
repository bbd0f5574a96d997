"""Make the canvas screenshots in docs/screenshots/ (run by hand, not part of the tests).

    .venv/bin/python docs/screenshots/make_screenshots.py [--only NAME ...]

Starts its own `wave serve` on a fresh SQLite database (as tests/webfixtures.py does),
signs up a teacher, copies the Marketing example and makes a 100-activity design, then
photographs the canvas at 1280×720 (after "Passend" / "Fit"), 1024×768 and 390×844 (the
whole page), in Dutch and in English; the 100-activity design after "Passend" and at 100 %
with the minimap; and the print preview of the Marketing canvas (a PDF, its first page
turned into print-marketing.png by pdftoppm; print-marketing-ctrlp.png is the same printed
from screen media, as Ctrl+P does). Files of the same name are overwritten.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "Golfslag-2026"
STEPS = [
    ("kennisclip", "online", "async"),
    ("casus", "offline", "sync"),
    ("forum", "online", "async"),
    ("discussie", "offline", "sync"),
    ("oefentoets", "online", "async"),
    ("casus", "online", "async"),
    ("discussie", "online", "sync"),
    ("oefentoets", "offline", "async"),
]
FIT = {"nl": "Passend", "en": "Fit"}
ZOOM_IN = {"nl": "Inzoomen", "en": "Zoom in"}
ZOOM_OUT = {"nl": "Uitzoomen", "en": "Zoom out"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url: str):
    import httpx

    port = free_port()
    env = {**os.environ, "WAVE_DATABASE_URL": database_url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wave.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("wave serve did not start: " + proc.stdout.read().decode()[-2000:])


def sign_up(http, name: str):
    email = f"screens-{time.time_ns()}@school.example"
    r = http.post("/api/auth/signup", json={"email": email, "password": PASSWORD, "name": name})
    r.raise_for_status()
    r = http.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    r.raise_for_status()
    http.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return http


def generated_design(phases: int, per_phase: int, title: str) -> dict:
    from wave.design_templates import get_templates

    doc = get_templates()["linear"].new_design(title=title, language="nl").to_json()
    doc["phases"], n = [], 0
    for p in range(phases):
        acts = []
        for _ in range(per_phase):
            activity, mode, timing = STEPS[n % len(STEPS)]
            n += 1
            acts.append({"id": f"a{n}", "activity": activity, "mode": mode, "timing": timing})
        doc["phases"].append(
            {"id": f"p{p + 1}", "title": f"Week {p + 1}", "kind": "sequence", "activities": acts}
        )
    return doc


class Shots:
    def __init__(self, browser, url: str, http, only: list[str]):
        self.browser, self.url, self.http, self.only = browser, url, http, only
        self.cookie = http.cookies["wave_session"]
        self.made: list[Path] = []

    def wanted(self, name: str) -> bool:
        return not self.only or any(o in name for o in self.only)

    def page(self, size: tuple[int, int], lang: str, design_id: int):
        # "Passend" may collapse the side panels, which is kept per person: open them again
        self.http.put("/api/prefs", json={"catalogue_collapsed": False, "critic_collapsed": False})
        context = self.browser.new_context(
            viewport={"width": size[0], "height": size[1]},
            locale="nl-NL" if lang == "nl" else "en-GB",
            base_url=self.url,
        )
        context.add_cookies([{"name": "wave_session", "value": self.cookie, "url": self.url}])
        page = context.new_page()
        page.on("pageerror", lambda e: print("  JavaScript error:", e, file=sys.stderr))
        # the UI language is a cookie set by /lang/<code>, which then opens the design
        page.goto(f"/lang/{lang}?next=/designs/{design_id}")
        page.locator("[data-board]").wait_for()
        return context, page

    def zoom_to(self, page, lang: str, target: str) -> None:
        out = page.locator("#zoom-level")
        for _ in range(15):
            now = out.inner_text().strip()
            if now == target:
                return
            name = ZOOM_OUT[lang] if int(now[:-1]) > int(target[:-1]) else ZOOM_IN[lang]
            page.get_by_role("button", name=name, exact=True).click()
            page.wait_for_function(
                "([el, was]) => el.textContent.trim() !== was", arg=[out.element_handle(), now]
            )

    def shot(
        self, name: str, design_id: int, size, lang: str, *, fit=False, zoom=None, full_page=False
    ) -> None:
        if not self.wanted(name):
            return
        context, page = self.page(size, lang, design_id)
        try:
            if fit:
                page.get_by_role("button", name=FIT[lang], exact=True).click()
            if zoom:
                self.zoom_to(page, lang, zoom)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            path = OUT / f"{name}.png"
            page.screenshot(path=str(path), full_page=full_page)
            self.made.append(path)
            print(" ", path.name, size, lang, page.locator("#zoom-level").inner_text())
        finally:
            context.close()

    def print_preview(self, name: str, design_id: int, *, emulate: bool = True) -> None:
        """The canvas on paper. With `emulate`, the page is switched to print media first
        (the print preview); without, page.pdf() prints from screen media, as Ctrl+P does
        (Chromium fires beforeprint, then lays the page out for print)."""
        if not self.wanted(name):
            return
        context, page = self.page((1280, 720), "nl", design_id)
        try:
            if emulate:
                page.emulate_media(media="print")
            pdf = Path(tempfile.mkdtemp()) / f"{name}.pdf"
            page.pdf(path=str(pdf), format="A4", landscape=True)  # as Ctrl+P: no backgrounds
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(OUT / name),
                ],
                check=True,
            )
            self.made.append(OUT / f"{name}.png")
            print(" ", f"{name}.png (print{' preview' if emulate else ', as Ctrl+P'}, page 1)")
        finally:
            context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", default=[], help="make only shots whose name holds one of these")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="wave-shots-"))
    database_url = f"sqlite:///{tmp / 'wave.db'}"
    os.environ["WAVE_DATABASE_URL"] = database_url
    os.environ.setdefault("WAVE_ENVIRONMENT", "development")

    import httpx
    from playwright.sync_api import sync_playwright

    from wave.db import migrate
    from wave.examples import load_example
    from wave.seeding import seed_examples

    migrate(database_url)
    seed_examples()
    proc, url = start_server(database_url)
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            sign_up(http, "Docent Voorbeeld")
            marketing = http.post("/api/designs", json=load_example("marketing-communicatie").to_json())
            marketing.raise_for_status()
            big = http.post("/api/designs", json=generated_design(10, 10, "Honderd activiteiten"))
            big.raise_for_status()
            m_id, big_id = marketing.json()["id"], big.json()["id"]

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
                shots = Shots(browser, url, http, args.only)
                for lang in ("nl", "en"):
                    shots.shot(f"canvas-marketing-1280-fit-{lang}", m_id, (1280, 720), lang, fit=True)
                    shots.shot(f"canvas-marketing-1024-{lang}", m_id, (1024, 768), lang)
                    shots.shot(f"canvas-marketing-390-{lang}", m_id, (390, 844), lang, full_page=True)
                shots.shot("canvas-100-1280-fit-nl", big_id, (1280, 720), "nl", fit=True)
                shots.shot("canvas-100-1280-minimap-nl", big_id, (1280, 720), "nl", zoom="100%")
                shots.print_preview("print-marketing", m_id)
                shots.print_preview("print-marketing-ctrlp", m_id, emulate=False)
                browser.close()
            print(f"{len(shots.made)} screenshots in {OUT}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
