"""Request dependencies as Annotated aliases."""

from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from wave.catalogue import Catalogue, get_catalogue
from wave.db import get_session

SessionDep = Annotated[Session, Depends(get_session)]
CatalogueDep = Annotated[Catalogue, Depends(get_catalogue)]


def _lang(request: Request) -> str:
    return request.state.lang


LangDep = Annotated[str, Depends(_lang)]
