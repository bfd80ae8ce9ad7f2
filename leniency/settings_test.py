"""Test settings: the real settings with a fast password hasher (tests create many users)."""

from leniency.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
