"""Uploads: images without SVG, documents from an allow-list and within a size limit."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("uploader", password="x" * 20))
    return client


def test_svg_images_are_refused(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("evil.svg", SVG, content_type="image/svg+xml")},
    )
    assert response.status_code in {200, 400}
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("name", ["page.html", "script.js", "run.exe", "drawing.svg"])
def test_documents_outside_the_allow_list_are_refused(admin_client, name):
    admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, b"<script>alert(1)</script>")},
    )
    assert not get_document_model().objects.exists()


def test_allowed_documents_within_the_size_limit_are_accepted(admin_client):
    admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4 small")},
    )
    assert get_document_model().objects.count() == 1


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * 2048)},
    )
    assert not get_document_model().objects.exists()
