"""Pieces of fact extraction; `leniency.sentencing.extract.extract` is the entry point."""
