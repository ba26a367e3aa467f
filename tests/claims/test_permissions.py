"""Permission matrix: every workflow URL × GET/POST × anonymous, journalist, other journalist,
editor. "journalist" created the draft claim and holds its open task; "other" is a journalist
with no link to it."""

import pytest
from django.urls import reverse

from claims.models import Claim, Evidence, Task
from claims.services import claim_create_from_mention
from tests.factories import ArticleFactory, MentionFactory

ANON, JOURNALIST, OTHER, EDITOR = "anonymous", "journalist", "other", "editor"
ROLES = [ANON, JOURNALIST, OTHER, EDITOR]
OK, DENIED, NOT_ALLOWED = "ok", "denied", "405"

READERS = {JOURNALIST: OK, OTHER: OK, EDITOR: OK}
EDITORS_ONLY = {JOURNALIST: DENIED, OTHER: DENIED, EDITOR: OK}
CLAIM_WORKERS = {JOURNALIST: OK, OTHER: DENIED, EDITOR: OK}

# (name, url arguments, method, who may, POST data) — data is filled in by the world fixture.
CASES = [
    ("review:queue", [], "get", READERS),
    ("review:article", ["article"], "get", READERS),
    ("review:claims", [], "get", READERS),
    ("review:claim", ["claim"], "get", READERS),
    ("review:my-tasks", [], "get", READERS),
    ("review:board", [], "get", EDITORS_ONLY),
    ("review:mention-correct", ["mention"], "get", READERS),
    ("review:mention-accept", ["mention"], "post", READERS),
    ("review:mention-reject", ["mention"], "post", READERS),
    ("review:mention-correct", ["mention"], "post", READERS),
    ("review:claim-edit", ["claim"], "post", CLAIM_WORKERS),
    ("review:evidence-add", ["claim"], "post", CLAIM_WORKERS),
    ("review:comment-add", ["claim"], "post", CLAIM_WORKERS),
    ("review:claim-merge", ["claim"], "post", CLAIM_WORKERS),
    ("review:task-state", ["task"], "post", CLAIM_WORKERS),
    ("review:claim-verdict", ["claim"], "post", EDITORS_ONLY),
    ("review:task-add", ["claim"], "post", EDITORS_ONLY),
    ("review:claim-publish", ["claim"], "post", EDITORS_ONLY),
    ("review:claim-approve", ["claim"], "post", EDITORS_ONLY),
    ("review:claim-unpublish", ["claim"], "post", EDITORS_ONLY),
    ("review:evidence-approve", ["evidence"], "post", EDITORS_ONLY),
]


@pytest.fixture
def world(journalist, other_journalist, editor, ratings):
    article = ArticleFactory(
        text="The mayor said that the bridge would reopen in March. The union said it would not."
    )
    mention = MentionFactory(article=article)
    second = MentionFactory(article=article, content="it would not", speaker="The union")
    claim = claim_create_from_mention(
        mention=second, statement="The bridge will not reopen", by=journalist
    )
    target = Claim.objects.create(statement="Another claim", slug="another-claim")
    task = Task.objects.create(claim=claim, assignee=journalist, created_by=editor, title="Call")
    evidence = Evidence.objects.create(claim=claim, title="Minutes", added_by=journalist)
    objects = {
        "article": article,
        "mention": mention,
        "claim": claim,
        "task": task,
        "evidence": evidence,
    }
    data = {
        "review:mention-accept": {"statement": "The bridge reopens in March"},
        "review:mention-correct": {"start": 0, "end": 9, "speaker": "Mayor", "stance": "asserts"},
        "review:claim-edit": {"statement": "The bridge stays shut", "claimant": "", "sourcing": ""},
        "review:claim-verdict": {"verdict": ratings["false"].pk, "conclusion": "Records."},
        "review:evidence-add": {
            "evidence-title": "Council minutes",
            "evidence-url": "https://example.org/m",
            "evidence-kind": "primary_document",
            "evidence-relation": "refutes",
            "evidence-note": "",
        },
        "review:comment-add": {"body": "Checked."},
        "review:task-add": {"task-title": "Call the union", "task-assignee": journalist.pk},
        "review:claim-unpublish": {"reason": "Withdrawn"},
        "review:claim-merge": {"into": target.pk},
        "review:task-state": {"state": "done"},
    }
    users = {JOURNALIST: journalist, OTHER: other_journalist, EDITOR: editor}
    return objects, data, users


def outcome(response) -> str:
    if response.status_code == 405:
        return NOT_ALLOWED
    if response.status_code == 403:
        return DENIED
    if response.status_code == 302 and response.url.startswith(reverse("login")):
        return "login"
    assert response.status_code in (200, 302), response.status_code
    return OK


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    ("name", "args", "allowed_method", "who"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES]
)
def test_permission_matrix(client, world, name, args, allowed_method, who, method, role):
    objects, data, users = world
    url = reverse(name, args=[objects[a].pk for a in args])
    if role != ANON:
        client.force_login(users[role])
    call = getattr(client, method)
    response = call(url, data.get(name, {})) if method == "post" else call(url)

    result = outcome(response)
    if method != allowed_method and not (name == "review:mention-correct"):
        assert result == NOT_ALLOWED
    elif role == ANON:
        assert result == "login"
    else:
        assert result == who[role]


def test_logged_in_user_without_a_newsroom_role_is_refused(client, world):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="reader"))
    assert client.get(reverse("review:queue")).status_code == 403
    objects, _, _ = world
    assert (
        client.post(reverse("review:mention-reject", args=[objects["mention"].pk])).status_code
        == 403
    )
