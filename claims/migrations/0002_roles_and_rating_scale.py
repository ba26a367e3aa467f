"""Create the newsroom roles (Editors, Journalists) and the default rating scale."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from claims.roles import roles_and_scale_ensure


def forwards(apps, schema_editor):
    # Permissions are normally created after migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_and_scale_ensure(
        group_model=apps.get_model("auth", "Group"),
        permission_model=apps.get_model("auth", "Permission"),
        rating_model=apps.get_model("claims", "Rating"),
    )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Journalists"]).delete()
    apps.get_model("claims", "Rating").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
