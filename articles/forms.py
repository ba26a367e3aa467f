from django import forms
from django.core.exceptions import ValidationError

from articles.models import Article, Language
from articles.services import pasted_text_error, pasted_text_limit, provenance_clean


class ArticleTextForm(forms.Form):
    title = forms.CharField(max_length=500, required=False, help_text="Optional: the headline.")
    outlet = forms.CharField(
        max_length=200, required=False, help_text="Optional: who published it, e.g. Le Monde."
    )
    url = forms.CharField(
        label="Original link",
        max_length=2000,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
        help_text="Optional: where the article was published. Nothing is fetched from it.",
    )
    published = forms.DateField(
        label="Publication date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Optional: the day the article was published (not today, unless it was).",
        error_messages={"invalid": "Write the publication date as YYYY-MM-DD."},
    )
    language = forms.ChoiceField(
        choices=[("", "Detect automatically")] + list(Language.choices), required=False
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Paste the article body. Paragraphs separated by a blank line. "
        f"{pasted_text_limit()}.",
        error_messages={"required": "Paste the text of the article."},
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
        label="Link",
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
        help_text="The address of a French or English news article.",
        error_messages={"required": "Paste the link of the article."},
    )
    language = forms.ChoiceField(
        choices=[("", "Detect automatically")] + list(Language.choices), required=False
    )


class ArticleStatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "All statuses")] + list(Article.Status.choices), required=False
    )
