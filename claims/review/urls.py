from django.urls import path

from claims.review import alert_views, match_views, notification_views, selection_views, views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("articles/<int:pk>/", views.article_review, name="article"),
    path("mentions/<int:pk>/accept/", views.mention_accept, name="mention-accept"),
    path("mentions/<int:pk>/reject/", views.mention_reject, name="mention-reject"),
    path("mentions/<int:pk>/correct/", views.mention_correct, name="mention-correct"),
    path("mentions/<int:pk>/restore/", views.mention_restore, name="mention-restore"),
    path("articles/<int:pk>/mentions/bulk/", views.mentions_bulk, name="mentions-bulk"),
    path("articles/<int:pk>/mentions/add/", selection_views.mention_add, name="mention-add"),
    path("mentions/<int:pk>/claim-search/", selection_views.claim_search, name="claim-search"),
    path("matches/<int:pk>/accept/", match_views.match_accept, name="match-accept"),
    path("matches/<int:pk>/reject/", match_views.match_reject, name="match-reject"),
    path("claims/new/", selection_views.claim_create, name="claim-create"),
    path("claims/", views.claim_list, name="claims"),
    path("claims/<int:pk>/", views.claim_workspace, name="claim"),
    path("claims/<int:pk>/edit/", views.claim_edit, name="claim-edit"),
    path("claims/<int:pk>/verdict/", views.claim_verdict, name="claim-verdict"),
    path("claims/<int:pk>/evidence/", views.evidence_add, name="evidence-add"),
    path("claims/<int:pk>/comments/", views.comment_add, name="comment-add"),
    path("claims/<int:pk>/tasks/", views.task_add, name="task-add"),
    path("claims/<int:pk>/publish/", views.claim_publish, name="claim-publish"),
    path("claims/<int:pk>/approve/", views.claim_approve, name="claim-approve"),
    path(
        "claims/<int:pk>/withdraw-request/",
        views.claim_withdraw_request,
        name="claim-withdraw-request",
    ),
    path("claims/<int:pk>/unpublish/", views.claim_unpublish, name="claim-unpublish"),
    path("claims/<int:pk>/merge/", views.claim_merge, name="claim-merge"),
    path("changes/<int:pk>/approve/", views.change_approve, name="change-approve"),
    path("changes/<int:pk>/withdraw/", views.change_withdraw, name="change-withdraw"),
    path("evidence/<int:pk>/approve/", views.evidence_approve, name="evidence-approve"),
    path("tasks/", views.my_tasks, name="my-tasks"),
    path("tasks/<int:pk>/state/", views.task_state, name="task-state"),
    path("board/", views.board, name="board"),
    path("alerts/", alert_views.alert_list, name="alerts"),
    path("alerts/<int:pk>/dismiss/", alert_views.alert_dismiss, name="alert-dismiss"),
    path("notifications/", notification_views.notification_list, name="notifications"),
    path(
        "notifications/<int:pk>/read/",
        notification_views.notification_read,
        name="notification-read",
    ),
    path(
        "notifications/read-all/",
        notification_views.notification_read_all,
        name="notifications-read-all",
    ),
]
