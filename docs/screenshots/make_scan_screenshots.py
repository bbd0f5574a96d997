"""Make the readiness scan's screenshots in docs/screenshots/ (run by hand, not a test).

    .venv/bin/python docs/screenshots/make_scan_screenshots.py

Starts its own `wave serve` on a fresh SQLite database (as make_screenshots.py does),
signs up an owner and two team members, makes a first scan that all three answer and a
second one that follows it, then photographs the answer page and the results page of
the second scan at 1280×720 and 390×844 (the whole page), in Dutch and in English, and
turns the results PDF (both languages) into page images with pdftoppm (-r 60).
Files of the same name are overwritten.
"""

import random
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import BROWSER_ARGS, OUT, PASSWORD, start_server  # noqa: E402

SIZES = {"1280": (1280, 720), "390": (390, 844)}


def sign_up(http: httpx.Client, name: str, email: str) -> httpx.Client:
    r = http.post("/api/auth/signup", json={"email": email, "password": PASSWORD, "name": name})
    r.raise_for_status()
    r = http.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    r.raise_for_status()
    http.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return http


def answers(seed: int, lean: int) -> dict:
    """Plausible answers: around `lean`, some "don't know"."""
    from wave.scans.dimensions import statement_ids

    rng = random.Random(seed)
    out = {}
    for i, sid in enumerate(statement_ids()):
        if rng.random() < 0.08:
            out[sid] = None
        else:
            out[sid] = max(1, min(4, lean + rng.choice((-1, 0, 0, 1)) + (i % 12 in (4, 9)) - (i % 12 == 11)))
    return out


def main() -> None:
    from playwright.sync_api import sync_playwright

    db = Path(tempfile.mkdtemp()) / "wave.db"
    proc, url = start_server(f"sqlite:///{db}")
    try:
        with httpx.Client(base_url=url, timeout=60) as owner, httpx.Client(base_url=url, timeout=60) as m1:
            with httpx.Client(base_url=url, timeout=60) as m2:
                sign_up(owner, "Ans de Vries", "ans@school.example")
                sign_up(m1, "Bo Jansen", "bo@school.example")
                sign_up(m2, "Chris Bakker", "chris@school.example")
                emails = {id(m1): "bo@school.example", id(m2): "chris@school.example"}
                first = owner.post(
                    "/api/scans", json={"title": "Team Marketing 2025", "level": "course"}
                ).json()
                second = owner.post(
                    "/api/scans",
                    json={"title": "Team Marketing 2026", "level": "course", "follows": first["id"]},
                ).json()
                for scan, lean in ((first["id"], 2), (second["id"], 3)):
                    for n, person in enumerate((owner, m1, m2)):
                        if person is not owner:
                            share = {"email": emails[id(person)], "role": "edit"}
                            r = owner.post(f"/api/scans/{scan}/shares", json=share)
                            r.raise_for_status()
                        given = answers(scan * 10 + n, lean - (n == 2))
                        r = person.post(f"/api/scans/{scan}/answers", json={"answers": given})
                        r.raise_for_status()
                scan_id = second["id"]
                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
                    for lang in ("nl", "en"):
                        for size_name, size in SIZES.items():
                            context = browser.new_context(
                                viewport={"width": size[0], "height": size[1]},
                                locale="nl-NL" if lang == "nl" else "en-GB",
                                base_url=url,
                            )
                            cookie = owner.cookies["wave_session"]
                            context.add_cookies([{"name": "wave_session", "value": cookie, "url": url}])
                            page = context.new_page()
                            page.on("pageerror", lambda e: print("  JavaScript error:", e, file=sys.stderr))
                            for kind, path in (
                                ("answer", f"/scans/{scan_id}"),
                                ("results", f"/scans/{scan_id}/results"),
                            ):
                                page.goto(f"/lang/{lang}?next={path}")
                                page.wait_for_load_state("networkidle")
                                out = OUT / f"scan-{kind}-{size_name}-{lang}.png"
                                page.screenshot(path=str(out), full_page=size_name == "390")
                                print(" ", out.name)
                            context.close()
                    browser.close()
                for lang in ("nl", "en"):
                    pdf = Path(tempfile.mkdtemp()) / "scan.pdf"
                    r = owner.get(f"/api/scans/{scan_id}/export.pdf", params={"lang": lang})
                    r.raise_for_status()
                    pdf.write_bytes(r.content)
                    subprocess.run(
                        ["pdftoppm", "-png", "-r", "60", str(pdf), str(OUT / f"scan-pdf-{lang}")], check=True
                    )
                    print(" ", f"scan-pdf-{lang}-*.png")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
