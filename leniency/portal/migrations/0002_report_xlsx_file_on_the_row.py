"""The report row names its XLSX file, so that the public list needs no existence check in the storage per report.

Reports made before this migration: the storage is asked once, here, whether the workbook was written beside the
HTML (reports older than the workbook have none and keep the field empty)."""

from pathlib import Path

from django.db import migrations, models


def name_existing_workbooks(apps, schema_editor):
    from leniency.documents.archive import storage_under

    reports = apps.get_model("portal", "TransparencyReport").objects.using(schema_editor.connection.alias)
    rows = list(reports.filter(xlsx_file=""))
    if not rows:
        return
    storage = storage_under("portal/reports")
    for report in rows:
        name = Path(report.html_file).with_suffix(".xlsx").name
        if storage.exists(name):
            reports.filter(pk=report.pk).update(xlsx_file=name)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="transparencyreport",
            name="xlsx_file",
            field=models.CharField(blank=True, max_length=200, verbose_name="XLSX 文件"),
        ),
        migrations.RunPython(name_existing_workbooks, migrations.RunPython.noop, elidable=True),
    ]
