"""The wave as a PNG for slides (SPEC §5.1, §7): `GET /designs/{id}/wave.png` and
`wave export FILE --png OUT`: the drawing of wave.svg, at twice its size, on white."""

import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

from test_compare import REDESIGN
from webfixtures import PROCESS_S

from wave.drawing.png import png_from_svg
from wave.examples import EXAMPLES_DIR

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
WAVE = str(Path(sys.executable).parent / "wave")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first."""
    assert data[:8] == PNG_MAGIC
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    return struct.unpack(">II", data[16:24])


def svg_size(svg: str) -> tuple[float, float]:
    root = ET.fromstring(svg)
    return float(root.attrib["width"]), float(root.attrib["height"])


def first_pixel(data: bytes) -> tuple[int, ...]:
    """The top-left pixel of an 8-bit RGB or RGBA PNG (non-interlaced)."""
    width, _ = png_size(data)
    depth, colour = data[24], data[25]
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    row = zlib.decompress(idat)[: 1 + width * channels]
    assert row[0] in (0, 1, 2, 3, 4)  # the filter byte: each leaves the first row's first pixel as is
    return tuple(row[1 : 1 + channels])


def new_design(client) -> int:
    r = client.post("/api/designs", json=REDESIGN)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def assert_twice(png: bytes, svg: str) -> None:
    width, height = png_size(png)
    svg_w, svg_h = svg_size(svg)
    assert abs(width - 2 * svg_w) <= 2 and abs(height - 2 * svg_h) <= 2, (width, height, svg_w, svg_h)


def test_wave_png_is_the_svg_at_twice_its_size_on_white(client):
    design_id = new_design(client)
    r = client.get(f"/designs/{design_id}/wave.png")
    assert r.status_code == 200
    assert r.headers["content-type"] == "image/png"
    assert "content-disposition" not in r.headers
    assert r.content.startswith(PNG_MAGIC)
    svg = client.get(f"/designs/{design_id}/wave.svg").text
    assert_twice(r.content, svg)
    pixel = first_pixel(r.content)
    assert pixel[:3] == (255, 255, 255) and (len(pixel) == 3 or pixel[3] == 255)


def test_wave_png_download_is_named_like_the_svg(client):
    design_id = new_design(client)
    png = client.get(f"/designs/{design_id}/wave.png?download=1")
    svg = client.get(f"/designs/{design_id}/wave.svg?download=1")
    assert png.status_code == 200
    disposition = png.headers["content-disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('-wave.png"')
    assert disposition == svg.headers["content-disposition"].replace('.svg"', '.png"')


def test_wave_png_compact(client):
    design_id = new_design(client)
    r = client.get(f"/designs/{design_id}/wave.png?compact=1")
    assert r.status_code == 200
    assert_twice(r.content, client.get(f"/designs/{design_id}/wave.svg?compact=1").text)


def test_wave_png_follows_the_access_rules_of_the_svg(client, other_client, anon_client):
    design_id = new_design(client)
    for suffix in ("svg", "png"):
        url = f"/designs/{design_id}/wave.{suffix}"
        assert other_client.get(url).status_code == 404  # a stranger: it does not exist
        assert client.get(f"/designs/999999/wave.{suffix}").status_code == 404
        r = anon_client.get(url, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].split("?")[0] == "/signin"
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "view"})
    assert r.status_code == 201, r.text
    r = other_client.get(f"/designs/{design_id}/wave.png")
    assert r.status_code == 200 and r.content.startswith(PNG_MAGIC)


def test_png_from_svg_draws_what_the_svg_draws():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10">'
        '<rect x="10" y="0" width="10" height="10" fill="#000"/></svg>'
    )
    png = png_from_svg(svg)
    assert png_size(png) == (40, 20)
    assert first_pixel(png)[:3] == (255, 255, 255)


def test_export_png_from_the_cli(tmp_path):
    out, svg_out = tmp_path / "wave.png", tmp_path / "wave.svg"
    result = subprocess.run(
        [
            WAVE,
            "export",
            str(EXAMPLES_DIR / "marketing-communicatie.json"),
            "--png",
            str(out),
            "--svg",
            str(svg_out),
        ],
        capture_output=True,
        text=True,
        timeout=PROCESS_S,
    )
    assert result.returncode == 0, result.stderr
    assert_twice(out.read_bytes(), svg_out.read_text(encoding="utf-8"))
