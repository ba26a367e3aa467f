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
                text = "".join(re.findall(r'"(.*)"', lines))
                return text.replace('\\"', '"').replace("\\n", "\n")  # e-mails have lines

            # A msgid with a context is stored in the .mo as "context\x04msgid".
            context = re.search(r'^msgctxt ((?:".*"\n)+)', block, re.M)
            key = join(match.group(1))
            if context:
                key = join(context.group(1)) + "\x04" + key
            entries[key] = join(match.group(2))
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


def test_verdicts_are_shown_in_the_readers_language(client, publish):
    import json

    claim = publish(verdict="mostly-false")
    french = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<span class="badge verdict verdict-mostly-false">Plutôt faux</span>' in french
    review = json.loads(french.split('type="application/ld+json">', 1)[1].split("</script>")[0])
    assert review["reviewRating"]["alternateName"] == "Plutôt faux"  # what the page shows
    english = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ">Mostly false</span>" in english and "Plutôt faux" not in english
    scale = client.get("/claims/about/rating-scale/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Invérifiable" in scale and "L'affirmation est inexacte." in scale.replace("&#x27;", "'")


def test_a_rating_without_a_french_wording_falls_back_to_english(client, publish, ratings):
    ratings["false"].label_fr = ""
    ratings["false"].save()  # through the admin this also clears the public cache
    claim = publish(verdict="false")
    french = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert ">False</span>" in french


def test_the_migrations_give_the_default_scale_its_french_wording(db):
    from claims.models import Rating

    labels = dict(Rating.objects.values_list("slug", "label_fr"))
    assert labels["false"] == "Faux" and labels["unverifiable"] == "Invérifiable"
    assert all(labels.values())


@pytest.mark.parametrize(
    ("path", "french"),
    [
        ("/", "Dernières vérifications"),
        ("/accounts/login/", "Mot de passe"),
        ("/claims/no-such-claim/", "Page introuvable"),
    ],
)
def test_home_login_and_not_found_pages_are_in_french(client, roles, path, french):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert french in response.content.decode()
    assert response.status_code == (404 if "no-such" in path else 200)


def test_server_error_page_renders_without_context_in_both_languages(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("en"):
        response = server_error(rf.get("/"))
    assert response.status_code == 500 and b"Something went wrong on our side" in response.content
    with translation.override("fr"):
        response = server_error(rf.get("/"))
    assert "Un problème est survenu de notre côté" in response.content.decode()
