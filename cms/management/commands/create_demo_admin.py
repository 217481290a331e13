import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the demo superuser 'admin'. The password comes from DEMO_ADMIN_PASSWORD, "
        "or is generated and printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        user = User.objects.filter(username="admin").first()
        if user and not password:
            self.stdout.write("Demo admin 'admin' exists; set DEMO_ADMIN_PASSWORD to reset its password.")
            return
        generated = not password
        password = password or secrets.token_urlsafe(12)
        if user is None:
            user = User.objects.create_superuser("admin", email="", password=password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        self.stdout.write(f"Admin: {admin_url}  user: admin")
        if generated:
            self.stdout.write(f"Generated password (shown once): {password}")
