"""The participants' page in a real browser (Debian's chromium through chromium-driver):
join, rate, propose and vote on a phone-sized and a laptop-sized window, with the effect
on the room checked and screenshots kept for a look (in the test's folder)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"


def _browser(width: int, height: int, language: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--lang={language}",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    browser = webdriver.Chrome(options=options, service=Service(DRIVER))
    browser.set_window_rect(width=width, height=height)
    # The page's size, not the window's: headless windows keep no frame.
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    return browser


@pytest.fixture
def phone() -> Iterator[webdriver.Chrome]:
    browser = _browser(360, 640, "en")
    yield browser
    browser.quit()


def _wait(browser: webdriver.Chrome, test, seconds: float = 10) -> None:
    WebDriverWait(browser, seconds, poll_frequency=0.05).until(lambda _b: test())


def _tap(browser: webdriver.Chrome, element) -> None:
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def test_a_phone_joins_by_qr_link_rates_proposes_and_votes(phone, server, room, tmp_path):
    phone.get(server.invitation)
    _wait(phone, lambda: phone.find_element(By.ID, "join").is_displayed())
    assert "#" not in phone.current_url, "the room token leaves the address bar"
    assert not phone.find_element(By.ID, "code").is_displayed(), "the QR link needs no code"
    phone.find_element(By.ID, "nickname").send_keys("Amina")
    phone.save_screenshot(str(tmp_path / "phone-join.png"))
    _tap(phone, phone.find_element(By.CSS_SELECTOR, "#join-form button"))
    _wait(phone, lambda: phone.find_element(By.ID, "cards").is_displayed())
    assert room.participants()[0][1] == "Amina"

    card = phone.find_element(By.CSS_SELECTOR, ".card[data-id='mayor']")
    assert card.find_element(By.TAG_NAME, "h3").text == "Mayor"
    assert "Municipal authority" in card.text
    for name, value in (("power", "4"), ("interest", "2"), ("position", "-1"), ("influence", "")):
        face = card.find_element(
            By.CSS_SELECTOR, f"input[name='mayor-{name}'][value='{value}'] + span"
        )
        _tap(phone, face)
    phone.save_screenshot(str(tmp_path / "phone-rate.png"))
    _tap(phone, card.find_element(By.CSS_SELECTOR, "button"))
    _wait(phone, lambda: room.answer_count() == 1)
    assert room.ratings("mayor", "power") == [4]
    assert room.ratings("mayor", "position") == [-1]
    assert room.ratings("mayor", "influence") == [None], "don't know kept as unknown"

    Select(phone.find_element(By.ID, "source")).select_by_visible_text("Imam of the central mosque")
    Select(phone.find_element(By.ID, "target")).select_by_visible_text("Mayor")
    Select(phone.find_element(By.ID, "kind")).select_by_visible_text("Trust")
    Select(phone.find_element(By.ID, "strength")).select_by_visible_text("5")
    _tap(phone, phone.find_element(By.CSS_SELECTOR, "#propose-form button"))
    _wait(phone, lambda: len(room.proposals()) == 1)
    tie = room.proposals()[0]
    assert (tie.source, tie.target, tie.kind, tie.strength) == ("imam", "mayor", "trust", 5)

    more = phone.find_element(By.CSS_SELECTOR, "button[aria-label='Mayor +1']")
    _tap(phone, more)
    _wait(phone, lambda: room.votes() == {"mayor": 1})
    _wait(phone, lambda: "Dots left: 4" in phone.find_element(By.ID, "dots-left").text)
    phone.save_screenshot(str(tmp_path / "phone-votes.png"))
    width = phone.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, "nothing wider than the phone's screen"

    # A reload (or a lost connection) resumes: the same participant, their answer shown.
    phone.refresh()
    _wait(phone, lambda: phone.find_elements(By.CSS_SELECTOR, ".card[data-id='mayor']"))
    checked = phone.find_element(By.CSS_SELECTOR, "input[name='mayor-power']:checked")
    assert checked.get_attribute("value") == "4"
    assert len(room.participants()) == 1


def test_a_laptop_joins_by_code_in_french_and_sees_a_clear_error(server, room, tmp_path):
    laptop = _browser(1280, 800, "fr")
    try:
        laptop.get(server.address)
        _wait(laptop, lambda: laptop.find_element(By.ID, "join").is_displayed())
        assert laptop.find_element(By.CSS_SELECTOR, "#join-form button").text == "Rejoindre"
        code = laptop.find_element(By.ID, "code")
        wrong = "000000" if room.code != "000000" else "111111"
        code.send_keys(wrong)
        _tap(laptop, laptop.find_element(By.CSS_SELECTOR, "#join-form button"))
        error = laptop.find_element(By.ID, "error")
        _wait(laptop, error.is_displayed)
        assert "code" in error.text and room.participants() == []
        laptop.save_screenshot(str(tmp_path / "laptop-wrong-code.png"))
        code.clear()
        code.send_keys(room.code)
        _tap(laptop, laptop.find_element(By.CSS_SELECTOR, "#join-form button"))
        _wait(laptop, lambda: laptop.find_elements(By.CSS_SELECTOR, ".card"))
        assert not error.is_displayed()
        assert room.participants()[0][1] == "", "no name: anonymous"
        cards = laptop.find_elements(By.CSS_SELECTOR, ".card")
        assert cards[0].location["y"] == cards[1].location["y"], "two columns on a laptop"
        laptop.save_screenshot(str(tmp_path / "laptop-room.png"))
    finally:
        laptop.quit()
