"""What the browser tests share: the page's address, waiting on the page's
own state (never on time), filling the form, downloads and their text, the
file controls as drawn, Tab order and dropping a file."""

import os
import pathlib
import re
import subprocess
import zipfile

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

URL = os.environ.get("VANBAN_URL", "http://127.0.0.1:8080")
OUT = pathlib.Path(os.environ.get("VANBAN_BROWSER_OUT", "target/browser")).resolve()
WAIT = 120  # seconds: the machine may be busy; no assertion is on time


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


def status(driver):
    return driver.find_element(By.ID, "status").text


def open_page(driver):
    driver.get(URL + "/")
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
         "the page loads its schema and kinds")


def settled(driver, what):
    """Waits until the preview (or the problems shown) is of the input as it
    is now: the page compares the input of its last answer with the form."""
    wait(driver, lambda d: d.execute_script("return VBPage.upToDate()"), what)


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


def download(driver, button, suffix):
    """Clicks `button` and returns the file it downloads (a name ending in
    `suffix`), moved out of the download folder into target/browser/files/
    under a number of its own: Chromium writes `.crdownload` and renames it
    when complete, and overwrites a file of the same name."""
    for old in driver.downloads.iterdir():
        old.unlink()
    button.click()

    def arrived(d):
        return next((p for p in d.downloads.iterdir() if p.name.endswith(suffix)), None)
    got = wait(driver, arrived, f"a {suffix} file downloads")
    kept = OUT / "files"
    kept.mkdir(exist_ok=True)
    number = len(list(kept.iterdir())) + 1
    return got.rename(kept / f"{number:02}-{got.name}")


def pdf_text(path, layout=False):
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args,
                          capture_output=True, text=True, check=True).stdout


def docx_text(path):
    """The text of a DOCX's body, a line per paragraph; fails unless the file
    is a zip holding word/document.xml."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    lines = []
    for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        # Text runs, and the hyphen Word keeps unbroken (01/KH-VP).
        parts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:(noBreakHyphen) ?/>", paragraph)
        lines.append("".join("-" if hyphen else text for text, hyphen in parts))
    text = "\n".join(lines)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


# Each file control as it is drawn: the native input (whose button and
# status Chromium writes in its own language) no larger than a pixel and
# transparent, or not drawn at all (`hidden`, opened by a button of the
# page); its `<label for>` drawn as the button; its status text.
FILE_CONTROLS = """
return [...document.querySelectorAll('input[type=file]')].map((input) => {
  const r = input.getBoundingClientRect();
  const button = document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
  const b = button && button.getBoundingClientRect();
  const status = document.getElementById(input.id + '-status');
  return {
    id: input.id,
    drawn: !input.hidden && r.width * r.height > 1 && getComputedStyle(input).opacity !== '0',
    button: button ? button.innerText.trim() : null,
    buttonSize: b ? [Math.round(b.width), Math.round(b.height)] : null,
    status: status ? status.innerText.trim() : null,
  };
});
"""

# Chromium's own words for a native file control, in English.
ENGLISH_FILE_WORDS = ("Choose File", "No file chosen", "No file selected", "Browse")


def file_controls(driver):
    return {c["id"]: c for c in driver.execute_script(FILE_CONTROLS)}


def tab_to(driver, start, target_id, limit=40):
    """Focuses `start`, presses Tab until the element with `target_id` has
    the focus, and returns how many presses it took (fails past `limit`)."""
    driver.execute_script("arguments[0].focus()", start)
    for presses in range(1, limit + 1):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement.id") == target_id:
            return presses
    raise AssertionError(f"Tab from {start.get_attribute('outerHTML')[:80]} never reached #{target_id}")


DROP = """
const [target, input] = arguments;
const data = new DataTransfer();
for (const f of input.files) data.items.add(f);
input.remove();
for (const type of ['dragenter', 'dragover', 'drop']) {
  target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
}
"""


def drop_file(driver, target, path):
    """Drops the file at `path` on `target` as a drag from the desktop would:
    the file is read through a throwaway input, then dragged in."""
    carrier = driver.execute_script(
        "const i = document.createElement('input'); i.type = 'file'; i.hidden = true;"
        "document.body.appendChild(i); return i;")
    carrier.send_keys(str(path))
    driver.execute_script(DROP, target, carrier)
