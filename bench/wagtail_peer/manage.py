#!/usr/bin/env python
"""The Wagtail peer's manage.py: run it with var/wagtail-venv/bin/python (see bench/wagtail.py)."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
