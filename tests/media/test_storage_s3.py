"""With django-storages configured for S3-compatible object storage, originals and
renditions go to the bucket and the API gives their bucket URLs (moto plays S3, offline)."""

import orjson
import pytest

from tests.media import images

moto = pytest.importorskip("moto")
BUCKET = "newsroom-photos"


@pytest.fixture
def bucket(settings, monkeypatch):
    import boto3

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    with moto.mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-3")
        s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
        )
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "eu-west-3",
                    "querystring_auth": False,
                    "file_overwrite": False,
                },
            },
        }

        def keys() -> list[str]:
            listing = s3.list_objects_v2(Bucket=BUCKET)
            return sorted(item["Key"] for item in listing.get("Contents", []))

        yield keys


def test_original_and_renditions_are_stored_in_the_bucket(bucket, create, editor, as_user):
    photo = create(images.jpeg((700, 500)), "seine.jpg")

    assert bucket() == sorted(
        [photo.image.name, *(rendition.file.name for rendition in photo.renditions.all())]
    )
    body = as_user(editor).get(f"/api/v1/photos/{photo.pk}/").json()
    assert body["image"]["url"] == (f"https://{BUCKET}.s3.amazonaws.com/{photo.image.name}")
    assert all(r["url"].startswith(f"https://{BUCKET}.s3.") for r in body["renditions"])


def test_refused_file_leaves_the_bucket_empty(bucket, editor, as_user):
    response = as_user(editor).post(
        "/api/v1/photos/",
        {"image": images.upload(images.png_claiming(20_000, 20_000))},
        format="multipart",
    )

    assert response.status_code == 400
    assert bucket() == []


def test_stored_public_copies_and_sitemaps_keep_the_bucket_urls(
    bucket, create, make_published, api
):
    photo = create(images.jpeg((700, 500)), "seine.jpg", caption="La Seine", credit="AFP")
    article = make_published(lead_photo=photo)
    original = f"https://{BUCKET}.s3.amazonaws.com/{photo.image.name}"

    detail = api.get(f"/api/v1/articles/{article.slug}/").json()  # rendered without a request
    assert detail["lead_photo"]["url"] == original
    assert detail["jsonld"]["image"][0]["url"] == original
    assert f"<image:loc>{original}</image:loc>" in api.get("/sitemap-news.xml").content.decode()


def test_a_dossier_export_keeps_the_bucket_url(bucket, create, make_published, archivist):
    from django.test import Client

    from tests.factories import DossierEntryFactory

    photo = create(images.jpeg((700, 500)), "seine.jpg", caption="La Seine", credit="AFP")
    entry = DossierEntryFactory(article=make_published(lead_photo=photo))
    client = Client()
    client.force_login(archivist)

    response = client.get(f"/dossiers/{entry.dossier.slug}/export.json")
    exported = orjson.loads(b"".join(response.streaming_content))

    [article] = exported["articles"]
    assert article["photo_url"] == f"https://{BUCKET}.s3.amazonaws.com/{photo.image.name}"
