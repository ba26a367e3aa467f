"""The public read API, for readers' tools without a token (claims.public.api): apart from
articles/api_urls.py, whose every endpoint is for the newsroom (a test holds it to that)."""

from django.urls import path

from claims.public import api

app_name = "public-api"
urlpatterns = [
    path("claims/", api.PublicClaimList.as_view(), name="claim-list"),
    path("claims/<slug:slug>/", api.PublicClaimDetail.as_view(), name="claim-detail"),
]
