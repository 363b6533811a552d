"""Keyboard and screen-reader labels, and the 1366×768 screen: every
control of both pages, in each of their states, has an accessible name as
Chromium computes it for assistive technology (and a hidden one its label
in the page), the form's labels are Vietnamese, and the page fits a
1366×768 window: no scrolling sideways, no control cut off at the side, the
panes scrolling rather than the page."""

import pathlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from page import URL, open_page, settled, shot, wait

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


def unnamed(driver):
    """The displayed controls Chromium gives no accessible name."""
    missing = []
    for element in driver.find_elements(By.CSS_SELECTOR, CONTROLS):
        if element.is_displayed() and not element.accessible_name.strip():
            missing.append(element.get_attribute("outerHTML")[:120])
    return missing


# The form's labels are Vietnamese: none is a field's bare data name.
RAW_LABELS = """
return [...document.querySelectorAll('.field > label, fieldset > legend')]
  .map((l) => l.textContent.trim()).filter((t) => /^[a-z_]+$/.test(t));
"""


def check(driver, state):
    # A 1366×768 window: its whole width, its height less the browser's own bars.
    width, height = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    assert width == 1366 and 500 < height <= 768, (width, height)
    shown = [e for e in driver.find_elements(By.CSS_SELECTOR, CONTROLS) if e.is_displayed()]
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
