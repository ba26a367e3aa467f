from django import forms

from articles.models import Language


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
        help_text="Paste the article body. Paragraphs separated by a blank line.",
        error_messages={"required": "Paste the text of the article."},
    )
