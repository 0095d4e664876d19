"""Browser tests of the served app.

A package, so that its ``conftest`` and helpers do not shadow ``tests/conftest.py``.
"""
