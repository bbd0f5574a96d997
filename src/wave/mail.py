"""Mail: password-reset and invitation links, sent through the server `WAVE_SMTP_URL`
names, with the standard library (smtplib, email). Sending blocks, so callers run it
off the event loop (a background task after the answer, in the thread pool).

Without a mail server nothing is sent: the pages say so, and an administrator passes
reset links on (`wave users reset-link`).
"""

import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import unquote, urlsplit

from wave.settings import get_settings

log = logging.getLogger("wave.mail")
TIMEOUT_S = 30
SCHEMES = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    scheme: str  # smtp, smtp+starttls, smtps
    user: str = ""
    password: str = ""


def mail_server(url: str | None = None) -> MailServer | None:
    """The server `url` (by default `WAVE_SMTP_URL`) names, or None when it names none."""
    url = get_settings().smtp_url if url is None else url
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise ValueError(f"WAVE_SMTP_URL must look like smtp://host:port, not {url!r}")
    return MailServer(
        host=parts.hostname,
        port=parts.port or SCHEMES[parts.scheme],
        scheme=parts.scheme,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
    )


def mail_enabled() -> bool:
    return mail_server() is not None


def send_mail(*, to: str, subject: str, body: str) -> bool:
    """Send a plain-text mail; False (and a line in the log) when it could not be sent,
    so that a mail server that is down never turns into an error for the person."""
    server = mail_server()
    if server is None:
        return False
    message = EmailMessage()
    message["From"] = get_settings().mail_from
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="wave")
    message.set_content(body)
    try:
        if server.scheme == "smtps":
            smtp = smtplib.SMTP_SSL(
                server.host, server.port, timeout=TIMEOUT_S, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_S)
        with smtp:
            if server.scheme == "smtp+starttls":
                smtp.starttls(context=ssl.create_default_context())
            if server.user:
                smtp.login(server.user, server.password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("could not send mail to %s through %s:%s: %s", to, server.host, server.port, exc)
        return False
    return True
