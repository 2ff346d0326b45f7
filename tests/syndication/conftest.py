from tests.api.conftest import article  # noqa: F401 - «papier», a rich published article
