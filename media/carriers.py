"""Who shows a photo, for media's verbs.

Articles and dossiers sit above media and show its photos. Each registers here, from its
``AppConfig.ready``, a function giving the reach of a change to some photos: an object
with ``check(by)``, ``record(by=, at=, note=)`` and ``forget(keys=)`` (see
``articles.carriers.Reach``). A photo's verb calls them in that order, so it checks,
records and purges everything it reaches without importing the apps above it.
"""

_reach_functions = []
_public_uses = []


def register(reach_of) -> None:
    """``reach_of(photo_ids)`` returns the reach of a change to those photos."""
    if reach_of not in _reach_functions:
        _reach_functions.append(reach_of)


def register_public_use(shown) -> None:
    """``shown(at)`` returns a ``Q`` on Photo: the photos this app shows the public at ``at``
    (an article's lead photo and body photos, a dossier's cover). ``PhotoQuerySet.shown_publicly``
    joins them: the rule for who may fetch a photo's renditions."""
    if shown not in _public_uses:
        _public_uses.append(shown)


def public_uses() -> list:
    return list(_public_uses)


class Reach:
    """What every registered app says a change to ``photo_ids`` reaches."""

    def __init__(self, photo_ids):
        self.parts = [reach_of(list(photo_ids)) for reach_of in _reach_functions]

    def check(self, by) -> None:
        for part in self.parts:
            part.check(by)

    def record(self, *, by, at, note: str) -> None:
        for part in self.parts:
            part.record(by=by, at=at, note=note)

    def forget(self, *, keys=()) -> None:
        for part in self.parts:
            part.forget(keys=keys)

    def done(self, *, by, at, note: str, keys=()) -> None:
        """Once the change is made: ``record`` it, then ``forget``."""
        self.record(by=by, at=at, note=note)
        self.forget(keys=keys)
