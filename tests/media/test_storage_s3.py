"""With S3-compatible object storage (``media.storage.PrivateS3Storage``), originals and
renditions go to a private bucket; the API gives the project's own file URLs, which answer
with a short-lived signed URL of the bucket when the public rule allows (moto plays S3,
offline)."""

import urllib.parse

import orjson
import pytest
from django.test import Client

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
                "BACKEND": "media.storage.PrivateS3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "eu-west-3",
                    "file_overwrite": False,
                },
            },
        }

        def keys() -> list[str]:
            listing = s3.list_objects_v2(Bucket=BUCKET)
            return sorted(item["Key"] for item in listing.get("Contents", []))

        keys.client = s3
        yield keys


def test_original_and_renditions_are_stored_in_the_bucket(bucket, create, editor, as_user):
    photo = create(images.jpeg((700, 500)), "seine.jpg")

    assert bucket() == sorted(
        [photo.image.name, *(rendition.file.name for rendition in photo.renditions.all())]
    )
    body = as_user(editor).get(f"/api/v1/photos/{photo.pk}/").json()
    assert body["image"]["url"].endswith(f"/photos/files/{photo.image.name}")
    assert all("/photos/files/renditions/" in r["url"] for r in body["renditions"])


def test_every_file_in_the_bucket_is_private(bucket, create):
    photo = create(images.jpeg((700, 500)), "seine.jpg")

    for key in bucket():
        grants = bucket.client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
        assert [grant["Grantee"]["Type"] for grant in grants] == ["CanonicalUser"], key
    assert photo.image.name.startswith("originals/")


def test_a_public_rendition_redirects_to_a_short_lived_signed_url(
    bucket, create, make_published, settings
):
    photo = create(images.jpeg((700, 500)), "seine.jpg", caption="La Seine", credit="AFP")
    make_published(lead_photo=photo)
    rendition = photo.renditions.first()

    response = Client().get(rendition.file.url)

    assert response.status_code == 302
    location = urllib.parse.urlsplit(response["Location"])
    query = urllib.parse.parse_qs(location.query)
    assert location.path == f"/{rendition.file.name}"
    assert "X-Amz-Signature" in query or "Signature" in query
    expires = int((query.get("X-Amz-Expires") or ["0"])[0])
    assert 0 < expires <= settings.S3_SIGNED_URL_SECONDS
    assert f"s-maxage={settings.S3_SIGNED_URL_SECONDS // 3}" in response["Cache-Control"]


def test_a_drafts_files_are_404_and_the_original_never_redirects(bucket, create, editor):
    photo = create(images.jpeg((700, 500)), "seine.jpg")
    newsroom = Client()
    newsroom.force_login(editor)

    assert Client().get(photo.renditions.first().file.url).status_code == 404
    assert Client().get(photo.image.url).status_code == 404
    response = newsroom.get(photo.image.url)
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"


def test_refused_file_leaves_the_bucket_empty(bucket, editor, as_user):
    response = as_user(editor).post(
        "/api/v1/photos/",
        {"image": images.upload(images.png_claiming(20_000, 20_000))},
        format="multipart",
    )

    assert response.status_code == 400
    assert bucket() == []


def test_stored_public_copies_and_sitemaps_give_urls_that_never_expire(
    bucket, create, make_published, api, settings
):
    photo = create(images.jpeg((700, 500)), "seine.jpg", caption="La Seine", credit="AFP")
    article = make_published(lead_photo=photo)
    largest = photo.renditions.filter(ratio="original", format="JPEG").order_by("-width")[0]
    picture = f"{settings.SITE_URL}/photos/files/{largest.file.name}"

    detail = api.get(f"/api/v1/articles/{article.slug}/").json()  # rendered without a request
    assert detail["lead_photo"]["url"] == picture
    assert detail["jsonld"]["image"][0]["url"] == picture
    assert f"<image:loc>{picture}</image:loc>" in api.get("/sitemap-news.xml").content.decode()


def test_a_dossier_export_gives_the_originals_newsroom_url(
    bucket, create, make_published, archivist, settings
):
    from django.test import Client

    from tests.factories import DossierEntryFactory

    photo = create(images.jpeg((700, 500)), "seine.jpg", caption="La Seine", credit="AFP")
    entry = DossierEntryFactory(article=make_published(lead_photo=photo))
    client = Client()
    client.force_login(archivist)

    response = client.get(f"/dossiers/{entry.dossier.slug}/export.json")
    exported = orjson.loads(b"".join(response.streaming_content))

    [article] = exported["articles"]
    assert article["photo_url"] == f"{settings.SITE_URL}/photos/files/{photo.image.name}"
