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


# French labels and descriptions of the default scale, by slug.
DEFAULT_SCALE_FR = {
    "true": ("Vrai", "L'affirmation est exacte et il n'y manque rien d'important."),
    "mostly-true": (
        "Plutôt vrai",
        "L'affirmation est exacte mais demande des précisions ou du contexte.",
    ),
    "mixed": ("Mitigé", "L'affirmation est en partie exacte et en partie inexacte."),
    "mostly-false": (
        "Plutôt faux",
        "L'affirmation contient une part de vérité mais est en grande partie fausse.",
    ),
    "false": ("Faux", "L'affirmation est inexacte."),
    "misleading": (
        "Trompeur",
        "Des éléments exacts sont utilisés pour donner une fausse impression.",
    ),
    "unverifiable": (
        "Invérifiable",
        "Les éléments disponibles ne permettent pas de dire si elle est vraie ou fausse.",
    ),
}


def rating_scale_translate(rating_model) -> None:
    """Fill in the French label and description of the default ratings where empty (a
    newsroom's own wording, entered in the admin, is kept)."""
    for slug, (label_fr, description_fr) in DEFAULT_SCALE_FR.items():
        rating_model.objects.filter(slug=slug, label_fr="").update(label_fr=label_fr)
        rating_model.objects.filter(slug=slug, description_fr="").update(
            description_fr=description_fr
        )


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
    # Migration 0002's historical model predates the French fields (migration 0004 adds
    # them and fills them in).
    if any(field.name == "label_fr" for field in rating_model._meta.get_fields()):
        rating_scale_translate(rating_model)
