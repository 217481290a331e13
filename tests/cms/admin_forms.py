"""What a browser would send from a Wagtail edit form, read from the form Wagtail renders.

StreamFields are drawn by JavaScript from the JSON state Wagtail puts in the page; this turns
that state into the fields the JavaScript would have written, so tests can post real forms.
"""

import json
from typing import Any

from bs4 import BeautifulSoup

SKIPPED_INPUT_TYPES = {"submit", "button", "image", "reset", "file"}


def _stream_fields(prefix: str, state: list[dict[str, Any]], data: dict[str, list[str]]) -> None:
    data[f"{prefix}-count"] = [str(len(state))]
    for position, child in enumerate(state):
        child_prefix = f"{prefix}-{position}"
        data[f"{child_prefix}-type"] = [child["type"]]
        data[f"{child_prefix}-id"] = [child.get("id") or ""]
        data[f"{child_prefix}-deleted"] = [""]
        data[f"{child_prefix}-order"] = [str(position)]
        _block_fields(f"{child_prefix}-value", child["value"], data)


def _block_fields(prefix: str, value: Any, data: dict[str, list[str]]) -> None:
    if isinstance(value, dict):  # a StructBlock: one field per child block
        for name, child in value.items():
            _block_fields(f"{prefix}-{name}", child, data)
    elif isinstance(value, list) and value and isinstance(value[0], dict) and "type" in value[0]:
        _stream_fields(prefix, value, data)
    elif isinstance(value, list) and all(isinstance(item, dict) and "value" in item for item in value):
        data[f"{prefix}-count"] = [str(len(value))]  # a ListBlock
        for position, item in enumerate(value):
            data[f"{prefix}-{position}-id"] = [item.get("id") or ""]
            data[f"{prefix}-{position}-deleted"] = [""]
            data[f"{prefix}-{position}-order"] = [str(position)]
            _block_fields(f"{prefix}-{position}-value", item["value"], data)
    elif isinstance(value, list):  # a multiple-choice widget
        data[prefix] = [str(item) for item in value]
    elif value is None:
        data[prefix] = [""]
    elif isinstance(value, bool):
        if value:
            data[prefix] = ["on"]
    else:
        data[prefix] = [value if isinstance(value, str) else json.dumps(value)]


def edit_form_data(html: bytes | str) -> dict[str, list[str]]:
    """The fields of the page's main form as the browser would submit them, unchanged."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("form[data-edit-form]") or soup.select_one("main form[method=post]")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data.setdefault(name, []).append(field.string or "")
        elif field.name == "select":
            selected = [option.get("value", option.get_text()) for option in field.find_all("option", selected=True)]
            if not selected and not field.has_attr("multiple"):
                first = field.find("option")
                selected = [first.get("value", first.get_text())] if first else []
            data.setdefault(name, []).extend(selected)
        else:
            kind = field.get("type", "text")
            if kind in SKIPPED_INPUT_TYPES:
                continue
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            data.setdefault(name, []).append(field.get("value", "on" if kind in ("checkbox", "radio") else ""))
    for block in form.select("[data-w-block-data-value]"):
        # <div id="body" data-controller="w-block" data-w-block-arguments-value="[state, errors]">
        arguments = json.loads(block.get("data-w-block-arguments-value", "[]"))
        if arguments and isinstance(arguments[0], list):
            _stream_fields(block["id"], arguments[0], data)
    return data
