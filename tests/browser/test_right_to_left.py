"""Right-to-left pages in real Chromium, on the narrowest phone screen we design for (320 px)."""

import pytest

NARROW = {"width": 320, "height": 640}


@pytest.mark.parametrize(
    "path",
    [
        "/ur/",
        "/ur/about/",
        "/ur/staying-safe-online/",
        "/ur/search/?q=پولیس",
        "/ur/events/",
        "/ur/events/safe2talk/",
        "/ur/programmes/metgirlz/",
        "/ur/support-services/",
        "/ur/support-services/refuge/",
        "/ar/",
        "/ar/about/",
        "/ar/events/safe2talk/",
        "/bn/about/",
    ],
)
def test_page_fits_a_320_pixel_screen_without_sideways_scrolling(page, live_url, path, tmp_path):
    page.set_viewport_size(NARROW)
    response = page.goto(f"{live_url}{path}")
    assert response.status == 200
    page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= NARROW["width"], f"{path} is {scroll_width}px wide"


def test_urdu_and_arabic_pages_run_right_to_left_with_english_isolated(page, live_url):
    page.set_viewport_size(NARROW)
    page.goto(f"{live_url}/ur/about/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The page name starts at the right-hand edge, as Urdu readers expect.
    name = page.locator(".site-header__name").bounding_box()
    assert name["x"] + name["width"] > NARROW["width"] / 2
    # The English link in the language switcher stays left to right inside the Urdu page.
    english = "document.querySelector('.language-switcher [hreflang=en]')"
    assert page.evaluate(f"getComputedStyle({english}).direction") == "ltr"


def test_arrows_point_the_way_the_text_runs(page, live_url):
    def arrow_transform(path: str) -> str:
        page.goto(f"{live_url}{path}")
        return page.evaluate(
            """() => {
                const arrow = document.createElement("span");
                arrow.className = "icon-arrow";
                arrow.textContent = "→";
                document.querySelector("main").append(arrow);
                return getComputedStyle(arrow).transform;
            }"""
        )

    assert arrow_transform("/en/") == "none"
    assert arrow_transform("/ur/") == "matrix(-1, 0, 0, 1, 0, 0)"
    assert arrow_transform("/ar/") == "matrix(-1, 0, 0, 1, 0, 0)"
