"""The package documents itself truly: its docstring examples run, and
every public name has a docstring."""

from __future__ import annotations

import doctest
import inspect

import byline
import byline.spacy


def test_docstring_examples_run() -> None:
    result = doctest.testmod(byline, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3 and result.failed == 0


def test_every_public_name_has_a_docstring() -> None:
    for module in (byline, byline.spacy):
        for name in module.__all__:
            obj = getattr(module, name)
            if name.isupper():
                continue  # constants are documented with #: comments
            assert inspect.getdoc(obj), f"{module.__name__}.{name}"
            for member_name, member in vars(obj).items() if inspect.isclass(obj) else ():
                if not member_name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property)):
                    assert inspect.getdoc(member), f"{name}.{member_name}"
