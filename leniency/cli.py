"""The `leniency` command.

`leniency sentencing ...` runs the pure-Python engine without starting Django; every other
sub-command is a Django management command (`leniency demo`, `leniency audit verify`, `leniency migrate`).
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "sentencing":
        from leniency.sentencing.cli import main as sentencing_main

        return sentencing_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["leniency", *argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
