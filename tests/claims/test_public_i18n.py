"""French and English interface: Accept-Language, the language switch, committed catalogue."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"


def test_reader_with_a_french_browser_gets_the_french_interface(client, publish):
    claim = publish(verdict="false")
    html = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content
    html = html.decode()
    assert '<html lang="fr">' in html
    assert "Notre verdict" in html and "Our verdict" not in html
    assert "Où elle est parue" in html
    assert "Vérifications" in html  # base.html navigation


def test_language_switch_sets_the_language_and_returns_to_the_page(client, publish):
    claim = publish()
    page = client.get(claim.get_absolute_url()).content.decode()
    assert 'action="/i18n/setlang/"' in page and 'name="language" value="fr"' in page
    response = client.post("/i18n/setlang/", {"language": "fr", "next": claim.get_absolute_url()})
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "Notre verdict" in html
    english = client.get(claim.get_absolute_url(), HTTP_COOKIE="django_language=en")
    assert "Our verdict" in english.content.decode()


def test_list_filters_are_labelled_in_french(client, roles):
    html = client.get("/claims/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert re.search(r"<label for=\"id_language\">Langue</label>", html)
    assert "Rechercher" in html


def po_entries(path: Path) -> dict[str, str]:
    """msgid → msgstr of the singular entries of a .po file (enough for this check)."""
    entries, text = {}, path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        if "msgid_plural" in block:
            continue
        match = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block, re.M)
        if match:

            def join(lines):
                return "".join(re.findall(r'"(.*)"', lines)).replace('\\"', '"')

            entries[join(match.group(1))] = join(match.group(2))
    entries.pop("", None)
    return entries


def test_compiled_catalogue_is_committed_and_matches_the_po_file():
    """Tests and CI need no gettext tools: django.mo is committed, compiled from django.po."""
    entries = po_entries(LOCALE / "django.po")
    assert len(entries) > 80 and all(entries.values()), "every message is translated"
    with (LOCALE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for msgid, msgstr in entries.items():
        assert catalogue.gettext(msgid) == msgstr, msgid
