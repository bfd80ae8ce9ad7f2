"""Models of the recordings app."""
