from django.urls import path

from claims import views

app_name = "claims"
urlpatterns = [
    path("", views.ClaimListView.as_view(), name="list"),
    path("<slug:slug>/", views.ClaimDetailView.as_view(), name="detail"),
]
