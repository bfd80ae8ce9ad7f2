"""Project-wide tests that cross every app: the access matrix, API fuzzing, script injection."""
