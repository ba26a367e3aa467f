from django import forms

from articles.models import Article, Language
from articles.services import pasted_text_error, pasted_text_limit


class ArticleTextForm(forms.Form):
    title = forms.CharField(max_length=500, required=False, help_text="Optional: the headline.")
    outlet = forms.CharField(
        max_length=200, required=False, help_text="Optional: who published it, e.g. Le Monde."
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
