"""Prefixed names: shortening an IRI and expanding a name back."""

import pytest

from vnrukg.namespaces import BASE, PREFIXES, expand, shorten


@pytest.mark.parametrize(
    ("iri", "short"),
    [
        (BASE + "id/phan-van-giang", "vnrd:phan-van-giang"),
        (BASE + "ontology#Person", "vnru:Person"),
        ("http://www.w3.org/ns/org#member", "org:member"),
        ("https://schema.org/location", "schema:location"),
        # letters and digits of any script, "_", "-" and "." make a local name
        (BASE + "id/Đặng_1.2", "vnrd:Đặng_1.2"),
        (BASE + "id/٣", "vnrd:٣"),
        (BASE + "id/a²", "vnrd:a²"),
        # anything else, or nothing, keeps the whole IRI
        (BASE + "id/", BASE + "id/"),
        (BASE + "id/a b", BASE + "id/a b"),
        (BASE + "id/a\n", BASE + "id/a\n"),
        (BASE + "id/a/b", BASE + "id/a/b"),
        (BASE + "idx", BASE + "idx"),
        ("urn:x", "urn:x"),
        ("", ""),
    ],
)
def test_shorten(iri, short):
    assert shorten(iri) == short


def test_every_prefix_shortens_and_expands_back():
    for prefix, namespace in PREFIXES.items():
        assert shorten(namespace + "local") == f"{prefix}:local"
        assert expand(shorten(namespace + "local")) == namespace + "local"
