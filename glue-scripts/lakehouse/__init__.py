"""Shared library of the lakehouse Glue jobs: pure DataFrame transforms driven by dataset specs."""
