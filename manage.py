#!/usr/bin/env python
"""The development entry point: `python manage.py …` runs with development settings (LENIENCY_DEBUG=1) unless
the environment says otherwise. A production install uses the `leniency` command, whose settings are
production's unless development is asked for (README, Production)."""

import os
import sys

from leniency.cli import main

if __name__ == "__main__":
    os.environ.setdefault("LENIENCY_DEBUG", "1")
    sys.exit(main())
