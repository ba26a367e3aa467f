import pytest

from claimtrack.celery import app as celery_app


@pytest.fixture(autouse=True, scope="session")
def celery_tasks_run_in_process():
    """Unit tests run Celery tasks in-process; tests/integration uses a real worker."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def journalist(db):
    from tests.factories import UserFactory

    return UserFactory(username="jo")


@pytest.fixture
def journalist_client(client, journalist):
    client.force_login(journalist)
    return client
