"""Alembic scripts of the cloud database (a package so wheels ship them)."""
