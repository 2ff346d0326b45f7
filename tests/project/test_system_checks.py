"""Django's system checks pass: the admin classes, models and settings are well formed."""

from django.core.management import call_command


def test_system_checks_find_no_error(db):
    call_command("check", fail_level="WARNING")
