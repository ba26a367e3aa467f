"""Public claim pages: readers see published claims only, whatever URL they guess."""

from django.views.generic import DetailView, ListView

from claims.models import Claim, Mention


class ClaimListView(ListView):
    paginate_by = 30
    template_name = "claims/claim_list.html"

    def get_queryset(self):
        return (
            Claim.objects.published()
            .select_related("claimant", "verdict")
            .order_by("-published_at")
        )


class ClaimDetailView(DetailView):
    template_name = "claims/claim_detail.html"

    def get_queryset(self):
        # Mentions shown to readers are the accepted ones: unreviewed extractions stay internal.
        return Claim.objects.published().select_related("claimant", "verdict")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["appearances"] = (
            self.object.mentions.filter(review_state=Mention.ReviewState.ACCEPTED)
            .select_related("article__outlet")
            .order_by("article__published_at", "article__created_at")
        )
        return context
