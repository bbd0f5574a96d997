"""Request dependencies as Annotated aliases."""

from typing import Annotated, Literal

from fastapi import Depends, Path, Query, Request
from sqlmodel import Session
from starlette.datastructures import FormData

from wave.catalogue import Catalogue, get_catalogue
from wave.db import get_session

SessionDep = Annotated[Session, Depends(get_session)]


# Dependencies that only look something up are `async`: FastAPI runs a plain `def` one in
# the thread pool, a hop per dependency on every request.
async def _catalogue() -> Catalogue:
    return get_catalogue()  # loaded at start-up


CatalogueDep = Annotated[Catalogue, Depends(_catalogue)]


async def _lang(request: Request) -> str:
    return request.state.lang


LangDep = Annotated[str, Depends(_lang)]


async def _reader_lang(request: Request, lang: Annotated[Literal["nl", "en"] | None, Query()] = None) -> str:
    """`?lang=` when given, else the language the pages are shown in (exports)."""
    return lang or request.state.lang


ReaderLang = Annotated[str, Depends(_reader_lang)]


async def _form(request: Request) -> FormData:
    return await request.form()


# The form, read on the event loop: the handler itself is a plain `def`, so its database,
# argon2, critic and rendering work runs in the thread pool and never blocks the loop.
FormDep = Annotated[FormData, Depends(_form)]


# Ids and version numbers are INTEGER columns (PostgreSQL: 32 bits): a larger number
# is refused with a 422 before it reaches the database.
MAX_INT = 2_147_483_647
DesignId = Annotated[int, Path(ge=1, le=MAX_INT, description="The design's id")]
CommentId = Annotated[int, Path(ge=1, le=MAX_INT, description="The comment's id")]
VersionNumber = Annotated[int, Path(ge=1, le=MAX_INT, description="A version of the design")]
UserId = Annotated[int, Path(ge=1, le=MAX_INT, description="A person's (account's) id")]
ShareId = Annotated[int, Path(ge=1, le=MAX_INT, description="A share's id")]
InvitationId = Annotated[int, Path(ge=1, le=MAX_INT, description="An invitation's id")]
ProgrammeId = Annotated[int, Path(ge=1, le=MAX_INT, description="The programme's id")]
ScanId = Annotated[int, Path(ge=1, le=MAX_INT, description="The readiness scan's id")]
