"""The newsroom's roles and the default rating scale.

Created by a data migration (claims 0002); `roles_and_scale_ensure` is also called by
seed_demo and tests, since a flushed test database loses what migrations inserted.
"""

EDITORS = "Editors"
JOURNALISTS = "Journalists"

EDITOR_PERMISSIONS = [
    "publish_claim", "rule_claim", "assign_task", "review_mention",
    "view_claim", "change_claim", "add_claim",
    "view_mention", "change_mention",
    "view_evidence", "add_evidence", "change_evidence", "delete_evidence",
    "view_task", "add_task", "change_task",
    "view_comment", "add_comment",
    "view_correction", "add_correction",
    "view_source", "add_source", "change_source",
    "view_rating",
]  # fmt: skip
JOURNALIST_PERMISSIONS = [
    "review_mention", "view_claim", "view_mention", "add_evidence", "add_comment", "view_task",
    "view_source",
]  # fmt: skip

# (slug, label, score, description); a score of None is off the true-to-false scale.
DEFAULT_SCALE = [
    ("true", "True", 5, "The claim is accurate and nothing significant is missing."),
    ("mostly-true", "Mostly true", 4, "The claim is accurate but needs clarification or context."),
    ("mixed", "Mixed", 3, "The claim is partly accurate and partly inaccurate."),
    ("mostly-false", "Mostly false", 2, "The claim has an element of truth but is largely wrong."),
    ("false", "False", 1, "The claim is inaccurate."),
    ("misleading", "Misleading", 2, "Accurate elements are used to give a false impression."),
    (
        "unverifiable",
        "Unverifiable",
        None,
        "The evidence available does not allow us to say whether it is true or false.",
    ),
]


def roles_and_scale_ensure(*, group_model, permission_model, rating_model) -> None:
    """Create the Editors and Journalists groups with their permissions, and the default
    rating scale, where missing. Takes the models so that a migration can pass its own."""
    for name, codenames in [(EDITORS, EDITOR_PERMISSIONS), (JOURNALISTS, JOURNALIST_PERMISSIONS)]:
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.add(
            *permission_model.objects.filter(
                content_type__app_label="claims", codename__in=codenames
            )
        )
    if not rating_model.objects.exists():
        for order, (slug, label, score, description) in enumerate(DEFAULT_SCALE):
            rating_model.objects.create(
                slug=slug, label=label, score=score, description=description, order=order
            )
