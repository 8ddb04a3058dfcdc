"""QR codes that work: a card's QR code leads a phone to its full page only when the site was
built for an address another device can open. A build for a local address (the session build's
127.0.0.1, `make build` without SITE_URL) prints no code, each card says why in its language,
and the build says so in one line that a strict build survives; a build for the public address
draws every code. The deploy builds with the public address."""

from __future__ import annotations

import subprocess

import pytest
import segno
import yaml

from playbook import label_files
from support import LANGUAGES, PUBLIC_URL, ROOT, cards_site, mkdocs_build, page_url

LINE = "QR codes: the site's address"
CARDS = [(type_id, language) for language in LANGUAGES for type_id in cards_site.TYPES]


def card(site, type_id, language) -> str:
    return (site / page_url(f"cards/{type_id}", language) / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def default_build(tmp_path_factory):
    """The playbook as `make build` builds it without SITE_URL (mkdocs.yml's 127.0.0.1:8000)."""
    site = tmp_path_factory.mktemp("local-site")
    result = mkdocs_build(ROOT, site, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


@pytest.mark.parametrize(("type_id", "language"), CARDS)
def test_a_card_built_for_a_local_address_has_no_qr_code_and_says_why(site, type_id, language):
    # The session build is served on 127.0.0.1: a local address.
    html = card(site, type_id, language)
    assert 'class="qc-qr"' not in html and "qc-card__qr" not in html
    note = label_files.labels("cards")[language]["qr_missing"]
    assert f'<p class="qc-card__note">{note}</p>' in html


def test_a_local_build_says_so_once_and_still_passes_strict(default_build):
    site, output = default_build
    assert output.count(LINE) == 1, output
    assert "http://127.0.0.1:8000/" in next(line for line in output.splitlines() if LINE in line)
    # Every page that shows cards: each card, all cards at once, the kiosk.
    pages = list(site.glob("cards/*/index.html")) + list(site.glob("en/cards/*/index.html"))
    pages += [site / "kiosk/index.html", site / "en/kiosk/index.html"]
    assert len(pages) == 2 * (len(cards_site.TYPES) + 2)
    assert all('class="qc-qr"' not in path.read_text(encoding="utf-8") for path in pages)


@pytest.mark.parametrize(("type_id", "language"), CARDS)
def test_a_public_build_draws_every_code_of_the_full_pages_address(public_build, type_id, language):
    site, output = public_build
    assert LINE not in output
    html = card(site, type_id, language)
    address = PUBLIC_URL + page_url(f"tipos/{type_id}", language)
    expected = segno.make(address, error="m").svg_inline(
        scale=1, border=4, dark="#000", light="#fff", svgclass="qc-qr", lineclass=None, omitsize=True,
        title=label_files.labels("cards")[language]["qr_title"].format(url=address))
    assert expected in html
    assert "qc-card__note" not in html


def test_the_deploy_builds_with_the_public_address():
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    pages = next(step for step in steps if "configure-pages" in step.get("uses", ""))
    build = next(step for step in steps if step.get("run", "").strip() == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}/"
    # And refuses a site whose cards came out without their codes.
    check = next(index for index, step in enumerate(steps) if "qc-card__note" in step.get("run", ""))
    assert steps.index(build) < check


def test_the_deploys_check_passes_a_public_site_and_stops_a_local_one(default_build, public_build, tmp_path):
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    script = next(step["run"] for step in workflow["jobs"]["build"]["steps"] if "qc-card__note" in step.get("run", ""))
    for (site, _), passes in ((public_build, True), (default_build, False)):
        (tmp_path / "site").unlink(missing_ok=True)
        (tmp_path / "site").symlink_to(site, target_is_directory=True)
        result = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True)
        assert (result.returncode == 0) is passes, result.stdout + result.stderr
