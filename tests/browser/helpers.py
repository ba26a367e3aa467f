"""Steps shared by the browser tests."""


def log_in(page, username: str, password: str = "a-test-password-1") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
