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
