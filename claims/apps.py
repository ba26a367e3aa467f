from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from django.conf import settings

        from claims import extraction

        # The extractor is plain Python: hand it the models chosen in settings.
        extraction.configure({lang: name for lang, name in settings.SPACY_MODELS.items() if name})
