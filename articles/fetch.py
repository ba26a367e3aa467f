"""Fetching a web page for claimtrack, safely.

Journalists paste links and feeds list them: claimtrack fetches addresses chosen by others,
so it must never be turned into a way to reach the machines around it (SSRF). Every TCP
connection, including each redirect hop, goes through :class:`GuardedNetworkBackend`, which
resolves the host name itself, refuses the whole host when any of its addresses is private,
loopback, link-local, unspecified or reserved, and then connects to the very address it
checked (no second DNS lookup that could answer differently). Redirects are followed by hand
so that each Location is checked the same way.

Every failure is a :class:`FetchError` whose message is a sentence a journalist can act on,
and which says whether trying again later could help (``retryable``).

This module does not import Django: the caller passes a :class:`FetchPolicy`.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpcore
import httpx
from django.utils.translation import gettext_noop
from publicsuffixlist import PublicSuffixList

MB = 1024 * 1024
ALLOW_LOOPBACK_ENV = "CLAIMTRACK_FETCH_ALLOW_LOOPBACK"

# FetchError messages are English sentences: stored as they are on an article that failed
# (by a worker), and translated where they are shown, gettext(message), which finds the
# fixed ones below in the catalogue (canonical_url's are answered to a form or the API).
ERROR_PRIVATE = gettext_noop("This link points to a private network address and was refused.")
ERROR_SCHEME = gettext_noop("Only web addresses starting with http:// or https:// can be fetched.")
ERROR_INVALID_URL = gettext_noop(
    "This is not a valid web address. Check the link and submit it again."
)
ERROR_CREDENTIALS = gettext_noop("Links containing a user name or password are not accepted.")
ERROR_TOO_LONG = gettext_noop("This link is too long to be stored (more than 2,000 characters).")
ERROR_TOO_MANY_REDIRECTS = gettext_noop("The link redirects too many times; it may be broken.")
ERROR_EMPTY = gettext_noop("The page is empty: the site sent no content.")
ERROR_DAMAGED = gettext_noop("The site sent a damaged response that could not be read.")

# Content types we read, by the kind of document the caller expects.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "text/html",  # some sites serve their feed with the wrong type; feedparser decides
        "text/plain",
    }
)

# Query parameters that only track the reader: dropped from canonical URLs.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga", "at_medium"}
)
TRACKING_PREFIXES = ("utm_", "at_", "xtor")

# NAT64 (RFC 6052) embeds an IPv4 address in the last 32 bits.
NAT64 = ipaddress.ip_network("64:ff9b::/96")

Resolver = Callable[..., list]


class FetchError(Exception):
    """A page could not be fetched; ``str(error)`` is a sentence for a journalist."""

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable


class BlockedAddressError(FetchError):
    """The host resolves to an address claimtrack must not connect to."""

    def __init__(self, address: str) -> None:
        super().__init__(ERROR_PRIVATE)
        self.address = address


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of one fetch. ``from_environment`` builds the production one."""

    max_bytes: int = 5 * MB
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    max_redirects: int = 5
    allow_loopback: bool = False
    user_agent: str = "claimtrack/1.0 (news claim tracker; +https://github.com/claimtrack)"

    @classmethod
    def from_environment(cls, **overrides) -> FetchPolicy:
        """The policy with CLAIMTRACK_FETCH_ALLOW_LOOPBACK read now from the environment.

        Read at each fetch, not once at start-up, so that only a process started with the
        variable set (a test, a local demo) may reach 127.0.0.0/8 and ::1.
        """
        value = os.environ.get(ALLOW_LOOPBACK_ENV, "").strip().lower()
        overrides.setdefault("allow_loopback", value in {"1", "true", "yes", "on"})
        return cls(**overrides)

    @property
    def max_megabytes(self) -> str:
        return f"{self.max_bytes / MB:g} MB"


@dataclass
class FetchedPage:
    """What the site sent, once the limits and the content type are checked."""

    url: str  # the final address, after redirects
    status_code: int
    content_type: str
    charset: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status_code == 304


# --- addresses ---------------------------------------------------------------------------


def address_refusal(address: str, *, allow_loopback: bool = False) -> str | None:
    """Why claimtrack must not connect to this IP address, or None when it may.

    Only globally routable unicast addresses are allowed. IPv4 addresses wrapped in IPv6
    (IPv4-mapped, NAT64, 6to4, Teredo) are judged by the IPv4 address inside. With
    ``allow_loopback`` the loopback addresses (127.0.0.0/8, ::1) are allowed, nothing else.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_refusal(str(embedded), allow_loopback=allow_loopback)
    if ip.is_loopback:
        return None if allow_loopback else "loopback"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private or not ip.is_global:
        return "private"
    return None


def resolve_checked(
    host: str,
    port: int,
    *,
    allow_loopback: bool = False,
    resolver: Resolver = socket.getaddrinfo,
) -> list[str]:
    """The addresses of ``host``, after checking every one of them; nothing is connected.

    A host with a single refused address among several is refused as a whole: a name that
    mixes public and private records is an attack, not a misconfiguration to work around.
    """
    host = host.strip("[]")
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        addresses = [host]  # a numeric host: no DNS
    except ValueError:
        try:
            infos = resolver(host, port, 0, socket.SOCK_STREAM)
        except socket.gaierror as error:
            temporary = error.errno == socket.EAI_AGAIN
            raise FetchError(
                f"The site’s address ({host}) could not be found. Check the link."
                if not temporary
                else f"The site’s address ({host}) could not be looked up just now.",
                retryable=temporary,
            ) from None
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(f"The site’s address ({host}) could not be found. Check the link.")
    for address in addresses:
        if address_refusal(address, allow_loopback=allow_loopback) is not None:
            raise BlockedAddressError(address)
    return addresses


class GuardedNetworkBackend(httpcore.NetworkBackend):
    """httpcore's network backend with the address check in front of every connection."""

    def __init__(
        self,
        *,
        allow_loopback: bool = False,
        resolver: Resolver = socket.getaddrinfo,
        backend: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.allow_loopback = allow_loopback
        self.resolver = resolver
        self.backend = backend or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve_checked(
            host, port, allow_loopback=self.allow_loopback, resolver=self.resolver
        )
        last_error: Exception | None = None
        for address in addresses:
            try:
                return self.backend.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as error:
                last_error = error
        assert last_error is not None
        raise last_error

    def connect_unix_socket(self, path: str, timeout=None, socket_options=None):
        raise BlockedAddressError(path)

    def sleep(self, seconds: float) -> None:
        self.backend.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport, connecting only through :class:`GuardedNetworkBackend`."""

    def __init__(self, network_backend: GuardedNetworkBackend) -> None:
        super().__init__(trust_env=False, retries=0)
        # httpx 0.28 does not take a network backend; its pool is rebuilt with ours and the
        # same TLS context. tests/articles/test_fetch.py fails if this stops being used.
        self._pool = httpcore.ConnectionPool(
            ssl_context=self._pool._ssl_context,
            max_connections=4,
            max_keepalive_connections=0,
            network_backend=network_backend,
        )


# --- URLs --------------------------------------------------------------------------------


# Control characters (whitespace aside: it is percent-encoded below) and lone surrogates
# never belong in a link, and PostgreSQL could not store a NUL.
_UNSTORABLE_IN_URL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")


def canonical_url(url: str) -> str:
    """The form of a link used to recognise it: scheme and host lower-case, default port,
    fragment and tracking parameters dropped. Raises FetchError for links we never fetch."""
    url = (url or "").strip()
    if _UNSTORABLE_IN_URL.search(url):
        raise FetchError(ERROR_INVALID_URL)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(ERROR_INVALID_URL) from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError(ERROR_SCHEME if scheme else ERROR_INVALID_URL)
    if parts.username is not None or parts.password is not None:
        raise FetchError(ERROR_CREDENTIALS)
    host = (parts.hostname or "").rstrip(".")
    if not host or any(ch.isspace() for ch in host):
        raise FetchError(ERROR_INVALID_URL)
    try:
        host = host.encode("idna").decode("ascii").lower()
        # An A-label that is not valid punycode ("xn--") would fail only when fetched.
        for label in host.split("."):
            if label.startswith("xn--"):
                label.encode("ascii").decode("idna")
    except UnicodeError:
        if ":" not in host:  # IPv6 literals are not IDNA-encodable and need not be
            raise FetchError(ERROR_INVALID_URL) from None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, {"http": 80, "https": 443}[scheme]) else f"{host}:{port}"
    query = urlencode(
        sorted(
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if key.lower() not in TRACKING_PARAMS and not key.lower().startswith(TRACKING_PREFIXES)
        )
    )
    path = re.sub(r"\s", lambda m: f"%{ord(m.group()):02X}", parts.path) or "/"
    canonical = urlunsplit((scheme, netloc, path, query, ""))
    if len(canonical) > 2000:
        raise FetchError(ERROR_TOO_LONG)
    return canonical


def url_host(url: str) -> str:
    """The host of a link without a leading www., e.g. lemonde.fr."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


@cache
def _public_suffixes() -> PublicSuffixList:
    return PublicSuffixList()  # the list bundled with the package: nothing is downloaded


def registrable_domain(host: str) -> str:
    """The part of a host name that one owner registered (Public Suffix List, private
    suffixes included): bbc.co.uk for news.bbc.co.uk, alice.github.io for itself. An IP
    address, or a name that is itself a public suffix, is its own site."""
    host = host.strip("[]").rstrip(".").lower()
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        return host
    except ValueError:
        pass
    return _public_suffixes().privatesuffix(host) or host


def same_site(url: str, other: str) -> bool:
    """Whether two links are on the same site: the same registrable domain (ports and
    schemes aside)."""
    try:
        hosts = [urlsplit(link).hostname for link in (url, other)]
    except ValueError:
        return False
    if not all(hosts):
        return False
    return registrable_domain(hosts[0]) == registrable_domain(hosts[1])


# --- fetching ----------------------------------------------------------------------------


def _http_error(status: int) -> FetchError:
    if status in (404, 410):
        return FetchError(f"The page could not be found (HTTP {status}). Check the link.")
    if status in (401, 402, 403):
        return FetchError(
            f"The site refused to give us this page (HTTP {status}): it may be behind a "
            "paywall or a login. Paste the article text instead."
        )
    if status == 429:
        return FetchError(
            "The site asked us to slow down (HTTP 429). Try again later.", retryable=True
        )
    if status >= 500:
        return FetchError(
            f"The site had a problem and could not send the page (HTTP {status}). Try again later.",
            retryable=True,
        )
    return FetchError(f"The site refused the request (HTTP {status}).")


def _not_a_page(content_type: str) -> FetchError:
    kind = content_type.split("/", 1)[0]
    if content_type == "application/pdf":
        what = "a PDF document"
    elif kind in {"image", "audio", "video"}:
        what = f"an {kind} file" if kind in {"image", "audio"} else "a video file"
    else:
        what = f"a file ({content_type})" if content_type else "a file"
    return FetchError(f"This link leads to {what}, not a web page. Paste the article text instead.")


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head[:2048]


def _sniff(head: bytes) -> str:
    start = head[:1024].lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "text/html"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed")):
        return "application/xml"
    return ""


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    accept: frozenset[str] = HTML_TYPES,
    headers: dict[str, str] | None = None,
    network_backend: GuardedNetworkBackend | None = None,
) -> FetchedPage:
    """GET ``url`` within the policy's limits, following redirects by hand.

    Raises FetchError for anything that is not a readable page of an accepted type.
    ``network_backend`` lets tests watch (or refuse) connections.
    """
    backend = network_backend or GuardedNetworkBackend(allow_loopback=policy.allow_loopback)
    deadline = time.monotonic() + policy.total_timeout
    timeout = httpx.Timeout(
        policy.read_timeout, connect=policy.connect_timeout, pool=policy.connect_timeout
    )
    request_headers = {
        "User-Agent": policy.user_agent,
        "Accept": ", ".join(sorted(accept)) + ", */*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
        **(headers or {}),
    }
    current = canonical_url(url)
    try:
        with httpx.Client(
            transport=GuardedTransport(backend),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers=request_headers,
        ) as client:
            for _hop in range(policy.max_redirects + 1):
                with client.stream("GET", current) as response:
                    if response.has_redirect_location:
                        location = response.headers["location"]
                        current = canonical_url(urljoin(current, location))
                        continue
                    return _read(response, current, policy, accept, deadline)
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise FetchError(
            "The site took too long to answer. Try again later.", retryable=True
        ) from None
    except httpx.ConnectError as error:
        if "CERTIFICATE" in str(error).upper() or "SSL" in str(error).upper():
            raise FetchError(
                "The site’s security certificate could not be verified, so the page was "
                "not fetched."
            ) from None
        raise FetchError(
            "The site could not be reached (the connection failed). Try again later.",
            retryable=True,
        ) from None
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
        raise FetchError(
            "The site closed the connection before sending the whole page. Try again later.",
            retryable=True,
        ) from None
    except httpx.DecodingError:
        raise FetchError(ERROR_DAMAGED) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        raise FetchError(ERROR_INVALID_URL) from None
    raise FetchError(ERROR_TOO_MANY_REDIRECTS)


def _read(
    response: httpx.Response,
    url: str,
    policy: FetchPolicy,
    accept: frozenset[str],
    deadline: float,
) -> FetchedPage:
    status = response.status_code
    headers = {key.lower(): value for key, value in response.headers.items()}
    if status == 304:
        return FetchedPage(url, status, "", None, b"", headers)
    if status >= 400 or status < 200:
        raise _http_error(status)

    declared = headers.get("content-type", "")
    content_type = declared.split(";", 1)[0].strip().lower()
    charset_match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", declared, re.I)
    charset = charset_match.group(1) if charset_match else None
    if content_type and content_type not in accept:
        raise _not_a_page(content_type)

    length = headers.get("content-length", "")
    if length.isdigit() and int(length) > policy.max_bytes:
        raise FetchError(f"The page is larger than {policy.max_megabytes}; it was not fetched.")

    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(f"The page is larger than {policy.max_megabytes}; it was not fetched.")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise FetchError(
                f"The site took more than {policy.total_timeout:g} seconds to send the page. "
                "Try again later.",
                retryable=True,
            )
    body = b"".join(chunks)
    if not body.strip():
        raise FetchError(ERROR_EMPTY)
    if _looks_binary(body):
        raise _not_a_page(content_type if content_type not in HTML_TYPES else "")
    if not content_type:
        content_type = _sniff(body)
        if not content_type:
            raise _not_a_page("")
    return FetchedPage(url, status, content_type, charset, body, headers)


# --- decoding ----------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _decodes(body: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_body(body: bytes, declared: str | None = None) -> str:
    """The text of a page, whatever its declared charset claims.

    Valid UTF-8 wins (a page declared Latin-1 that is really UTF-8 is common; the reverse
    decoding by chance is vanishingly rare), then the HTTP charset, then the page's own
    <meta charset>, then Windows-1252, which decodes any byte.
    """
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if body.startswith(bom):
            text = _decodes(body, encoding)
            if text is not None:
                return text
    meta = _META_CHARSET.search(body[:4096])
    for encoding in ("utf-8", declared, meta.group(1).decode("ascii") if meta else None):
        text = _decodes(body, encoding)
        if text is not None:
            return text
    return body.decode("cp1252", errors="replace")
