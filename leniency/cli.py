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
    key = _new_key(argv[1:])
    if key is not None:
        print(key)
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["leniency", *argv[1:]])
    return 0


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
