"""A real SMTP server on loopback for the tests (aiosmtpd), and Wave pointed at it.

`mail_server` (a fixture, from `use_mail_server`) starts one on a free port of
127.0.0.1, sets `WAVE_SMTP_URL` to it for the test and yields its `Inbox`; the app
reads the setting when it sends, so the session's app and server process are the same."""

import email
import re
import socket
import threading
from email import policy
from email.message import EmailMessage

import pytest
from webfixtures import REQUEST_S

LINK = re.compile(r"https?://\S+")


class Inbox:
    """What the server received, as parsed messages; waits end when the mail is there."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self._arrived:
            self.messages.append(message)
            self._arrived.notify_all()
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        with self._arrived:  # an RLock: also inside wait_for
            return [m for m in self.messages if m["To"] == address]

    def wait_for(self, address: str, count: int = 1) -> EmailMessage:
        """The `count`-th mail to `address`, once it has arrived."""
        with self._arrived:
            arrived = self._arrived.wait_for(lambda: len(self.to(address)) >= count, timeout=REQUEST_S)
            assert arrived, f"no mail number {count} to {address}; got {[m['To'] for m in self.messages]}"
            return self.to(address)[count - 1]


def link_in(message: EmailMessage) -> str:
    found = LINK.findall(message.get_content())
    assert len(found) == 1, message.get_content()
    return found[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def mail_server(monkeypatch):
    from aiosmtpd.controller import Controller

    from wave.settings import get_settings

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    monkeypatch.setenv("WAVE_SMTP_URL", f"smtp://127.0.0.1:{controller.port}")
    monkeypatch.setenv("WAVE_MAIL_FROM", "Wave op school <wave@school.example>")
    get_settings.cache_clear()
    try:
        yield inbox
    finally:
        controller.stop()
        monkeypatch.delenv("WAVE_SMTP_URL")
        monkeypatch.delenv("WAVE_MAIL_FROM")
        get_settings.cache_clear()
