"""Typed literals checked against the XML Schema datatypes they claim.

rdflib checks only some datatypes when it parses (``"abc"^^xsd:gYear`` passes), reports the
ones it does check by logging a traceback, and rewrites some of them. Here every literal typed
with an XSD datatype, as the strict parser (Oxigraph) reads it from the file, is checked
against that datatype's lexical space and value constraints by elementpath, a maintained
implementation of the XSD 1.1 datatypes; ``validate`` reports each ill-typed literal as a
problem of its own, so nothing bad is published (the loader silences rdflib's own messages
about them: :func:`vnrukg.store.quiet_rdflib`).
"""

from __future__ import annotations

from typing import Any

from elementpath.datatypes import builtin_atomic_types

XSD = "http://www.w3.org/2001/XMLSchema#"
#: Datatypes with no lexical constraint worth checking (any string is one).
_ANY_TEXT = {XSD + "string", XSD + "normalizedString", XSD + "token"}


def problem(text: str, datatype: str) -> str | None:
    """Why ``text`` is not a valid value of the datatype IRI ``datatype`` (``None`` if it is).

    Only XML Schema datatypes are checked; the text must be the lexical form as written (rdflib
    rewrites some ill-typed forms when it parses: ``"maybe"^^xsd:boolean`` becomes ``false``).
    """
    if not datatype.startswith(XSD) or datatype in _ANY_TEXT:
        return None
    name = datatype[len(XSD) :]
    kind = builtin_atomic_types.get("{http://www.w3.org/2001/XMLSchema}" + name)
    if kind is None:
        return f"not a value of xsd:{name}, which is not an XML Schema datatype"
    checker: Any = kind  # elementpath's datatype classes: validate() and make() are classmethods
    try:
        checker.validate(text)  # the lexical form (no stray spaces, no letters in a year)
        checker.make(text)  # the value (no 13th month, no 30 February, no negative count)
    except (ValueError, TypeError, ArithmeticError) as exc:
        reason = str(exc).split(" for <class", 1)[0]
        return f"not a valid xsd:{name}: {reason}"
    return None
