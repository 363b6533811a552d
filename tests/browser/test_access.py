"""Keyboard and screen-reader labels, and the 1366×768 screen: every
control of both pages, in each of their states, has an accessible name as
Chromium computes it for assistive technology (and a hidden one its label
in the page), the form's labels are Vietnamese, and the page fits a
1366×768 window: no scrolling sideways, no control cut off at the side, the
panes scrolling rather than the page."""

import pathlib

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from page import (ENGLISH_FILE_WORDS, URL, file_controls, open_page, settled, shot, tab_to,
                  wait)

CONTROLS = "input, select, textarea, button"

# What the layout check asks the page: the controls that do not fit.
LAYOUT = """
const root = document.documentElement;
const out = [];
if (root.scrollWidth > root.clientWidth) out.push('the page scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
if (document.body.scrollWidth > document.body.clientWidth) out.push('the body scrolls sideways: ' + document.body.scrollWidth);
// The panes scroll, not the page: the header and the download buttons stay in sight.
if (root.scrollHeight > root.clientHeight) out.push('the page scrolls down: ' + root.scrollHeight + ' > ' + root.clientHeight);
for (const e of document.querySelectorAll(arguments[0])) {
  const r = e.getBoundingClientRect();
  if (!r.width && !r.height) continue;
  // The pane it scrolls in, if any: the control must not be cut off by it.
  let box = e.parentElement;
  while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
  const edge = box ? Math.min(box.getBoundingClientRect().right, window.innerWidth) : window.innerWidth;
  if (r.left < -0.5 || r.right > edge + 0.5) out.push((e.id || e.outerHTML.slice(0, 80)) + ' spans ' + Math.round(r.left) + '–' + Math.round(r.right) + ' past ' + Math.round(edge));
}
return out;
"""

# A hidden control still needs its label in the page (it may be shown later).
LABELS = """
const out = [];
for (const e of document.querySelectorAll(arguments[0])) {
  if (e.type === 'hidden') continue;
  const byFor = e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]');
  const named = e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || byFor || e.closest('label')
    || (e.tagName === 'BUTTON' && e.textContent.trim());
  if (!named) out.push(e.outerHTML.slice(0, 120));
}
return out;
"""


def shown_controls(driver):
    """The controls displayed: a file control counts when its button (its
    `<label for>`) is, the input itself being drawn only through it."""
    def shown(element):
        if element.is_displayed():
            return True
        if element.get_attribute("type") != "file" or not element.get_attribute("id"):
            return False
        labels = driver.find_elements(By.CSS_SELECTOR, f'label[for="{element.get_attribute("id")}"]')
        return any(label.is_displayed() for label in labels)
    return [e for e in driver.find_elements(By.CSS_SELECTOR, CONTROLS) if shown(e)]


def unnamed(driver):
    """The displayed controls Chromium gives no accessible name."""
    return [e.get_attribute("outerHTML")[:120] for e in shown_controls(driver)
            if not e.accessible_name.strip()]


# The form's labels are Vietnamese: none is a field's bare data name.
RAW_LABELS = """
return [...document.querySelectorAll('.field > label, fieldset > legend')]
  .map((l) => l.textContent.trim()).filter((t) => /^[a-z_]+$/.test(t));
"""


def check(driver, state):
    # A 1366×768 window: its whole width, its height less the browser's own bars.
    width, height = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    assert width == 1366 and 500 < height <= 768, (width, height)
    shown = shown_controls(driver)
    assert shown, state
    assert unnamed(driver) == [], state
    assert driver.execute_script(LABELS, CONTROLS) == [], state
    assert driver.execute_script(LAYOUT, CONTROLS) == [], state
    assert driver.execute_script(RAW_LABELS) == [], state
    return len(shown)


def test_every_control_is_named_and_the_pages_fit_1366x768(browser, tmp_path):
    open_page(browser)
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-register") == "true",
         "the register panel appears")
    # Every part of the form shown: the other fields, an appendix, list rows.
    browser.execute_script("for (const d of document.querySelectorAll('details')) d.open = true")
    browser.find_element(By.XPATH, "//button[starts-with(normalize-space(.), '+ Thêm phụ lục')]").click()
    for button in browser.find_elements(By.XPATH, "//button[normalize-space(.)='+ Thêm dòng']"):
        button.click()
    form = check(browser, "the form, every field shown")
    assert form > 60, form
    shot(browser, "20-access-form")

    # The template's data, with a workbook attached.
    Select(browser.find_element(By.ID, "start")).select_by_value("bao-cao-ket-qua-nam")
    wait(browser, lambda d: d.find_element(By.ID, "tpl-data").get_attribute("value"), "the example loads")
    sheet = pathlib.Path(__file__).resolve().parents[2] / "examples/data/chi-tieu-2024.xlsx"
    browser.find_element(By.ID, "tpl-files").send_keys(str(sheet))
    wait(browser, lambda d: d.find_element(By.ID, "tpl-use").is_displayed(), "the file's controls appear")
    settled(browser, "the example renders")
    check(browser, "the template's data and its file")
    shot(browser, "21-access-template")

    browser.get(URL + "/lint")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
         "the lint page loads")
    check(browser, "the lint page")
    shot(browser, "22-access-lint")


def vietnamese_file_controls(driver, ids, state):
    """Each file control of `ids` drawn as its Vietnamese button and status,
    no native control (with Chromium's English words) drawn, and no English
    file words anywhere in the page's text."""
    controls = file_controls(driver)
    for id in ids:
        c = controls.pop(id)
        assert not c["drawn"], (state, c)
        assert c["button"] == "Chọn tệp…", (state, c)
        assert c["buttonSize"][0] > 30 and c["buttonSize"][1] > 15, (state, c)
    # The YAML picker is opened by a button of its own and never drawn.
    assert not [c for c in controls.values() if c["drawn"]], (state, controls)
    text = driver.find_element(By.TAG_NAME, "body").text
    assert not [w for w in ENGLISH_FILE_WORDS if w.lower() in text.lower()], (state, text)
    return controls


def keyboard_opens(driver, start, id):
    """Tab reaches the file control from `start` with its button outlined,
    and Enter then Space each activate it (the picker itself is not opened:
    the page's test listener cancels the click)."""
    driver.execute_script(
        "window.picks = 0; document.getElementById(arguments[0]).addEventListener("
        "'click', (e) => { window.picks++; e.preventDefault(); })", id)
    tab_to(driver, start, id)
    button = driver.find_element(By.CSS_SELECTOR, f'label[for="{id}"]')
    assert driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", button) == "solid"
    assert driver.switch_to.active_element.accessible_name.startswith("Chọn tệp")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    wait(driver, lambda d: d.execute_script("return window.picks") == 2, "Enter and Space open the picker")


def test_file_controls_are_vietnamese_buttons_the_keyboard_reaches(browser, tmp_path):
    open_page(browser)
    Select(browser.find_element(By.ID, "start")).select_by_value("bao-cao-ket-qua-nam")
    wait(browser, lambda d: d.find_element(By.ID, "tpl-data").get_attribute("value"), "the example loads")
    vietnamese_file_controls(browser, ["tpl-files"], "the template's data")
    assert file_controls(browser)["tpl-files"]["status"] == "Chưa chọn tệp"
    # With no file, nothing to take a table from is offered.
    assert not browser.find_element(By.ID, "tpl-use").is_displayed()
    shot(browser, "23-file-control-empty")
    keyboard_opens(browser, browser.find_element(By.ID, "tpl-data"), "tpl-files")
    shot(browser, "24-file-control-focused")

    # Two workbooks chosen: their names are the status, still in Vietnamese.
    sheets = pathlib.Path(__file__).resolve().parents[2] / "examples/data"
    for name in ("chi-tieu-2024.xlsx", "chi-tieu-2025.xlsx"):
        browser.find_element(By.ID, "tpl-files").send_keys(str(sheets / name))
    wait(browser, lambda d: file_controls(d)["tpl-files"]["status"] == "chi-tieu-2024.xlsx, chi-tieu-2025.xlsx",
         "the chosen files are the status")
    assert browser.find_element(By.ID, "tpl-use").is_displayed()
    vietnamese_file_controls(browser, ["tpl-files"], "two workbooks chosen")
    browser.find_element(By.ID, "tpl-clear-files").click()
    wait(browser, lambda d: file_controls(d)["tpl-files"]["status"] == "Chưa chọn tệp", "no file again")
    assert not browser.find_element(By.ID, "tpl-use").is_displayed()

    browser.get(URL + "/lint")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
         "the lint page loads")
    vietnamese_file_controls(browser, ["lint-file"], "the lint page")
    assert file_controls(browser)["lint-file"]["status"] == "Chưa chọn tệp"
    keyboard_opens(browser, browser.find_element(By.CSS_SELECTOR, 'nav a[aria-current="page"]'), "lint-file")
    shot(browser, "25-lint-file-control-focused")
