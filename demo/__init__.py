"""Demo content (``manage.py load_demo``) and volume content (``manage.py generate_articles``).

``load_demo`` writes, keyed on slugs so that a second run changes nothing:

- the reference article of ``/work/shared/seed``, complete, from the committed copy
  ``reference_article.txt`` (parsed, never retyped): slug ``REFERENCE_SLUG``, in
  International › Europe, with its dossier, its lead photo (a stand-in image drawn by
  ``photo.py``, with the page's exact caption and credit), its five attributed quotes and
  its people, places and organisations as tags;
- six other published articles of the same dossier, written for the demo (``stories.py``);
- two articles that must never be public: the draft ``DRAFT_SLUG`` and ``SCHEDULED_SLUG``,
  published for ``SCHEDULED_AT`` (2030).

``generate_articles N`` bulk-inserts articles whose slugs start with «gen-» (``cast.PREFIX``).
"""

import datetime as dt

REFERENCE_SLUG = "guerre-ukraine-nord-coreens-engages-dans-des-operations-de-combat"
DRAFT_SLUG = "demo-brouillon"
SCHEDULED_SLUG = "demo-programme"
SCHEDULED_AT = dt.datetime(2030, 1, 1, 8, 0, tzinfo=dt.UTC)
DOSSIER_SLUG = "guerre-entre-l-ukraine-et-la-russie"
