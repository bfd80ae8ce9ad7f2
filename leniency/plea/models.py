"""Models of the plea app."""
