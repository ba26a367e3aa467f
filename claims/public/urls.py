from django.urls import path

from claims.public import datafeed, feeds, speaker_views, views

app_name = "claims"
urlpatterns = [
    path("", views.ClaimListView.as_view(), name="list"),
    path("feed/", feeds.VerdictsFeed(), name="feed"),
    path("datafeed.json", datafeed.datafeed, name="datafeed"),
    path("about/methodology/", views.MethodologyView.as_view(), name="methodology"),
    path("about/rating-scale/", views.RatingScaleView.as_view(), name="rating-scale"),
    path("speakers/<int:pk>/", speaker_views.speaker_detail, name="speaker"),
    path("outlets/<int:pk>/", speaker_views.outlet_detail, name="outlet"),
    path("<slug:slug>/", views.claim_detail, name="detail"),
]
