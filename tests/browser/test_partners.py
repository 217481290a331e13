"""A reader finds a support service in Chromium: filter without JavaScript, open a partner, call."""


def test_reader_filters_the_directory_by_language_and_opens_a_partner(page, live_url):
    page.goto(f"{live_url}/en/support-services/")
    page.select_option("#filter-language", "pl")
    page.get_by_role("button", name="Show services").click()
    assert "language=pl" in page.url
    cards = page.locator(".partner-card__name")
    assert cards.count() == 1
    cards.get_by_role("link").click()
    assert page.url.endswith("/en/support-services/refuge/")
    helpline = page.locator('main a[href="tel:08082000247"]')
    assert helpline.is_visible()
    assert helpline.inner_text() == "0808 2000 247"


def test_partner_page_in_a_right_to_left_language_keeps_numbers_in_order(page, live_url):
    page.goto(f"{live_url}/ar/support-services/refuge/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    number = page.locator('main a[href="tel:08082000247"] bdi')
    # The number is isolated from the Arabic around it, so its digits read left to right.
    assert number.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert number.inner_text() == "0808 2000 247"
    switcher = page.locator('.language-switcher a[hreflang="pl"]')
    assert switcher.get_attribute("href") == "/pl/support-services/refuge/"
