"""Images and documents on S3-compatible object storage (moto's server on loopback)."""

import io
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.settings.base import object_storage

pytestmark = pytest.mark.django_db
BUCKET = "safe-spaces-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    moto_server = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    process = subprocess.Popen(
        [moto_server, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("moto_server did not start")
            time.sleep(0.2)
    yield endpoint
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-access-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret-key")
    s3 = boto3.resource("s3", endpoint_url=s3_endpoint, region_name="eu-west-2")
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(
            {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": s3_endpoint, "AWS_S3_REGION_NAME": "eu-west-2"}
        ),
    }
    yield s3.Bucket(BUCKET)
    s3.Bucket(BUCKET).objects.all().delete()
    s3.Bucket(BUCKET).delete()


def png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (75, 42, 123)).save(buffer, "PNG")
    return buffer.getvalue()


def test_images_and_their_renditions_live_in_the_bucket(bucket):
    image = get_image_model().objects.create(
        title="Library entrance", file=ImageFile(io.BytesIO(png()), name="door.png")
    )
    rendition = image.get_rendition("fill-32x32")
    keys = {item.key for item in bucket.objects.all()}
    assert image.file.name in keys
    assert rendition.file.name in keys
    assert not Path(image.file.name).is_absolute()


def test_documents_live_in_the_bucket(bucket):
    document = get_document_model().objects.create(
        title="Leaflet", file=SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4 leaflet")
    )
    assert document.file.name in {item.key for item in bucket.objects.all()}
    assert bucket.Object(document.file.name).get()["Body"].read() == b"%PDF-1.4 leaflet"
