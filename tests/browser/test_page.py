"""The clerk's page in a real browser (Debian's chromium + chromium-driver,
driven by Selenium): fill a Kế hoạch, watch the preview change, download the
PDF and lint it clean, download the DOCX and lint it dropped on the page; an impossible date is shown beside
the date field; two drafts issued with "Cấp số" are found numbered in the
register list and in the year's book. A screenshot of each step is kept in
target/browser/ (run.sh sets the server's address in VANBAN_URL)."""

import re

import openpyxl
from selenium.webdriver.common.by import By

from page import (URL, docx_text, download, drop_file, field, file_controls, fill, fill_plan,
                  open_page, pdf_text, settled, shot, status, version, wait)


def test_fill_a_plan_preview_download_and_lint(browser):
    open_page(browser)
    shot(browser, "01-page")
    fill_plan(browser)
    settled(browser, "the preview renders the plan")
    assert version(browser) >= 1 and "lỗi" not in status(browser), status(browser)
    shot(browser, "02-plan-filled")
    before = version(browser)
    fill(browser, "summary", "Tuyên truyền các điển hình tiên tiến năm 2024", "textarea")
    settled(browser, "the preview follows the new summary")
    assert version(browser) > before
    shot(browser, "03-preview-changed")

    pdf = download(browser, browser.find_element(By.ID, "dl-pdf"), ".pdf")
    text = pdf_text(pdf)
    assert "KẾ HOẠCH" in text
    assert "điển hình tiên tiến" in text

    browser.get(URL + "/lint")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
         "the lint page loads")
    browser.find_element(By.ID, "lint-file").send_keys(str(pdf))
    errors = wait(browser, lambda d: d.find_element(By.ID, "lint-status").get_attribute("data-errors"),
                  "the findings arrive")
    shot(browser, "04-lint")
    assert errors == "0", browser.find_element(By.ID, "lint-result").text
    assert file_controls(browser)["lint-file"]["status"] == pdf.name


def test_download_the_docx_of_the_form(browser):
    open_page(browser)
    fill_plan(browser)
    fill(browser, "summary", "Tổ chức Hội nghị tổng kết công tác văn thư năm 2024", "textarea")
    settled(browser, "the preview renders the plan")
    docx = download(browser, browser.find_element(By.ID, "dl-docx"), ".docx")
    shot(browser, "05-docx-downloaded")
    text = docx_text(docx)
    assert "Tổ chức Hội nghị tổng kết công tác văn thư năm 2024" in text, text
    assert "KẾ HOẠCH" in text
    assert "Nguyễn Văn An" in text

    # Dropped on the lint page (not chosen), the DOCX is linted clean too.
    browser.get(URL + "/lint")
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
         "the lint page loads")
    drop_file(browser, browser.find_element(By.ID, "drop"), docx)
    errors = wait(browser, lambda d: d.find_element(By.ID, "lint-status").get_attribute("data-errors"),
                  "the findings on the dropped file arrive")
    shot(browser, "05b-docx-dropped-and-linted")
    assert browser.find_element(By.ID, "lint-status").text.startswith(docx.name + ": ")
    assert file_controls(browser)["lint-file"]["status"] == docx.name
    assert errors == "0", browser.find_element(By.ID, "lint-result").text


def test_an_impossible_date_is_shown_beside_the_date_field(browser):
    open_page(browser)
    fill_plan(browser, date="2024-02-30")
    date_field = browser.find_element(By.CSS_SELECTOR, '.field[data-field="date"]')
    error = wait(browser, lambda d: date_field.find_element(By.CSS_SELECTOR, ".field-error").text,
                 "a problem appears beside the date field")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", date_field)
    shot(browser, "06-impossible-date")
    assert "30" in error
    assert "invalid" in date_field.get_attribute("class")
    assert field(browser, "date").get_attribute("aria-invalid") == "true"
    # The other fields are fine: nothing beside them.
    for path in ("summary", "signer.name"):
        beside = browser.find_element(By.CSS_SELECTOR, f'.field[data-field="{path}"] .field-error')
        assert beside.text == ""


def test_two_drafts_issued_are_numbered_in_the_register_list_and_book(browser):
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
    shot(browser, "07-register")
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#register-rows tr")]
    assert any(r.startswith("01/KH-VP") and "quý I " in r for r in rows), rows
    assert any(r.startswith("02/KH-VP") and "quý II" in r for r in rows), rows
    assert "01/KH-VP" in issued[0] and "02/KH-VP" in issued[1], issued
    # Dates as Vietnamese write them, in the list and in the message.
    assert all(re.search(r" \d{2}/\d{2}/20\d{2} ", r) for r in rows), rows
    assert re.search(r"ngày \d{2}/\d{2}/20\d{2}$", issued[1]), issued

    # The year's book, in each of its formats, lists both.
    def book(fmt):
        return download(browser, panel.find_element(By.CSS_SELECTOR, f'button.book[data-format="{fmt}"]'),
                        "." + fmt)
    text = pdf_text(book("pdf"))
    shot(browser, "08-register-book")
    assert "01/KH-VP" in text and "02/KH-VP" in text, text
    assert "quý II năm 2026" in text, text
    text = docx_text(book("docx"))
    assert "01/KH-VP" in text and "02/KH-VP" in text, text
    sheet = openpyxl.load_workbook(book("xlsx"), read_only=True).active
    cells = " | ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None)
    assert "01/KH-VP" in cells and "02/KH-VP" in cells, cells
