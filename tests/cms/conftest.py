import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from cms.groups import translator_group_name


@pytest.fixture
def polish_translator(client):
    """A client logged in as a member of the Polish translators group that `setup_groups` creates."""
    call_command("setup_groups", verbosity=0)
    user = get_user_model().objects.create_user("tłumaczka", password="a-long-password-for-tests")
    user.groups.add(Group.objects.get(name=translator_group_name("pl")))
    client.force_login(user)
    return client
