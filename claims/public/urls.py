from django.urls import path

from claims.public import datafeed, feeds, views

app_name = "claims"
urlpatterns = [
    path("", views.ClaimListView.as_view(), name="list"),
    path("feed/", feeds.VerdictsFeed(), name="feed"),
    path("datafeed.json", datafeed.datafeed, name="datafeed"),
    path("about/methodology/", views.MethodologyView.as_view(), name="methodology"),
    path("about/rating-scale/", views.RatingScaleView.as_view(), name="rating-scale"),
    path("<slug:slug>/", views.claim_detail, name="detail"),
]
