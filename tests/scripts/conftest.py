"""Every *.yaml here is a conversation script, run on each channel (see tests/script_plugin.py)."""

from tests.script_plugin import pytest_collect_file

__all__ = ["pytest_collect_file"]
