"""What a backup folder holds: ``manifest.json`` names the two files, their sha256, and the
number of rows of every table at the dump's snapshot (checked again after a restore)."""

FORMAT = "newsroom-backup 1"
MANIFEST = "manifest.json"
DUMP = "database.dump"  # pg_dump --format=custom
UPLOADS = "uploads.tar"  # MEDIA_ROOT's files
