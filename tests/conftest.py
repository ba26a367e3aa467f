import pytest
from django.contrib.auth.models import Group, Permission

from claims.models import Rating
from claims.roles import EDITORS, JOURNALISTS, roles_and_scale_ensure
from claimtrack.celery import app as celery_app


@pytest.fixture(autouse=True, scope="session")
def celery_tasks_run_in_process():
    """Unit tests run Celery tasks in-process; tests/integration uses a real worker."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def fresh_public_cache():
    """Each test starts with no cached public page (the cache may be a shared Redis)."""
    from claims.public.cache import public_cache_reset

    public_cache_reset()


@pytest.fixture(autouse=True)
def fresh_public_api_allowance():
    """Each test starts with the whole allowance of the public API's throttle for the test
    client's address (the count lives in the default cache, maybe a shared Redis)."""
    from django.core.cache import cache

    from claims.public.api import PublicAPIThrottle

    cache.delete(PublicAPIThrottle.cache_format % {"scope": "public_api", "ident": "127.0.0.1"})


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request in French leaves French active in
    its thread (LocaleMiddleware activates it), and commands run in the active language."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing is deliberately slow; tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def roles(db):
    """Groups and rating scale as the migrations make them (a flushed database loses them)."""
    roles_and_scale_ensure(group_model=Group, permission_model=Permission, rating_model=Rating)


@pytest.fixture
def ratings(roles) -> dict[str, Rating]:
    return {r.slug: r for r in Rating.objects.all()}


def _member(username: str, group: str):
    from tests.factories import UserFactory

    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def journalist(roles):
    return _member("jo", JOURNALISTS)


@pytest.fixture
def other_journalist(roles):
    return _member("olga", JOURNALISTS)


@pytest.fixture
def editor(roles):
    return _member("eddie", EDITORS)


@pytest.fixture
def editor2(roles):
    return _member("edna", EDITORS)


@pytest.fixture
def journalist_client(client, journalist):
    client.force_login(journalist)
    return client


# --- Network: no test may send traffic outside loopback ----------------------------------

_LOCAL_NAMES = {"localhost", "localhost.localdomain", ""}


def _is_loopback_host(host) -> bool:
    import ipaddress

    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or str(host).lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _refuse_off_loopback(event: str, args: tuple) -> None:
    """Audit hook: any connection (or DNS lookup of a name) off loopback fails the test."""
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and not _is_loopback_host(address[0]):
            raise RuntimeError(f"test tried to connect off loopback: {address!r}")
    elif event == "socket.getaddrinfo":
        host = args[0]
        if not _is_loopback_host(host):
            try:
                import ipaddress

                ipaddress.ip_address(str(host))  # a numeric host needs no DNS
            except ValueError:
                raise RuntimeError(f"test tried a DNS lookup of {host!r}") from None


@pytest.fixture(autouse=True, scope="session")
def no_traffic_off_loopback():
    """Installed once for the whole run (audit hooks cannot be removed)."""
    import sys

    sys.addaudithook(_refuse_off_loopback)


# --- A local web server of fixture pages (tests/fixtures/server.py) ----------------------


@pytest.fixture(scope="session")
def _page_server_session():
    from tests.fixtures.server import start_page_server, stop_page_server

    server = start_page_server()
    yield server
    stop_page_server(server)


@pytest.fixture
def page_server(_page_server_session, monkeypatch, settings):
    """The fixture page server, fetchable: loopback allowed, short timeouts."""
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_LOOPBACK", "1")
    settings.CLAIMTRACK_FETCH_READ_TIMEOUT = 1.0
    settings.CLAIMTRACK_FETCH_TOTAL_TIMEOUT = 2.0
    settings.CLAIMTRACK_FETCH_RETRY_DELAY = 0.0
    _page_server_session.requests.clear()
    _page_server_session.flaky_failures = 0
    return _page_server_session


# --- Public pages ---------------------------------------------------------------------------


@pytest.fixture
def publish(ratings):
    """Make a published claim, as readers can reach it: publish(statement=..., verdict=...)."""
    from django.utils import timezone

    from claims.models import Claim
    from tests.factories import ClaimFactory

    def make(verdict: str = "false", **kwargs) -> Claim:
        kwargs.setdefault("conclusion", "The council minutes show otherwise.")
        kwargs.setdefault("published_at", timezone.now())
        return ClaimFactory(status=Claim.Status.PUBLISHED, verdict=ratings[verdict], **kwargs)

    return make
