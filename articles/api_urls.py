from django.urls import path

from articles import api
from claims import api as claims_api

app_name = "api"
urlpatterns = [
    path("articles/", api.ArticleListCreate.as_view(), name="article-list"),
    path("articles/<int:pk>/", api.ArticleDetail.as_view(), name="article-detail"),
    path("articles/<int:pk>/claims/", api.ArticleClaims.as_view(), name="article-claims"),
    path("alerts/", claims_api.AlertList.as_view(), name="alert-list"),
    path("exports/<slug:kind>.<slug:fmt>", claims_api.ExportDownload.as_view(), name="export"),
]
