from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Language
from articles.services import pasted_text_error, pasted_text_limit, provenance_clean


def _text_help() -> str:
    return gettext("Paste the article body. Paragraphs separated by a blank line. %(limit)s.") % {
        "limit": pasted_text_limit()
    }


class ArticleTextForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=500, required=False, help_text=_("Optional: the headline.")
    )
    outlet = forms.CharField(
        label=_("Outlet"),
        max_length=200,
        required=False,
        help_text=_("Optional: who published it, e.g. Le Monde."),
    )
    url = forms.CharField(
        label=_("Original link"),
        max_length=2000,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
        help_text=_("Optional: where the article was published. Nothing is fetched from it."),
    )
    published = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional: the day the article was published (not today, unless it was)."),
        error_messages={"invalid": _("Write the publication date as YYYY-MM-DD.")},
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Detect automatically"))] + list(Language.choices),
        required=False,
    )
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        # Lazy: the limit is written in the language of each request.
        help_text=lazy(_text_help, str)(),
        error_messages={"required": _("Paste the text of the article.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if error := pasted_text_error(text):
            raise forms.ValidationError(error)
        return text

    def clean(self) -> dict:
        data = super().clean()
        try:
            data["url"], data["published"] = provenance_clean(
                url=data.get("url", ""), published=data.get("published")
            )
        except ValidationError as error:
            self.add_error("published" if error.code == "published" else "url", error)
        return data


class ArticleUrlForm(forms.Form):
    url = forms.CharField(
        label=_("Link"),
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
        help_text=_("The address of a French or English news article."),
        error_messages={"required": _("Paste the link of the article.")},
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Detect automatically"))] + list(Language.choices),
        required=False,
    )


class ArticleStatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses"))] + list(Article.Status.choices),
        required=False,
    )
