"""The design as an LMS course skeleton: an IMS Common Cartridge 1.3 package
(`.imscc`, SPEC §7) that Moodle, Canvas and Brightspace import.

    data = render_imscc(design, catalogue, lang="nl")

The package is a zip with `imsmanifest.xml` at its root. Its organization holds one
module (an item with items inside) per phase and one item per activity, each
pointing at a resource of its own:

- a `discussion` activity -> a discussion topic (`imsdt_xmlv1p3`);
- a `production` activity -> an assignment (`assignment_xmlv1p0`, the CC 1.3
  assignment extension; gradable when the catalogue calls it a summative one);
- every other activity -> a web page (`webcontent`).

Each says what students do (the catalogue's description and the teacher's notes),
the mode, the timing, the minutes and the goals. Each resource carries the learning
type, mode and timing as metadata (LOM keywords `wave:learning-type=discussion`,
`wave:mode=online`, `wave:timing=sync`, `wave:minutes=30`, in the resource's own
LOM), and the page repeats them as `<meta>` elements, so an LMS that drops the
metadata still has them. Nothing is fetched: the pages have no links and no styles
from elsewhere.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree as ET
from markupsafe import escape

from wave.catalogue import Catalogue
from wave.format import Design, Phase, PlacedActivity
from wave.i18n import N_, translate
from wave.vocabulary import label

CP = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
LOM_RESOURCE = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DISCUSSION = "http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3"
ASSIGNMENT = "http://www.imsglobal.org/xsd/imscc_extensions/assignment"
SCHEMA_LOCATION = (
    f"{CP} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd "
    f"{LOM_MANIFEST} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd "
    f"{LOM_RESOURCE} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd"
)
WEB_PAGE, TOPIC, TASK = "webcontent", "imsdt_xmlv1p3", "assignment_xmlv1p0"
MANIFEST_NAMES = {None: CP, "lomimscc": LOM_MANIFEST, "lomr": LOM_RESOURCE, "xsi": XSI}

TEXTS = {
    "what": N_("What students do"),
    "notes": N_("Notes from the teacher"),
    "goals": N_("Goals"),
    "mode": N_("Mode"),
    "timing": N_("Timing"),
    "minutes": N_("Minutes"),
    "learning_type": N_("Learning type"),
    "made": N_("Made with Wave: one module per phase, one item per activity."),
}


def resource_type(learning_type: str | None) -> str:
    return {"discussion": TOPIC, "production": TASK}.get(learning_type or "", WEB_PAGE)


def _el(parent, ns: str, tag: str, text: str | None = None, **attrs: str):
    element = ET.SubElement(parent, f"{{{ns}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _lang_string(parent, ns: str, tag: str, text: str, lang: str) -> None:
    _el(_el(parent, ns, tag), ns, "string", text, language=lang)


def _facts(placed: PlacedActivity, learning_type: str | None) -> dict[str, str]:
    return {
        "learning-type": learning_type or "",
        "mode": placed.mode,
        "timing": placed.timing or "",
        "minutes": str(placed.minutes or 0),
    }


def _body(design: Design, placed: PlacedActivity, description: str | None, learning_type, lang: str) -> str:
    """The HTML that says what students do: the page's body, the topic's or task's text."""
    words = lambda key: escape(translate(lang, TEXTS[key]))  # noqa: E731
    goals = {g.id: g.text for g in design.goals}
    parts = [f"<h1>{escape(placed.title or '')}</h1>"]
    if description:
        parts.append(f"<h2>{words('what')}</h2><p>{escape(description)}</p>")
    parts.append(
        "<ul>"
        f"<li>{words('mode')}: {escape(label(placed.mode, lang))}</li>"
        f"<li>{words('timing')}: {escape(label(placed.timing or 'async', lang))}</li>"
        f"<li>{words('minutes')}: {placed.minutes or 0}</li>"
        + (
            f"<li>{words('learning_type')}: {escape(label(learning_type, lang))}</li>"
            if learning_type
            else ""
        )
        + "</ul>"
    )
    mine = [goals[g] for g in placed.goals if g in goals]
    if mine:
        parts.append(
            f"<h2>{words('goals')}</h2><ul>" + "".join(f"<li>{escape(g)}</li>" for g in mine) + "</ul>"
        )
    if placed.notes:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in placed.notes.split("\n") if p.strip())
        parts.append(f"<h2>{words('notes')}</h2>{paragraphs}")
    return "\n".join(parts)


def _page(body: str, placed: PlacedActivity, facts: dict[str, str], lang: str) -> bytes:
    metas = "".join(f'<meta name="wave:{k}" content="{escape(v)}">' for k, v in facts.items())
    html = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(placed.title or '')}</title>{metas}</head>\n<body>\n{body}\n</body></html>\n"
    )
    return html.encode("utf-8")


def _xml(root) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)


def _topic(title: str, body: str) -> bytes:
    root = ET.Element(f"{{{DISCUSSION}}}topic", nsmap={None: DISCUSSION})
    _el(root, DISCUSSION, "title", title)
    _el(root, DISCUSSION, "text", body, texttype="text/html")
    return _xml(root)


def _task(identifier: str, title: str, body: str, gradable: bool) -> bytes:
    root = ET.Element(f"{{{ASSIGNMENT}}}assignment", {"identifier": identifier}, nsmap={None: ASSIGNMENT})
    _el(root, ASSIGNMENT, "title", title)
    _el(root, ASSIGNMENT, "text", body, texttype="text/html")
    _el(root, ASSIGNMENT, "gradable", "true" if gradable else "false")
    return _xml(root)


def _metadata(resource, placed: PlacedActivity, facts: dict[str, str], lang: str) -> None:
    lom = _el(_el(resource, CP, "metadata"), LOM_RESOURCE, "lom")
    general = _el(lom, LOM_RESOURCE, "general")
    _lang_string(general, LOM_RESOURCE, "title", placed.title or "", lang)
    for key, value in facts.items():
        if value:
            _lang_string(general, LOM_RESOURCE, "keyword", f"wave:{key}={value}", lang)


def render_imscc(design: Design, catalogue: Catalogue, *, lang: str) -> bytes:
    manifest = ET.Element(
        f"{{{CP}}}manifest",
        {"identifier": "wave-design", f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION},
        nsmap=MANIFEST_NAMES,
    )
    metadata = _el(manifest, CP, "metadata")
    _el(metadata, CP, "schema", "IMS Common Cartridge")
    _el(metadata, CP, "schemaversion", "1.3.0")
    general = _el(_el(metadata, LOM_MANIFEST, "lom"), LOM_MANIFEST, "general")
    _lang_string(general, LOM_MANIFEST, "title", design.title, lang)
    _lang_string(general, LOM_MANIFEST, "description", translate(lang, TEXTS["made"]), lang)
    organization = _el(
        _el(manifest, CP, "organizations"), CP, "organization", identifier="org", structure="rooted-hierarchy"
    )
    root = _el(organization, CP, "item", identifier="root")
    resources = _el(manifest, CP, "resources")
    files: dict[str, bytes] = {}
    for n, phase in enumerate(design.phases, start=1):
        _module(design, phase, n, root, resources, files, catalogue, lang)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("imsmanifest.xml", _xml(manifest))
        for path, data in files.items():
            package.writestr(path, data)
    return out.getvalue()


def _module(design, phase: Phase, n: int, root, resources, files, catalogue: Catalogue, lang: str) -> None:
    module = _el(root, CP, "item", identifier=f"module-{n}")
    _el(module, CP, "title", phase.title)
    folder = f"phase-{n:02d}"
    for m, placed in enumerate(phase.activities, start=1):
        entry = catalogue.get(placed.activity)
        learning_type = placed.learning_type or (entry.learning_type if entry else None)
        facts = _facts(placed, learning_type)
        kind = resource_type(learning_type)
        key = f"{n:02d}-{m:03d}"
        body = _body(design, placed, entry.description(lang) if entry else None, learning_type, lang)
        item = _el(module, CP, "item", identifier=f"item-{key}", identifierref=f"resource-{key}")
        _el(item, CP, "title", placed.title or "")
        if kind == WEB_PAGE:
            path = f"{folder}/activity-{m:03d}.html"
            files[path] = _page(body, placed, facts, lang)
            resource = _el(resources, CP, "resource", identifier=f"resource-{key}", type=kind, href=path)
        elif kind == TOPIC:
            path = f"{folder}/activity-{m:03d}-topic.xml"
            files[path] = _topic(placed.title or "", body)
            resource = _el(resources, CP, "resource", identifier=f"resource-{key}", type=kind)
        else:
            path = f"{folder}/activity-{m:03d}-assignment.xml"
            gradable = entry is not None and entry.assessment == "summative"
            files[path] = _task(f"assignment-{key}", placed.title or "", body, gradable)
            resource = _el(resources, CP, "resource", identifier=f"resource-{key}", type=kind)
        _metadata(resource, placed, facts, lang)
        _el(resource, CP, "file", href=path)
