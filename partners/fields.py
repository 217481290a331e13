"""A set of codes from a fixed vocabulary, stored portably and filterable in SQL."""

import json
from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import NotSupportedError, models
from django.db.models import Lookup
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

Choices = Iterable[tuple[str, Any]]


class ChoiceListField(models.JSONField):
    """A list of codes from a fixed vocabulary ("housing", "pl"), stored as a JSON list.

    Why not the alternatives: PostgreSQL's ArrayField does not exist on SQLite; a many-to-many
    table is not supported by wagtail-localize (it would not be synchronised to translations);
    a JSON list is one column, copied whole to every translation as a synchronised field, and
    filtered in SQL by the ``has`` lookup below on both databases. Editors see checkboxes.

    The vocabulary only shapes forms and validation, not the schema, so it stays out of
    migrations (a vocabulary change needs no migration).
    """

    def __init__(self, *args: Any, vocabulary: Choices | Callable[[], Choices] = (), **kwargs: Any) -> None:
        self.vocabulary = vocabulary
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def get_vocabulary(self) -> list[tuple[str, Any]]:
        vocabulary = self.vocabulary() if callable(self.vocabulary) else self.vocabulary
        return list(vocabulary)

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
            raise ValidationError(_("Choose from the list."), code="invalid_list")
        known = {code for code, _label in self.get_vocabulary()}
        unknown = [code for code in value if code not in known]
        if unknown:
            raise ValidationError(
                _("Not in the list: %(codes)s."), code="invalid_choice", params={"codes": ", ".join(unknown)}
            )
        if len(set(value)) != len(value):
            raise ValidationError(_("Each choice can only be ticked once."), code="duplicate")

    def formfield(self, **kwargs: Any) -> forms.Field:
        for key in ("form_class", "choices_form_class", "encoder", "decoder", "max_length"):
            kwargs.pop(key, None)
        defaults = {
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "choices": self.get_vocabulary,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        return forms.MultipleChoiceField(**defaults)


@ChoiceListField.register_lookup
class Has(Lookup):
    """``services__has="housing"``: the list contains this code."""

    lookup_name = "has"
    prepare_rhs = False

    def get_db_prep_lookup(self, value: Any, connection: Any) -> tuple[str, list[Any]]:
        # The right-hand side is one plain code, not a JSON document.
        return "%s", [str(value)]

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @> %s::jsonb", [*lhs_params, json.dumps(rhs_params)]

    def as_sqlite(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _rhs, rhs_params = self.process_rhs(compiler, connection)
        # `lhs` is the column reference Django compiled; the code itself travels as a parameter.
        sql = f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = %s)"  # noqa: S608
        return sql, [*lhs_params, *rhs_params]

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        raise NotSupportedError(f"The 'has' lookup supports PostgreSQL and SQLite, not {connection.vendor}.")
