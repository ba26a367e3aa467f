"""Sources as entities, names as people write them: one Source for many spellings, no
self-relays, titled people."""

import re

import pytest
from django.urls import reverse

from claims import services
from claims.admin import SourceAliasForm
from claims.models import Mention, Source, SourceAlias
from claims.source_names import name_key, split_title
from tests.factories import ArticleFactory, MentionFactory, OutletFactory, SourceFactory

WSJ = ["WSJ", "le WSJ", "Wall Street Journal", "Le Wall Street Journal", "The Wall Street Journal"]


@pytest.mark.parametrize("written", WSJ)
def test_every_spelling_of_the_journal_has_one_key(written):
    assert name_key(written) == "wall street journal"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("L'Écho des Falaises", "Echo des falaises"),  # elided French article, accents
        ("Les Échos du Port", "échos du port"),
        ("La Voix du Nord-Est", "voix du nord est"),  # hyphens are spaces
        ("The Harbour Gazette", "Harbour Gazette!"),
        ("ONU", "the UN"),
        ("l'ONU", "Nations unies"),
        ("UE", "the EU"),
        ("AFP", "Agence France-Presse"),
        ("NYT", "The New York Times"),
        ("AP", "the Associated Press"),
        ("BBC", "la BBC"),
    ],
)
def test_names_compare_without_articles_case_accents_punctuation_or_abbreviations(one, other):
    assert name_key(one) == name_key(other)


def test_an_article_alone_is_kept_as_a_name():
    assert name_key("The") == "the" and name_key("Le Monde") == "monde"


@pytest.mark.django_db
def test_all_spellings_of_a_publication_resolve_to_one_source():
    kind = Source.Kind.PUBLICATION
    sources = {services.source_get_or_create(name=n, kind=kind).pk for n in WSJ}
    assert len(sources) == 1
    batch = services.sources_for_speakers([(n, kind) for n in WSJ])
    assert {s.pk for s in batch} == sources
    assert Source.objects.filter(kind=kind).count() == 1


@pytest.mark.django_db
def test_an_alias_added_by_an_editor_names_its_source():
    port = SourceFactory(name="Autorité portuaire de Brest", kind=Source.Kind.ORGANIZATION)
    form = SourceAliasForm(data={"alias": "le Port de Brest"}, instance=SourceAlias(source=port))
    assert form.is_valid(), form.errors
    form.save()
    assert SourceAlias.objects.get().normalized == "port de brest"
    kind = Source.Kind.ORGANIZATION
    assert services.source_get_or_create(name="Port de Brest", kind=kind) == port
    assert services.sources_for_speakers([("PORT DE BREST", kind)]) == [port]
    again = SourceAliasForm(data={"alias": "Port de Brest"}, instance=SourceAlias(source=port))
    assert not again.is_valid()  # one spelling names one source


@pytest.mark.django_db
def test_a_corrected_speaker_teaches_an_alias_of_the_same_name_only(journalist):
    article = ArticleFactory(text="Romanenko said that the convoy had left. He said it was late.")
    surname = MentionFactory(article=article, content="the convoy had left", speaker="Romanenko")
    pronoun = MentionFactory(article=article, content="it was late", speaker="He")
    for mention in (surname, pronoun):
        services.mention_correct(
            mention=mention, by=journalist, start=mention.start, end=mention.end,
            speaker="Ihor Romanenko", stance=mention.stance,
        )  # fmt: skip
    person = Source.objects.get(normalized_name="ihor romanenko")
    assert list(SourceAlias.objects.values_list("normalized", "source")) == [
        ("romanenko", person.pk)
    ]
    assert services.source_get_or_create(name="Romanenko", kind="person") == person
    assert services.source_get_or_create(name="He", kind="person") != person


@pytest.mark.parametrize(
    ("written", "title", "name"),
    [
        ("le lieutenant-général Ihor Romanenko", "lieutenant-général", "Ihor Romanenko"),
        ("Defence Minister Jane Doe", "Defence Minister", "Jane Doe"),
        ("le ministre Paul Martin", "ministre", "Paul Martin"),
        ("la porte-parole Maëlle Kerjean", "porte-parole", "Maëlle Kerjean"),
        ("President Amara Osei", "President", "Amara Osei"),
        ("the president", "", "the president"),  # no name follows: nothing to split
        ("Paul Martin", "", "Paul Martin"),
        ("Generalissimo Ortiz", "", "Generalissimo Ortiz"),  # a title inside a word is not one
    ],
)
def test_titles_are_kept_apart_from_the_name(written, title, name):
    assert split_title(written) == (title, name)


@pytest.mark.django_db
def test_a_titled_person_is_the_person_with_the_title_beside_the_name(
    journalist_client, journalist
):
    titled = services.source_get_or_create(
        name="le lieutenant-général Ihor Romanenko", kind="person"
    )
    assert (titled.name, titled.kind) == ("Ihor Romanenko", "person")
    assert services.source_get_or_create(name="Ihor Romanenko", kind="person") == titled
    assert services.sources_for_speakers([("le général Ihor Romanenko", "")]) == [titled]
    article = ArticleFactory(text="The minister said that the quay would reopen.")
    mention = MentionFactory(article=article, content="the quay would reopen", speaker="x")
    services.mention_correct(
        mention=mention, by=journalist, start=mention.start, end=mention.end,
        speaker="Defence Minister Jane Doe", stance=mention.stance,
    )  # fmt: skip
    mention.refresh_from_db()
    assert (mention.source.name, mention.speaker_title) == ("Jane Doe", "Defence Minister")
    html = journalist_client.get(reverse("review:article", args=[article.pk])).content.decode()
    assert 'Jane Doe, <span class="speaker-title">Defence Minister</span>' in html


@pytest.mark.django_db
def test_an_organisation_is_never_split_as_a_title():
    general = services.source_get_or_create(name="General Harbour Works", kind="organization")
    assert general.name == "General Harbour Works"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("speaker", "via", "chain"),
    [
        ("The harbour master", ["The Gazette"], ["The harbour master", "Gazette"]),
        ("The Gazette", [], ["The Gazette"]),
        (
            "The harbour master",
            ["le WSJ", "Wall Street Journal"],
            ["The harbour master", "le WSJ", "Gazette"],
        ),
        ("Le Courrier", ["Courrier", "the Gazette"], ["Le Courrier", "Gazette"]),
    ],
)
def test_a_self_relay_is_never_in_the_chain(speaker, via, chain):
    article = ArticleFactory(outlet=OutletFactory(name="Gazette"))
    mention = MentionFactory(article=article, speaker=speaker, via=via)
    assert mention.relay_chain == chain


@pytest.mark.django_db
def test_self_relay_is_hidden_on_the_card_and_the_public_page(journalist_client, publish):
    article = ArticleFactory(
        outlet=OutletFactory(name="Gazette"),
        text="The harbour master said that the cranes would be replaced.",
    )
    mention = MentionFactory(
        article=article, content="the cranes would be replaced", speaker="The harbour master",
        via=["The Gazette"], review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    card = journalist_client.get(reverse("review:article", args=[article.pk])).content.decode()
    assert re.search(r'class="chain">The harbour master → Gazette</dd>', card)
    claim = publish(statement="The harbour cranes will be replaced")
    Mention.objects.filter(pk=mention.pk).update(claim=claim)
    journalist_client.logout()
    html = journalist_client.get(claim.get_absolute_url()).content.decode()
    names = re.findall(r'<span class="chain-name">(.*?)</span>', html)
    assert names == ["The harbour master", "Gazette"]


@pytest.mark.django_db
def test_the_migration_rekeys_stored_sources_without_merging_them():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("claims.migrations.0009_review_desk_sources")
    old = Source.objects.create(name="The Harbour Gazette", normalized_name="the harbour gazette")
    twin = Source.objects.create(name="Harbour Gazette!", normalized_name="harbour gazette!")
    migration.rekey_sources(apps, None)
    old.refresh_from_db()
    twin.refresh_from_db()
    assert old.normalized_name == "harbour gazette"
    assert twin.normalized_name == "harbour gazette!"  # taken: an editor merges them
