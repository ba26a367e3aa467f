import factory
from django.contrib.auth import get_user_model

from articles.models import Article, Outlet, content_hash
from claims.models import Claim, Correction, Evidence, Mention, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-test-password-1")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Outlet {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    language = "en"
    text = "The mayor said that the bridge would reopen in March."
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.text))
    status = Article.Status.READY
    outlet = factory.SubFactory(OutletFactory)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Speaker {n}")
    normalized_name = factory.LazyAttribute(lambda s: s.name.lower())
    kind = Source.Kind.PERSON


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    speaker = "The mayor"
    content = "the bridge would reopen in March"
    start = factory.LazyAttribute(lambda m: m.article.text.find(m.content))
    end = factory.LazyAttribute(lambda m: m.start + len(m.content))
    cue = "said"


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    statement = factory.Sequence(lambda n: f"The bridge will reopen in March ({n})")
    slug = factory.Sequence(lambda n: f"bridge-reopens-{n}")
    claimant = factory.SubFactory(SourceFactory)
    language = "en"


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    claim = factory.SubFactory(ClaimFactory)
    title = factory.Sequence(lambda n: f"Council minutes {n}")
    url = factory.Sequence(lambda n: f"https://example.org/minutes/{n}")
    is_approved = True


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    claim = factory.SubFactory(ClaimFactory)
    text = factory.Sequence(lambda n: f"We corrected detail {n}.")
