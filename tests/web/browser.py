#!/usr/bin/python3
"""Drive the workbench in Debian's headless Chromium, the whole path:
open Tongdao, upload the workbook, see 96.15 in 表1, break a cell and see it
flagged in place, fix a cell, see the diff (96.15 -> 100.00), accept, render
the report, download the PDF and read its text back.

usage: browser.py BASE_URL WORKBOOK.csv DOWNLOAD_DIR SCREENSHOT_DIR
Prints TAP-like "ok - ..." / "not ok - ..." lines (tests/run.sh)."""
import os, subprocess, sys, tempfile, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

base, workbook, downloads, shots = sys.argv[1:5]
failures = 0


def report(what, ok):
    global failures
    print(("ok - " if ok else "not ok - ") + what, flush=True)
    if not ok:
        failures += 1


def wait(what, cond, timeout=30):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            v = cond()
            if v:
                report(what, True)
                return v
        except Exception as e:  # the page is still changing
            last = e
        time.sleep(0.1)
    report(what + (" (%s)" % last if last else " (timed out)"), False)
    return None


opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
profile = tempfile.mkdtemp(prefix="jh-chromium-")
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
          "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=zh-CN"]:
    opts.add_argument(a)
opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                       "download.prompt_for_download": False})
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.set_page_load_timeout(30)
d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})


def shot(name):
    d.save_screenshot(os.path.join(shots, name))


def text(sel):
    return d.find_element(By.CSS_SELECTOR, sel).text


def table1():
    for fig in d.find_elements(By.CSS_SELECTOR, "#figures figure.doc-table"):
        if fig.find_element(By.TAG_NAME, "figcaption").text.startswith("表1"):
            return fig.text
    return ""


def cell(row, header):
    heads = [th.text for th in d.find_elements(By.CSS_SELECTOR, "#data-table tr[data-row='0'] th")]
    col = heads.index(header) - 1          # the first column is the line number
    return d.find_element(By.CSS_SELECTOR, "#data-table td[data-row='%d'][data-col='%d']" % (row, col))


def edit(row, header, value):
    td = cell(row, header)
    td.click()
    td.send_keys(Keys.CONTROL, "a")
    td.send_keys(value)
    td.send_keys(Keys.ENTER)               # leaves the cell: the page uploads and checks


try:
    d.get(base + "/")
    link = wait("the county list shows 通道侗族自治县",
                lambda: [a for a in d.find_elements(By.CSS_SELECTOR, "#counties a") if "通道侗族自治县" in a.text])
    if link:
        link[0].click()
    wait("the county opens with its school table", lambda: len(d.find_elements(By.CSS_SELECTOR, "#data-table tr")) > 30)
    shot("1-county.png")

    d.find_element(By.ID, "upload-input").send_keys(os.path.abspath(workbook))
    d.find_element(By.ID, "upload-button").click()
    wait("the uploaded workbook waits as a correction", lambda: d.find_element(By.ID, "sec-diff").is_displayed())
    wait("表1 shows 96.15", lambda: "96.15" in table1())
    wait("the same workbook changes nothing in the report", lambda: "报告不会改变" in text("#diff"))
    d.find_element(By.ID, "accept").click()
    wait("accepting it leaves no correction waiting", lambda: not d.find_element(By.ID, "sec-diff").is_displayed())

    edit(1, "在校生数", "三千")
    wait("a bad cell is listed as an error with its place",
         lambda: "在校生数" in text("#problems li.error") and ":2" in text("#problems li.error .place"))
    wait("the bad cell is highlighted in the table", lambda: "bad" in cell(1, "在校生数").get_attribute("class"))
    report("no figures while the data has errors", "96.15" not in table1())
    shot("2-problem.png")

    edit(1, "在校生数", "3367")
    wait("the fixed cell is no longer flagged", lambda: not d.find_elements(By.CSS_SELECTOR, "#problems li.error"))
    edit(1, "占地面积", "52000")
    wait("the diff shows the rate 96.15 → 100.00",
         lambda: "96.15" in text("#diff-figures") and "100.00" in text("#diff-figures"))
    wait("the diff shows the data change", lambda: "43939.35" in text("#diff-data") and "52000" in text("#diff-data"))
    wait("the diff shows the flipped verdict", lambda: "县第一完全小学" in text("#diff-verdicts"))
    wait("表1 of the correction shows 100.00", lambda: "100.00" in table1())
    d.execute_script("document.getElementById('sec-diff').scrollIntoView()")
    shot("3-diff.png")
    d.execute_script("document.getElementById('sec-figures').scrollIntoView()")
    shot("3b-figures.png")
    d.find_element(By.ID, "accept").click()
    wait("the correction is accepted", lambda: "已接受更正" in text("#status"))

    # settings: the form from the schema, checked before it is saved
    issuer = wait("the settings form shows 发文单位 from the INI",
                  lambda: [i for i in d.find_elements(By.NAME, "report|issuer") if i.get_attribute("value") == "通道侗族自治县人民政府"])
    site = d.find_element(By.NAME, "standard.primary|site_area")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", site)
    d.execute_script("document.querySelector('details[data-section=\"standard.primary\"]').open = true")
    site.clear()
    site.send_keys("十五")
    d.find_element(By.ID, "settings-save").click()
    wait("a malformed threshold is refused with its line", lambda: "site_area" in text("#settings-errors") and "report.ini:" in text("#settings-errors"))
    d.execute_script("document.getElementById('settings-errors').scrollIntoView({block: 'end'})")
    shot("6-settings-refused.png")
    site = d.find_element(By.NAME, "standard.primary|site_area")
    site.clear()
    site.send_keys("15")
    if issuer:
        issuer = d.find_element(By.NAME, "report|issuer")
        issuer.clear()
        issuer.send_keys("通道侗族自治县教育局")
    d.find_element(By.ID, "settings-save").click()
    wait("the settings are saved and checked", lambda: "已保存" in text("#settings-status"))

    d.find_element(By.ID, "render-report").click()
    dl = wait("the report renders", lambda: d.find_element(By.ID, "download-report"), timeout=90)
    wait("the PDF is shown in the page", lambda: "report.pdf" in (d.find_element(By.ID, "viewer").get_attribute("src") or ""))
    time.sleep(1)
    d.execute_script("document.getElementById('render-result').scrollIntoView()")
    time.sleep(0.5)
    shot("4-report.png")
    d.execute_script("window.scrollTo(0, 0)")
    shot("5-top.png")
    if dl:
        dl.click()
        pdf = wait("the PDF downloads", lambda: [f for f in os.listdir(downloads) if f.endswith(".pdf")], timeout=30)
        if pdf:
            path = os.path.join(downloads, pdf[0])
            report("the download is named after the county: " + pdf[0], "通道侗族自治县" in pdf[0])
            txt = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
            report("the downloaded report is the county's", "通道侗族自治县" in txt)
            report("the downloaded report prints the corrected rate 100.00", "100.00" in txt)
            report("the downloaded report no longer prints 96.15", "96.15" not in txt)
            report("the downloaded report is signed by the issuer set in the form", "通道侗族自治县教育局" in txt)
finally:
    d.quit()
    subprocess.run(["rm", "-rf", profile])
sys.exit(1 if failures else 0)
