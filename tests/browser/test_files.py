"""Files in and out of the page: the form saved as YAML and opened again
gives the same fields and the same document; a year-end report started from
its template and example data takes its indicators from an uploaded .xlsx
(figures printed the Vietnamese way), and a workbook with a bad cell gets a
message beside the data naming the cell."""

import json

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from page import download, field, fill, fill_plan, open_page, pdf_text, settled, shot, wait


def test_save_the_form_as_yaml_and_open_it_again(browser):
    open_page(browser)
    fill_plan(browser)
    fill(browser, "summary", "Kiểm tra công tác lưu trữ năm 2024", "textarea")
    settled(browser, "the preview renders the plan")
    filled = browser.execute_script("return VBPage.collect()")
    text_before = pdf_text(download(browser, browser.find_element(By.ID, "dl-pdf"), ".pdf"))
    saved = download(browser, browser.find_element(By.ID, "save-yaml"), ".yaml")
    assert "summary: " in saved.read_text(encoding="utf-8")

    # A fresh page: nothing typed; then the saved file, opened.
    open_page(browser)
    assert field(browser, "summary", "textarea").get_attribute("value") == ""
    browser.find_element(By.ID, "open-file").send_keys(str(saved))
    wait(browser, lambda d: field(d, "summary", "textarea").get_attribute("value")
         == "Kiểm tra công tác lưu trữ năm 2024", "the saved file fills the form")
    settled(browser, "the preview renders the opened file")
    shot(browser, "09-yaml-opened")
    assert browser.execute_script("return VBPage.collect()") == filled
    assert field(browser, "signer.name").get_attribute("value") == "Nguyễn Văn An"
    recipients = [i.get_attribute("value") for i in browser.find_elements(
        By.CSS_SELECTOR, '.field[data-field="recipients"] .list-row input')]
    assert recipients == ["UBND tỉnh (để b/c)", "Các phòng thuộc Văn phòng"]
    text_after = pdf_text(download(browser, browser.find_element(By.ID, "dl-pdf"), ".pdf"))
    assert "Kiểm tra công tác lưu trữ năm 2024" in text_after
    assert text_after == text_before


def workbook(path, plan_of_second):
    """An indicator sheet as the data's own field names head it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chỉ tiêu"
    sheet.append(["group", "name", "unit", "key", "previous", "plan", "actual"])
    sheet.append(["Kinh tế", "Tổng giá trị sản xuất", "tỷ đồng", True, 1085.4, 1150, 1234567.8])
    sheet.append(["Kinh tế", "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", True, 8420,
                  plan_of_second, 9875.5])
    book.save(path)
    return path


def test_a_year_end_report_from_its_example_and_a_workbook(browser, tmp_path):
    good = workbook(tmp_path / "chi-tieu-2024.xlsx", 9000)
    bad = workbook(tmp_path / "chi-tieu-sai.xlsx", "chưa giao")
    open_page(browser)
    Select(browser.find_element(By.ID, "start")).select_by_value("bao-cao-ket-qua-nam")
    data = browser.find_element(By.ID, "tpl-data")
    wait(browser, lambda d: "indicators:" in data.get_attribute("value"), "the example data loads")
    settled(browser, "the example renders")
    assert browser.find_element(By.ID, "tpl-errors").text == ""
    example = pdf_text(download(browser, browser.find_element(By.ID, "dl-pdf"), ".pdf"))
    assert "1.192,6" in example and "1.234.567,8" not in example

    # The workbook, attached and pointed at by the indicators.
    browser.find_element(By.ID, "tpl-files").send_keys(str(good))
    files = browser.find_element(By.ID, "tpl-file-list")
    wait(browser, lambda d: "chi-tieu-2024.xlsx" in files.text, "the attached file is listed")
    assert Select(browser.find_element(By.ID, "tpl-use-field")).first_selected_option \
        .get_attribute("value") == "indicators"
    browser.find_element(By.ID, "tpl-use-btn").click()
    assert 'indicators: {from: "chi-tieu-2024.xlsx"}' in data.get_attribute("value")
    assert "Tổng đàn gia súc" not in data.get_attribute("value")
    settled(browser, "the preview renders the workbook's figures")
    assert browser.find_element(By.ID, "tpl-errors").text == ""
    assert "đang dùng" in files.text
    shot(browser, "10-year-end-report-workbook")
    text = pdf_text(download(browser, browser.find_element(By.ID, "dl-pdf"), ".pdf"))
    assert "1.234.567,8" in text, text
    assert "Tổng đàn gia súc" not in text
    # Saved, the data keeps its template's name (and its `from:`).
    saved = download(browser, browser.find_element(By.ID, "save-yaml"), ".yaml")
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# mẫu: bao-cao-ket-qua-nam", lines[:3]
    assert 'indicators: {from: "chi-tieu-2024.xlsx"}' in lines

    # A workbook with text where a number belongs: the message names its cell.
    browser.find_element(By.ID, "tpl-files").send_keys(str(bad))
    wait(browser, lambda d: "chi-tieu-sai.xlsx" in files.text, "the second file is listed")
    Select(browser.find_element(By.ID, "tpl-use-file")).select_by_value("chi-tieu-sai.xlsx")
    browser.find_element(By.ID, "tpl-use-btn").click()
    errors = browser.find_element(By.ID, "tpl-errors")
    settled(browser, "the server's answer on the bad workbook")
    shot(browser, "11-year-end-report-bad-cell")
    assert "chi-tieu-sai.xlsx" in errors.text and "F3" in errors.text, errors.text
    assert "chưa giao" in errors.text
    assert data.get_attribute("aria-invalid") == "true"

    # Removed, the file the data names is reported missing.
    browser.find_element(By.CSS_SELECTOR, 'button[aria-label="Bỏ tệp chi-tieu-sai.xlsx"]').click()
    wait(browser, lambda d: "chi-tieu-sai.xlsx — số liệu cần tệp này nhưng chưa chọn" in files.text,
         "the missing file is named")
    assert json.dumps(browser.execute_script(
        "return VBAttach.files().map((f) => f.name)")) == '["chi-tieu-2024.xlsx"]'

    # Another day: the saved data, opened, goes back to its template; the
    # workbook it names is asked for, and once chosen the report renders.
    open_page(browser)
    browser.find_element(By.ID, "open-file").send_keys(str(saved))
    def reopened(d):
        return (d.find_element(By.ID, "start").get_attribute("value") == "bao-cao-ket-qua-nam"
                and "chi-tieu-2024.xlsx" in d.find_element(By.ID, "tpl-data").get_attribute("value"))
    wait(browser, reopened, "the saved data opens in its template")
    data = browser.find_element(By.ID, "tpl-data")
    files = browser.find_element(By.ID, "tpl-file-list")
    assert data.get_attribute("value").splitlines() == lines[1:]
    assert "chi-tieu-2024.xlsx — số liệu cần tệp này nhưng chưa chọn" in files.text
    browser.find_element(By.ID, "tpl-files").send_keys(str(good))
    wait(browser, lambda d: "đang dùng" in files.text, "the workbook is attached again")
    settled(browser, "the reopened report renders")
    shot(browser, "12-year-end-report-reopened")
    assert browser.find_element(By.ID, "tpl-errors").text == ""
    assert pdf_text(download(browser, browser.find_element(By.ID, "dl-pdf"), ".pdf")) == text
