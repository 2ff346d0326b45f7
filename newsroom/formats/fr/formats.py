"""Dates as the paper writes them: «publié le 13 novembre 2024 à 9h07».

Only what differs from Django's French formats; the rest (input formats included) is
Django's.
"""

DATETIME_FORMAT = r"j F Y à G\hi"
TIME_FORMAT = r"G\hi"
SHORT_DATETIME_FORMAT = r"d/m/Y G\hi"
