"""The clerk's page in a real browser (Debian's chromium + chromium-driver,
driven by Selenium): fill a Kế hoạch, watch the preview change, download the
PDF and lint it clean; an impossible date is shown beside the date field;
two drafts issued with "Cấp số" are found numbered in the register list.
A screenshot of each step is kept in target/browser/ (run.sh sets the
server's address in VANBAN_URL)."""

import os
import pathlib
import subprocess
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

URL = os.environ.get("VANBAN_URL", "http://127.0.0.1:8080")
OUT = pathlib.Path(os.environ.get("VANBAN_BROWSER_OUT", "target/browser")).resolve()
WAIT = 120  # seconds: the machine may be busy; no assertion is on time


@pytest.fixture(scope="module")
def browser():
    OUT.mkdir(parents=True, exist_ok=True)
    downloads = OUT / "downloads"
    downloads.mkdir(exist_ok=True)
    for old in downloads.iterdir():
        old.unlink()
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--lang=vi"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
    })
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def shot(driver, name):
    driver.save_screenshot(str(OUT / f"{name}.png"))


def wait(driver, condition, what):
    return WebDriverWait(driver, WAIT).until(lambda d: condition(d), message=what)


def field(driver, path, tag="input"):
    return driver.find_element(By.CSS_SELECTOR, f'.field[data-field="{path}"] {tag}')


def fill(driver, path, text, tag="input"):
    element = field(driver, path, tag)
    element.clear()
    element.send_keys(text)
    return element


def list_fill(driver, path, items):
    box = driver.find_element(By.CSS_SELECTOR, f'.field[data-field="{path}"]')
    add = box.find_element(By.XPATH, ".//button[starts-with(normalize-space(.), '+')]")
    for item in items:
        add.click()
        box.find_elements(By.CSS_SELECTOR, ".list-row input")[-1].send_keys(item)


def version(driver):
    return int(driver.find_element(By.ID, "preview").get_attribute("data-version"))


def open_page(driver):
    driver.get(URL + "/")
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
         "the page loads its schema and kinds")


def fill_plan(driver, date="2024-03-08"):
    Select(field(driver, "kind", "select")).select_by_value("ke-hoach")
    fill(driver, "parent", "UBND TỈNH TÂY NINH")
    fill(driver, "issuer.name", "VĂN PHÒNG")
    fill(driver, "issuer.abbreviation", "VP")
    fill(driver, "number", "1026")
    fill(driver, "place", "Tây Ninh")
    fill(driver, "date", date)
    fill(driver, "summary", "Tuyên truyền các phong trào thi đua năm 2024", "textarea")
    body = field(driver, "body", "textarea")
    body.clear()
    driver.find_element(By.CSS_SELECTOR, '.md-buttons button[aria-label^="Chèn mục cấp I"]').click()
    body.send_keys("Mục đích, yêu cầu\n\nNâng cao nhận thức của công chức về thi đua.\n\n")
    driver.find_element(By.CSS_SELECTOR, '.md-buttons button[aria-label^="Chèn khoản"]').click()
    body.send_keys("Mục đích\n\n- Tuyên truyền sâu rộng trong Văn phòng.\n")
    list_fill(driver, "recipients", ["UBND tỉnh (để b/c)", "Các phòng thuộc Văn phòng"])
    list_fill(driver, "signer.authority", ["KT. CHÁNH VĂN PHÒNG"])
    fill(driver, "signer.title", "PHÓ CHÁNH VĂN PHÒNG")
    fill(driver, "signer.name", "Nguyễn Văn An")


def test_fill_a_plan_preview_download_and_lint(browser):
    open_page(browser)
    shot(browser, "01-page")
    fill_plan(browser)
    wait(browser, lambda d: version(d) >= 1 and "lỗi" not in d.find_element(By.ID, "status").text
         and "Đang" not in d.find_element(By.ID, "status").text,
         "the preview renders the plan")
    shot(browser, "02-plan-filled")
    before = version(browser)
    fill(browser, "summary", "Tuyên truyền các điển hình tiên tiến năm 2024", "textarea")
    wait(browser, lambda d: version(d) > before, "the preview follows the new summary")
    shot(browser, "03-preview-changed")

    browser.find_element(By.ID, "dl-pdf").click()
    pdf = wait(browser, lambda d: next((p for p in d.downloads.glob("*.pdf")), None), "the PDF downloads")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "KẾ HOẠCH" in text
    assert "điển hình tiên tiến" in text

    browser.get(URL + "/lint")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
         "the lint page loads")
    browser.find_element(By.ID, "lint-file").send_keys(str(pdf))
    status = wait(browser, lambda d: d.find_element(By.ID, "lint-status").get_attribute("data-errors"),
                  "the findings arrive")
    shot(browser, "04-lint")
    assert status == "0", browser.find_element(By.ID, "lint-result").text


def test_an_impossible_date_is_shown_beside_the_date_field(browser):
    open_page(browser)
    fill_plan(browser, date="2024-02-30")
    date_field = browser.find_element(By.CSS_SELECTOR, '.field[data-field="date"]')
    error = wait(browser, lambda d: date_field.find_element(By.CSS_SELECTOR, ".field-error").text,
                 "a problem appears beside the date field")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", date_field)
    shot(browser, "05-impossible-date")
    assert "30" in error
    assert "invalid" in date_field.get_attribute("class")
    assert field(browser, "date").get_attribute("aria-invalid") == "true"
    # The other fields are fine: nothing beside them.
    for path in ("summary", "signer.name"):
        beside = browser.find_element(By.CSS_SELECTOR, f'.field[data-field="{path}"] .field-error')
        assert beside.text == ""


def test_two_drafts_issued_are_numbered_in_the_register_list(browser):
    open_page(browser)
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-register") == "true",
         "the register panel appears (the server runs with --db)")
    fill_plan(browser)
    field(browser, "number").clear()
    field(browser, "date").clear()
    issued = []
    for summary in ("Tuyên truyền thi đua quý I năm 2026", "Tuyên truyền thi đua quý II năm 2026"):
        fill(browser, "summary", summary, "textarea")
        before = len(browser.find_elements(By.CSS_SELECTOR, "#register-rows tr"))
        browser.find_element(By.ID, "issue-btn").click()
        wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#register-rows tr")) > before,
             "the issued draft appears in the register list")
        issued.append(browser.find_element(By.ID, "register-message").text)
    panel = browser.find_element(By.ID, "register-panel")
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", panel)
    shot(browser, "06-register")
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#register-rows tr")]
    assert any(r.startswith("01/KH-VP") and "quý I " in r for r in rows), rows
    assert any(r.startswith("02/KH-VP") and "quý II" in r for r in rows), rows
    assert "01/KH-VP" in issued[0] and "02/KH-VP" in issued[1], issued
