"""HTTP Digest and Basic answers, checked against the worked examples of the RFCs."""

from __future__ import annotations

import pytest

from vnrukg.httpauth import Authenticator, AuthError, Challenge, digest_response, parse_challenges

# RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256.
RFC7616 = {
    "realm": "http-auth@example.org",
    "qop": "auth, auth-int",
    "nonce": "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
    "opaque": "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
}
RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"


@pytest.mark.parametrize(
    ("algorithm", "response"),
    [
        ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
        ("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
    ],
)
def test_rfc7616_example(algorithm, response):
    challenge = {**RFC7616, "algorithm": algorithm}
    assert (
        digest_response(
            challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html", RFC7616_CNONCE, 1
        )
        == response
    )


def test_rfc2617_example():
    challenge = {
        "realm": "testrealm@host.com",
        "qop": "auth,auth-int",
        "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093",
    }
    assert (
        digest_response(
            challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", "0a4f113b", 1
        )
        == "6629fae49393a05397450978507c4ef1"
    )


def test_session_algorithm_hashes_the_nonces_into_a1():
    plain = digest_response({**RFC7616, "algorithm": "MD5"}, "u", "p", "PUT", "/x", "c", 1)
    session = digest_response({**RFC7616, "algorithm": "MD5-sess"}, "u", "p", "PUT", "/x", "c", 1)
    assert plain != session and len(session) == 32


def test_authorization_header_for_the_rfc7616_example():
    header = (
        'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, '
        'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", '
        'opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"'
    )
    auth = Authenticator("Mufasa", "Circle of Life")
    assert auth.learn(header, answered=False) is True
    assert auth.authorization("GET", "/dir/index.html", cnonce=RFC7616_CNONCE) == (
        'Digest username="Mufasa", realm="http-auth@example.org", '
        'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", uri="/dir/index.html", '
        'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", '
        'algorithm=SHA-256, opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", '
        f'qop=auth, nc=00000001, cnonce="{RFC7616_CNONCE}"'
    )
    assert ", nc=00000002, " in auth.authorization("GET", "/dir/index.html")


def test_basic_until_a_digest_challenge():
    auth = Authenticator("Aladdin", "open sesame")  # RFC 7617 section 2
    assert auth.authorization("PUT", "/store") == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
    assert auth.learn('Basic realm="kg"', answered=False) is False
    assert auth.authorization("PUT", "/store").startswith("Basic ")


def test_strongest_digest_challenge_is_answered():
    auth = Authenticator("u", "p")
    header = 'Digest realm="r", nonce="a", qop="auth", algorithm=MD5, Digest realm="r", nonce="b", qop="auth", algorithm=SHA-256'
    auth.learn(header, answered=False)
    assert ', nonce="b", ' in auth.authorization("GET", "/")
    assert "algorithm=SHA-256" in auth.authorization("GET", "/")


def test_a_fresh_challenge_after_an_answer_means_refused_a_stale_one_does_not():
    auth = Authenticator("u", "p")
    assert auth.learn('Digest realm="r", nonce="a", qop="auth"', answered=False)
    assert not auth.learn('Digest realm="r", nonce="b", qop="auth", stale=false', answered=True)
    assert auth.learn('Digest realm="r", nonce="c", qop="auth", stale=TRUE', answered=True)
    assert ', nonce="c", ' in auth.authorization("GET", "/")


def test_unanswerable_digest_challenge_is_named():
    auth = Authenticator("u", "p")
    with pytest.raises(AuthError) as caught:
        auth.learn('Digest realm="r", nonce="a", qop="auth-int", algorithm=SHA-512-256', False)
    assert str(caught.value) == (
        "asks for HTTP Digest authentication that vnrukg cannot answer "
        "(algorithm SHA-512-256, qop auth-int)"
    )
    # with Basic offered too, Basic is used
    header = 'Digest realm="r", nonce="a", algorithm=SHA-512-256, Basic realm="r"'
    assert auth.learn(header, answered=False) is False
    assert auth.authorization("GET", "/").startswith("Basic ")


def test_parse_challenges():
    header = (
        'Negotiate abc==, Digest realm="a, \\"b\\"", QOP="auth,auth-int", algorithm=SHA-256, '
        'nonce=x, Basic realm="kg", Bearer'
    )
    assert parse_challenges(header) == [
        Challenge("negotiate", {}),
        Challenge(
            "digest",
            {"realm": 'a, "b"', "qop": "auth,auth-int", "algorithm": "SHA-256", "nonce": "x"},
        ),
        Challenge("basic", {"realm": "kg"}),
        Challenge("bearer", {}),
    ]
    assert parse_challenges("") == []
    assert parse_challenges('=,"x"') == []
