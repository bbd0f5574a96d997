"""The team table (SPEC §9): the ten tips, the conversation cards (and their deck as
a PDF to cut out) and the words of blended learning. Pages for anyone signed in, as
the rule pages are."""

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from wave.export.deck import render_deck
from wave.teamtable import card, cards, glossary, link_terms, rules_for_card, rules_for_tip, tips
from wave.web.auth import require_caller
from wave.web.deps import LangDep
from wave.web.rendering import render_page

router = APIRouter(tags=["team table"], include_in_schema=False, dependencies=[Depends(require_caller)])


@router.get("/tips", response_class=HTMLResponse)
def tip_list(request: Request, lang: LangDep) -> Response:
    return render_page(
        request,
        "tips.html",
        {
            "tips": tips(),
            "rules": {t.number: rules_for_tip(t.number) for t in tips()},
            "link": link_terms(lang),
        },
    )


@router.get("/misconceptions", response_class=HTMLResponse)
def card_list(request: Request) -> Response:
    deck = cards()
    return render_page(
        request, "misconceptions.html", {"cards": deck, "rules": {c.id: rules_for_card(c.id) for c in deck}}
    )


@router.get("/misconceptions.pdf")
def card_deck(lang: LangDep) -> Response:
    name = "wave-gesprekskaarten.pdf" if lang == "nl" else "wave-conversation-cards.pdf"
    return Response(
        render_deck(lang),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{name}"'},
    )


@router.get("/misconceptions/{card_id}", response_class=HTMLResponse)
def card_page(card_id: str, request: Request, lang: LangDep) -> Response:
    shown = card(card_id)
    if shown is None:
        return render_page(request, "not_found.html", {}, status_code=404)
    deck = cards()
    at = deck.index(shown)
    return render_page(
        request,
        "misconceptions.html",
        {
            "cards": deck,
            "card": shown,
            "number": at + 1,
            "previous": deck[at - 1] if at > 0 else None,
            "next": deck[at + 1] if at + 1 < len(deck) else None,
            "rules": {shown.id: rules_for_card(shown.id)},
            "link": link_terms(lang),
        },
    )


@router.get("/glossary", response_class=HTMLResponse)
def word_list(request: Request) -> Response:
    return render_page(request, "glossary.html", {"glossary": glossary()})
