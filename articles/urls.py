from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("new/", views.article_new, name="new"),
    path("new/link/", views.article_new_url, name="new-url"),
    path("<int:pk>/", views.article_detail, name="detail"),
    path("<int:pk>/status/", views.article_status, name="status"),
]
