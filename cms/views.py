from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page in the visitor's language that reveals nothing and needs no database."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request}))
