"""The newsroom's views facing hostile input: `next` links, NUL bytes in search words."""

import pytest
from django.urls import reverse

from claims import services
from claims.models import Task
from tests.factories import ClaimFactory

pytestmark = pytest.mark.usefixtures("roles")


@pytest.fixture
def task(journalist, editor):
    claim = ClaimFactory(statement="The bridge reopens in March")
    return services.task_create(claim=claim, by=editor, assignee=journalist, title="Call them")


@pytest.mark.parametrize(
    "next_url",
    ["javascript:alert(document.cookie)", "https://evil.example/", "//evil.example/x", "", "x"],
)
def test_task_state_only_goes_back_to_a_local_page(client, journalist, task, next_url):
    client.force_login(journalist)
    response = client.post(
        reverse("review:task-state", args=[task.pk]), {"state": "done", "next": next_url}
    )
    assert response.status_code == 302
    assert response.url == task.claim.get_workspace_url()
    task.refresh_from_db()
    assert task.state == Task.State.DONE


def test_task_state_goes_back_to_the_local_page_it_came_from(client, journalist, task):
    client.force_login(journalist)
    response = client.post(
        reverse("review:task-state", args=[task.pk]),
        {"state": "done", "next": reverse("review:my-tasks") + "?page=2"},
    )
    assert response.status_code == 302
    assert response.url == reverse("review:my-tasks") + "?page=2"


def test_claim_search_with_a_nul_byte_answers(client, journalist):
    ClaimFactory(statement="The bridge reopens in March")
    client.force_login(journalist)
    response = client.get(reverse("review:claims") + "?q=bri%00dge")
    assert response.status_code == 200
    assert "The bridge reopens in March" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/claims/?q=%00",
        "/claims/?verdict=%00&claimant=%00&outlet=%00&language=%00",
        "/review/?page=%00",
        "/review/claims/?status=%00&q=%00&page=%00",
        "/articles/?status=%00",
        "/api/articles/?page=%00",
    ],
)
def test_no_page_fails_on_a_nul_byte_in_its_query(client, journalist, url):
    client.force_login(journalist)
    assert client.get(url).status_code in {200, 400, 404}
