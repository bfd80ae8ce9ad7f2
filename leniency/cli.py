"""The `leniency` command.

`leniency sentencing ...` runs the pure-Python engine without starting Django (`sentencing train` without
--corpus reads the judgment database: the engine is handed the web app's trainer), and so does
`leniency corpus synth` (the demo's synthetic corpus); every other sub-command is a Django management command
(`leniency demo`, `leniency audit verify`, `leniency migrate`, `leniency corpus import`).
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    # The engine's and the synthetic corpus's commands run without starting Django (imported here for that).
    if len(argv) > 1 and argv[1] == "sentencing":
        from leniency.sentencing.cli import main as sentencing_main

        return sentencing_main(argv[2:], train_from_database=_train_from_database)
    if argv[1:3] == ["corpus", "synth"]:
        from leniency.demo.corpus_synth import main as synth_main

        return synth_main(argv[3:])
    key = _new_key(argv[1:])
    if key is not None:
        print(key)
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["leniency", *argv[1:]])
    return 0


def _train_from_database(**options):
    """`leniency sentencing train` without --corpus trains on the judgment database, which the web app holds:
    the engine's command line calls this, and only this starts Django."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
    import django

    django.setup()
    from leniency.corpus.training import train_for_cli  # models import only after django.setup()

    return train_for_cli(**options)


def _new_key(args: list[str]) -> str | None:
    """`leniency data_keys new` and `leniency audit new-key ID` print a fresh key without loading settings, so
    that a production install, which has no keys yet and refuses to start without them, can make its first."""
    if args == ["data_keys", "new"]:
        from cryptography.fernet import Fernet

        return Fernet.generate_key().decode()
    if len(args) == 3 and args[:2] == ["audit", "new-key"]:
        from leniency.audit.keys import new_key

        return new_key(args[2])
    return None


if __name__ == "__main__":
    sys.exit(main())
