"""The README's API text example works as written: the curl command is read from the README
and run, unchanged but for the token and the address, against a live server."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True)

README = Path(__file__).resolve().parent.parent / "README.md"


def _curl_commands() -> list[str]:
    """The curl commands of the README's API block, continuation lines joined."""
    block = README.read_text(encoding="utf-8").split("**REST API**", 1)[1].split("```sh", 1)[1]
    block = block.split("```", 1)[0].replace("\\\n", " ")
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if "curl" in line]


def test_the_readme_api_text_example_stores_the_text_with_its_provenance(
    live_server, journalist, tmp_path
):
    curl = shutil.which("curl")
    assert curl, "curl is needed to run the README example (.ci/run installs it)"
    command = next(c for c in _curl_commands() if "text@article.txt" in c)
    command = command.replace("http://127.0.0.1:8000", live_server.url)
    text = (
        "The harbour board met on Monday.\n\n"
        "The harbour master said that the new quay would open in May & not before."
    )
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    token = Token.objects.create(user=journalist).key
    done = subprocess.run(
        ["bash", "-c", command + " -s -o body.json -w '%{http_code}'"],
        cwd=tmp_path,
        env={"TOKEN": token, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout == "201", (done.stdout, done.stderr, (tmp_path / "body.json").read_text())
    article = Article.objects.get()
    assert article.text == text  # the whole file, "&" and the blank line included
    assert article.url == re.search(r"original_url=(\S+)", command).group(1)
    assert article.published_at is not None
    assert article.outlet.name == "Example"
