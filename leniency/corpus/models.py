"""Models of the corpus app."""
