"""Default rules, access criteria, rubric, fee schedule and specialties (editable afterwards in the admin)."""

from django.db import migrations

from leniency.counsel.defaults import install_defaults


def forwards(apps, schema_editor):
    install_defaults(apps)


def backwards(apps, schema_editor):
    for name in ("CounselPolicy", "AccessCriterion", "RubricCriterion", "Rubric", "FeeSchedule", "Specialty"):
        apps.get_model("counsel", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("counsel", "0002_registry_rota_participation_quality_pay")]
    operations = [migrations.RunPython(forwards, backwards)]
