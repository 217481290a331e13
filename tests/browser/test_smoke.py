def test_home_page_renders_in_chromium_in_right_to_left_script(page, live_url):
    page.goto(f"{live_url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("main h1").is_visible()


def test_admin_login_page_is_served(page, live_url):
    response = page.goto(f"{live_url}/admin/login/")
    assert response.status == 200
    assert page.locator("input[name=username]").is_visible()
