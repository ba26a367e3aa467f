"""The safe fetcher: the SSRF guard refuses before connecting, limits, charsets, URLs."""

import socket

import httpcore
import pytest

from articles import fetch
from articles.fetch import (
    ERROR_PRIVATE,
    BlockedAddressError,
    FetchError,
    FetchPolicy,
    GuardedNetworkBackend,
    address_refusal,
    canonical_url,
    decode_body,
    resolve_checked,
)


class RecordingBackend(httpcore.NetworkBackend):
    """The real socket backend, recording every address it is asked to connect to."""

    def __init__(self) -> None:
        self.connections: list[tuple[str, int]] = []
        self.real = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connections.append((host, port))
        return self.real.connect_tcp(host, port, timeout, local_address, socket_options)

    def sleep(self, seconds: float) -> None:
        self.real.sleep(seconds)


def fake_dns(table: dict[str, list[str]]):
    """A resolver we control: names resolve to the addresses we say, nothing goes out."""
    lookups = []

    def resolve(host, port, family=0, type=0, proto=0, flags=0):
        lookups.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in table[host]
        ]

    resolve.lookups = lookups
    return resolve


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "0.0.0.0",
        "100.64.0.1",  # carrier-grade NAT
        "127.0.0.1",
        "127.1.2.3",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.10",  # documentation
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:a00:1::",  # 6to4 of 10.0.0.1
        "ff02::1",
        "2001:db8::1",
    ],
)
def test_private_loopback_link_local_and_reserved_addresses_are_refused(address):
    assert address_refusal(address) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address):
    assert address_refusal(address) is None


@pytest.mark.parametrize("address", ["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"])
def test_allowing_loopback_allows_loopback(address):
    assert address_refusal(address, allow_loopback=True) is None


@pytest.mark.parametrize(
    "address", ["0.0.0.0", "10.0.0.1", "169.254.169.254", "::", "fe80::1", "240.0.0.1"]
)
def test_allowing_loopback_allows_nothing_else(address):
    assert address_refusal(address, allow_loopback=True) is not None


def test_a_name_resolving_to_a_private_address_is_refused_without_connecting():
    dns = fake_dns({"intranet.example": ["10.0.0.7"]})
    recorder = RecordingBackend()
    backend = GuardedNetworkBackend(resolver=dns, backend=recorder)
    with pytest.raises(FetchError) as caught:
        fetch.fetch(
            "http://intranet.example/salaries", policy=FetchPolicy(), network_backend=backend
        )
    assert str(caught.value) == ERROR_PRIVATE
    assert dns.lookups == ["intranet.example"]
    assert recorder.connections == []


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    dns = fake_dns({"mixed.example": ["93.184.216.34", "192.168.0.10"]})
    with pytest.raises(BlockedAddressError) as caught:
        resolve_checked("mixed.example", 80, resolver=dns)
    assert caught.value.address == "192.168.0.10"


def test_a_public_name_resolves_to_its_checked_addresses():
    dns = fake_dns({"news.example": ["93.184.216.34"]})
    assert resolve_checked("news.example", 443, resolver=dns) == ["93.184.216.34"]


def test_an_unknown_name_says_the_address_could_not_be_found():
    with pytest.raises(FetchError, match="could not be found") as caught:
        resolve_checked("nowhere.example", 80, resolver=fake_dns({}))
    assert not caught.value.retryable


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0:80/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::1]/",
        "http://127.0.0.1/",
        "https://[fe80::1]/",
    ],
)
def test_numeric_private_hosts_are_refused_before_any_connection(url, monkeypatch):
    monkeypatch.delenv("CLAIMTRACK_FETCH_ALLOW_LOOPBACK", raising=False)
    recorder = RecordingBackend()
    backend = GuardedNetworkBackend(backend=recorder)
    with pytest.raises(BlockedAddressError):
        fetch.fetch(url, policy=FetchPolicy.from_environment(), network_backend=backend)
    assert recorder.connections == []


def test_loopback_needs_the_environment_variable(page_server, monkeypatch):
    monkeypatch.delenv("CLAIMTRACK_FETCH_ALLOW_LOOPBACK")
    with pytest.raises(FetchError, match="private network address"):
        fetch.fetch(page_server.url("/en/article.html"), policy=FetchPolicy.from_environment())
    assert page_server.requests == []
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_LOOPBACK", "1")
    page = fetch.fetch(page_server.url("/en/article.html"), policy=FetchPolicy.from_environment())
    assert page.status_code == 200 and b"Harbour authority" in page.body


@pytest.mark.parametrize(
    "path", ["/redirect-to-private", "/redirect-to-metadata", "/redirect-to-mapped"]
)
def test_a_redirect_to_a_private_address_is_refused_before_connecting(page_server, path):
    recorder = RecordingBackend()
    backend = GuardedNetworkBackend(allow_loopback=True, backend=recorder)
    with pytest.raises(BlockedAddressError):
        fetch.fetch(page_server.url(path), policy=FetchPolicy(), network_backend=backend)
    # Only the fixture server (loopback) was ever connected to.
    assert recorder.connections == [("127.0.0.1", page_server.port)]


def test_a_redirect_to_0_0_0_0_is_refused_even_with_loopback_allowed(page_server):
    recorder = RecordingBackend()
    backend = GuardedNetworkBackend(allow_loopback=True, backend=recorder)
    with pytest.raises(BlockedAddressError) as caught:
        fetch.fetch(
            page_server.url("/redirect-to-zero"), policy=FetchPolicy(), network_backend=backend
        )
    assert caught.value.address == "0.0.0.0"
    assert recorder.connections == [("127.0.0.1", page_server.port)]
    assert page_server.hits("/en/article.html") == 0


def test_redirects_are_followed_to_the_final_page(page_server):
    page = fetch.fetch(
        page_server.url("/redirect-to-article"), policy=FetchPolicy(allow_loopback=True)
    )
    assert page.url == page_server.url("/en/article.html")


@pytest.mark.parametrize(
    "url, error",
    [
        ("ftp://example.org/file", fetch.ERROR_SCHEME),
        ("file:///etc/passwd", fetch.ERROR_SCHEME),
        ("javascript:alert(1)", fetch.ERROR_SCHEME),
        ("not a link", fetch.ERROR_INVALID_URL),
        ("http://user:secret@example.org/", fetch.ERROR_CREDENTIALS),
        ("http://example.org:99999/", fetch.ERROR_INVALID_URL),
        ("http://example.org/a\x00b", fetch.ERROR_INVALID_URL),
        ("http://example.org/\ud800", fetch.ERROR_INVALID_URL),
        ("http://exa\x01mple.org/", fetch.ERROR_INVALID_URL),
        ("https://xn--/", fetch.ERROR_INVALID_URL),  # not punycode: failed only when fetched
        ("https://xn--zz.example/", fetch.ERROR_INVALID_URL),
    ],
)
def test_links_that_can_never_be_fetched_are_refused(url, error):
    with pytest.raises(FetchError) as caught:
        canonical_url(url)
    assert str(caught.value) == error


@pytest.mark.parametrize(
    "url, canonical",
    [
        ("HTTPS://WWW.Example.ORG:443/a?b=2&a=1#top", "https://www.example.org/a?a=1&b=2"),
        ("http://example.org/news?utm_source=x&utm_medium=y&id=4", "http://example.org/news?id=4"),
        ("http://example.org", "http://example.org/"),
        ("http://example.org:8080/x?fbclid=abc", "http://example.org:8080/x"),
        ("http://exämple.org/", "http://xn--exmple-cua.org/"),
    ],
)
def test_canonical_links_ignore_case_ports_fragments_and_tracking(url, canonical):
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(
    "page, canonical, same",
    [
        ("https://www.lemonde.fr/a", "https://lemonde.fr/b", True),
        ("https://news.bbc.co.uk/1", "https://www.bbc.co.uk/2", True),
        ("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/b", True),
        ("https://attacker.example/x", "https://victim.example/x", False),
        ("https://evil.co.uk/", "https://bbc.co.uk/", False),
        ("https://alice.github.io/post", "https://bob.github.io/post", False),
        ("http://127.0.0.1/a", "http://localhost/a", False),
        ("https://example.org/", "", False),
    ],
)
def test_same_site_means_the_same_registrable_domain(page, canonical, same):
    assert fetch.same_site(page, canonical) is same


def test_valid_utf8_wins_over_a_wrong_latin1_declaration():
    assert decode_body("Élodie à Brévent".encode(), "iso-8859-1") == "Élodie à Brévent"


def test_latin1_bytes_declared_utf8_are_read_as_latin1():
    assert decode_body("Élodie à Brévent".encode("latin-1"), "utf-8") == "Élodie à Brévent"


def test_the_page_meta_charset_is_used_when_the_header_has_none():
    body = '<meta charset="iso-8859-15"><p>Coût : 5 €</p>'.encode("iso-8859-15")
    assert "Coût : 5 €" in decode_body(body, None)


def test_a_declared_size_above_the_cap_is_refused_before_reading(page_server):
    with pytest.raises(FetchError, match="larger than 5 MB"):
        fetch.fetch(page_server.url("/huge"), policy=FetchPolicy(allow_loopback=True))


def test_a_body_without_length_is_cut_at_the_cap(page_server):
    policy = FetchPolicy(allow_loopback=True, max_bytes=256 * 1024)
    with pytest.raises(FetchError, match="larger than 0.25 MB"):
        fetch.fetch(page_server.url("/huge-no-length"), policy=policy)


def test_a_page_that_drips_slowly_hits_the_total_deadline(page_server):
    policy = FetchPolicy(allow_loopback=True, read_timeout=1, total_timeout=1)
    with pytest.raises(FetchError, match="more than 1 seconds") as caught:
        fetch.fetch(page_server.url("/drip"), policy=policy)
    assert caught.value.retryable
