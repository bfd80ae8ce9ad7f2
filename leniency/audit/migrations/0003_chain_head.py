from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_personal_data_access"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChainHead",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
            ],
            options={
                "constraints": [models.CheckConstraint(condition=models.Q(("id", 1)), name="one_chain_head")],
            },
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="case_id",
            field=models.BigIntegerField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["case_id", "seq"], name="audit_event_case_seq"),
        ),
    ]
