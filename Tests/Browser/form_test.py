"""The HTML answer form (`laer template --format html`) in a real Chromium, used as a person would.

It answers the built-in questionnaire with clicks and keys, reloads and finds every answer,
downloads the file and checks that `laer score` of it equals the score of the same answers
written as JSON here; then the re-assessment (--from, a chosen file), start over, copy, the
keyboard, a questionnaire of hostile texts, axe-core, the phone width and the printout.
"""

import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from browser import (  # noqa: E402
    Checks,
    artifacts_dir,
    axe_violations,
    format_violations,
    laer,
    open_file,
    print_to_pdf,
    screenshot,
    start_chromium,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

checks = Checks()
work = pathlib.Path(tempfile.mkdtemp(prefix="laer-form-test-"))
artifacts = artifacts_dir()
downloads = work / "downloads"
downloads.mkdir()

RATINGS = ["not", "partially", "largely", "fully", "na", None, "fully", "largely"]
NOTES = ["Zoë's team, in Zürich, says \"mostly\"", "Only the top 20 accounts;\nthe rest: not yet", "<b>not bold</b> & fine"]
CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


def questionnaire():
    return json.loads(laer("questionnaire", "--format", "json", check=True).stdout)


def wait_for_download(directory, before, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        # Chromium writes a hidden temporary file, then a .crdownload, then renames it.
        files = [p for p in directory.iterdir()
                 if p.name not in before and not p.name.startswith(".") and not p.name.endswith(".crdownload")]
        if files:
            time.sleep(0.2)
            return files[0]
        time.sleep(0.1)
    return None


def download(driver, where="toolbar"):
    before = {p.name for p in downloads.iterdir()}
    scope = ".toolbar" if where == "toolbar" else "#review"
    element(driver, f"{scope} [data-action=download]").click()
    return wait_for_download(downloads, before)


def status(driver):
    return driver.find_element(By.ID, "status").text


def shown(driver, element):
    """The element in the middle of the window, where a person scrolls what they click (the toolbar stays on top)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    return element


def label_of(driver, key, value):
    """The label a person clicks: the one around the radio of `value` in question `key`."""
    return shown(driver, driver.find_element(By.CSS_SELECTOR, f'#{key} input[value="{value}"]').find_element(By.XPATH, ".."))


def element(driver, selector):
    return shown(driver, driver.find_element(By.CSS_SELECTOR, selector))


def checked_value(driver, key):
    return driver.execute_script(
        "const c = [...document.getElementsByName(arguments[0])].find((i) => i.checked); return c ? c.value : null;", key
    )


def score(path, *extra):
    """`laer score --format json` of a copy named answers.json, so the two scores name one file."""
    directory = pathlib.Path(tempfile.mkdtemp(dir=work))
    shutil.copy(path, directory / "answers.json")
    return laer("score", "--format", "json", "answers.json", *extra, cwd=directory)


def open_form(driver, path):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_PROBE})
    open_file(driver, path)


def no_csp_violations(driver, what):
    violations = driver.execute_script("return window.__cspViolations || []")
    checks.equal(violations, [], f"{what}: Content-Security-Policy violations")


def no_console_errors(driver, what):
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    checks.equal(errors, [], f"{what}: console errors")


# --- The first assessment: answered with clicks and keys ------------------------------------

q = questionnaire()
capabilities = q["capabilities"]
markers = q["markers"]
signs = q["roadSigns"]
phases = [phase["id"] for phase in q["phases"]]
form = work / "form.html"
made = laer("template", "--format", "html", "--out", str(form), "--organization", "Acme Corp", "--period", "2026-Q4")
checks.equal(made.returncode, 0, f"template --format html exits 0 ({made.stderr})")
size = form.stat().st_size
print(f"form of the built-in questionnaire: {size:,} bytes")
checks.expect(size < 250_000, f"the form is under 250 KB ({size:,} bytes)")

driver = start_chromium(download_dir=downloads)
open_form(driver, form)
checks.equal(driver.title, f"{q['title']}: answer form", "the page title")
checks.equal(driver.find_element(By.ID, "organization").get_attribute("value"), "Acme Corp", "--organization fills the field")
checks.equal(driver.find_element(By.ID, "period").get_attribute("value"), "2026-Q4", "--period fills the field")
total = len(markers) + len(capabilities) + len(signs)
checks.equal(driver.find_element(By.ID, "overall-count").text, f"0 of {total}", "a new form has nothing answered")

expected = {"placements": {}, "answers": {}, "roadSigns": {}}
driver.find_element(By.ID, "name").send_keys("Zoë Müller")
driver.find_element(By.ID, "role").send_keys("Chief Revenue Officer")

for index, marker in enumerate(markers):
    phase = phases[index % 4]
    label_of(driver, f"p{index}", phase).click()
    expected["placements"][marker["id"]] = phase

for index, capability in enumerate(capabilities):
    key = f"c{index}"
    rating = RATINGS[index % len(RATINGS)]
    if rating is None:
        continue
    if index % 5 == 0:
        # By keys: pick "not", then move with the arrow keys to the rating.
        label_of(driver, key, "not").click()
        steps = ["not", "partially", "largely", "fully", "na"].index(rating)
        driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT * steps)
    else:
        label_of(driver, key, rating).click()
    note = None
    if index % 7 == 3:
        note = NOTES[(index // 7) % len(NOTES)]
        element(driver, f"#{key}-note").send_keys(note)
    expected["answers"][capability["id"]] = {"rating": rating, **({"note": note.strip()} if note else {})}

for index, sign in enumerate(signs[:-1]):
    seen = index % 2 == 0
    label_of(driver, f"s{index}", "yes" if seen else "no").click()
    expected["roadSigns"][sign["id"]] = seen

# A changed mind: the first capability rated again, and another cleared with its button.
label_of(driver, "c1", "fully").click()
expected["answers"][capabilities[1]["id"]] = {"rating": "fully"}
element(driver, "#c2 [data-clear]").click()
del expected["answers"][capabilities[2]["id"]]

answered = len(expected["placements"]) + len(expected["answers"]) + len(expected["roadSigns"])
checks.equal(driver.find_element(By.ID, "overall-count").text, f"{answered} of {total}", "the overall count")
first_marker = [c for c in capabilities if c["marker"] == markers[0]["id"]]
first_answered = 1 + sum(1 for c in first_marker if c["id"] in expected["answers"])
checks.equal(
    driver.find_element(By.ID, "m0-count").text, f"{first_answered} of {1 + len(first_marker)}", "the first marker's count"
)
checks.expect(status(driver).startswith("Saved in this browser"), f"the status says saved: {status(driver)!r}")
unanswered = driver.find_elements(By.CSS_SELECTOR, "#review-lists li a")
checks.equal(len(unanswered), total - answered, "the review lists every open question")
checks.expect(
    all(link.get_attribute("href").split("#")[1] in {f"c{i}" for i in range(len(capabilities))} | {f"s{len(signs) - 1}"}
        for link in unanswered),
    "each open question links to itself",
)

# What counts as evidence, opened from the keyboard.
summary = driver.find_element(By.CSS_SELECTOR, "#c0 summary")
driver.execute_script("arguments[0].focus()", summary)
summary.send_keys(Keys.ENTER)
checks.expect(driver.find_element(By.CSS_SELECTOR, "#c0 details").get_attribute("open") is not None, "Enter opens the evidence")
checks.expect(
    driver.find_element(By.CSS_SELECTOR, "#c0 details p").text == capabilities[0]["help"], "the evidence is the capability's help"
)
no_csp_violations(driver, "the form")
no_console_errors(driver, "the form")

# --- Reloaded: every answer is still there ------------------------------------------------------

driver.refresh()
checks.expect(status(driver).startswith("Restored your answers"), f"the status says restored: {status(driver)!r}")
checks.equal(driver.find_element(By.ID, "name").get_attribute("value"), "Zoë Müller", "the name after a reload")
checks.equal(driver.find_element(By.ID, "role").get_attribute("value"), "Chief Revenue Officer", "the role after a reload")
for index, marker in enumerate(markers):
    checks.equal(checked_value(driver, f"p{index}"), expected["placements"][marker["id"]], f"placement {marker['id']} after a reload")
for index, capability in enumerate(capabilities):
    answer = expected["answers"].get(capability["id"])
    checks.equal(checked_value(driver, f"c{index}"), answer and answer["rating"], f"{capability['id']} after a reload")
    note = driver.find_element(By.ID, f"c{index}-note").get_attribute("value")
    written = NOTES[(index // 7) % len(NOTES)] if index % 7 == 3 and answer else ""
    checks.equal(note, written, f"the note of {capability['id']} after a reload")
for index, sign in enumerate(signs):
    seen = expected["roadSigns"].get(sign["id"])
    checks.equal(checked_value(driver, f"s{index}"), None if seen is None else ("yes" if seen else "no"), f"sign {sign['id']}")
checks.equal(driver.find_element(By.ID, "overall-count").text, f"{answered} of {total}", "the count after a reload")

# --- Downloaded: the file laer scores -----------------------------------------------------------

downloaded = download(driver)
checks.expect(downloaded is not None, "Download answers writes a file")
checks.equal(downloaded.name, "acme-corp-zoë-müller-2026-q4.json", "the file is named after organization, respondent, period")
checks.expect(downloaded.name in status(driver), f"the status names the file: {status(driver)!r}")
file = json.loads(downloaded.read_text(encoding="utf-8"))
today = datetime.date.today().isoformat()
direct = {
    "schema": "laer-answers/1",
    "questionnaire": {"id": q["id"], "version": q["version"]},
    "respondent": {"name": "Zoë Müller", "role": "Chief Revenue Officer", "organization": "Acme Corp"},
    "assessedOn": today,
    "period": "2026-Q4",
    **expected,
}
checks.equal(file, direct, "the downloaded file holds exactly the answers given")
direct_path = work / "direct.json"
direct_path.write_text(json.dumps(direct, ensure_ascii=False, indent=2), encoding="utf-8")
validated = laer("validate", str(downloaded))
checks.equal(validated.returncode, 0, f"laer validate accepts the download ({validated.stdout}{validated.stderr})")
from_form, by_hand = score(downloaded), score(direct_path)
checks.equal(from_form.returncode, 0, f"laer score reads the download ({from_form.stderr})")
checks.expect(from_form.stdout == by_hand.stdout and from_form.stdout.startswith("{"),
              "laer score of the download equals the score of the same answers written as JSON")
result = json.loads(from_form.stdout)
same = "the same report byte for byte" if from_form.stdout == by_hand.stdout else "a DIFFERENT report"
print(f"round trip: {len(file['answers'])} answers, {len(file['placements'])} placements, {len(file['roadSigns'])} road signs; "
      f"scored {result.get('overall', {}).get('phase', '?')}, {same} ({len(from_form.stdout):,} bytes)")

# Copy answers: the same JSON on the clipboard (or, where the browser refuses, selected to copy).
driver.find_element(By.CSS_SELECTOR, ".toolbar [data-action=copy]").click()
time.sleep(0.3)
copied = driver.execute_async_script(
    "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, (e) => done(null));"
)
if copied is None:
    copied = driver.find_element(By.ID, "copy-text").get_attribute("value")
    print("the clipboard is not readable here; checked the copy fallback instead")
checks.equal(copied, downloaded.read_text(encoding="utf-8"), "Copy answers puts the downloaded JSON on the clipboard")

# --- Keyboard only -------------------------------------------------------------------------------

driver.refresh()
driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
checks.equal(driver.switch_to.active_element.text, "Skip to the questions", "Tab first reaches the skip link")
driver.switch_to.active_element.send_keys(Keys.ENTER)
checks.equal(driver.switch_to.active_element.get_attribute("id"), "about", "the skip link moves focus to the questions")
outline = driver.execute_script(
    "const b = document.querySelector('.toolbar [data-action=download]'); b.focus(); return getComputedStyle(b).outlineStyle;"
)
checks.expect(outline not in ("none", ""), f"a focused button shows its focus ({outline})")

# --- Start over asks first -----------------------------------------------------------------------

element(driver, "[data-action=start-over]").click()
alert = driver.switch_to.alert
checks.expect("Start over" in alert.text, "start over asks first")
alert.dismiss()
checks.equal(driver.find_element(By.ID, "overall-count").text, f"{answered} of {total}", "dismissing keeps every answer")
element(driver, "[data-action=start-over]").click()
driver.switch_to.alert.accept()
checks.equal(driver.find_element(By.ID, "overall-count").text, f"0 of {total}", "accepting clears every answer")
driver.refresh()
checks.equal(driver.find_element(By.ID, "overall-count").text, f"0 of {total}", "and they stay cleared after a reload")
checks.equal(checked_value(driver, "c0"), None, "no rating is left after start over")

# --- A chosen file: last time's answers, marked until kept ---------------------------------------

bad = work / "not-answers.json"
bad.write_text("{ nope", encoding="utf-8")
driver.find_element(By.ID, "load-previous").send_keys(str(bad))
time.sleep(0.3)
checks.expect("does not read as JSON" in status(driver), f"a broken file is named: {status(driver)!r}")
driver.find_element(By.ID, "load-previous").send_keys(str(downloaded))
time.sleep(0.3)
checks.expect("Filled with last time's answers" in status(driver), f"a chosen file fills the form: {status(driver)!r}")
marked = driver.find_elements(By.CSS_SELECTOR, ".question.from-previous")
checks.equal(len(marked), answered, "every answer of the chosen file is marked as last time's")
checks.equal(driver.find_element(By.ID, "overall-count").text, f"0 of {total}", "marked answers are not counted")

# The same file dropped on the page (a DataTransfer is the one thing a WebDriver cannot drag from the desktop).
element(driver, "[data-action=start-over]").click()
driver.switch_to.alert.accept()
checks.equal(len(driver.find_elements(By.CSS_SELECTOR, ".question.from-previous")), 0, "start over clears last time's answers too")
driver.execute_script("""
  const transfer = new DataTransfer();
  transfer.items.add(new File([arguments[0]], arguments[1], { type: "application/json" }));
  for (const type of ["dragover", "drop"]) {
    document.querySelector("main").dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }
""", downloaded.read_text(encoding="utf-8"), downloaded.name)
time.sleep(0.3)
checks.expect(f"from {downloaded.name}" in status(driver), f"a dropped file fills the form: {status(driver)!r}")
checks.equal(len(driver.find_elements(By.CSS_SELECTOR, ".question.from-previous")), answered, "a dropped file's answers are marked")
driver.refresh()
checks.equal(len(driver.find_elements(By.CSS_SELECTOR, ".question.from-previous")), answered, "and still offered after a reload")

# --- The re-assessment: --from ------------------------------------------------------------------

again = work / "again.html"
made = laer("template", "--out", str(again), "--from", str(downloaded), "--period", "2027-Q1")
checks.equal(made.returncode, 0, f"template --out FILE.html --from PREVIOUS exits 0 ({made.stderr})")
open_form(driver, again)
checks.equal(driver.find_element(By.ID, "name").get_attribute("value"), "Zoë Müller", "--from starts with last time's respondent")
checks.equal(driver.find_element(By.ID, "period").get_attribute("value"), "2027-Q1", "--period is this time's")
checks.equal(len(driver.find_elements(By.CSS_SELECTOR, ".question.from-previous")), answered, "last time's answers are marked")
checks.equal(checked_value(driver, "c0"), expected["answers"][capabilities[0]["id"]]["rating"], "and shown")
mark = driver.find_element(By.ID, "c0").find_element(By.CSS_SELECTOR, ".previous")
checks.expect("last time" in mark.text, f"the mark says last time: {mark.text!r}")
# Kept with its button; changed with a click; kept by clicking the answer shown; changed by a note.
element(driver, "#c0 [data-keep]").click()
label_of(driver, "c1", "not").click()
label_of(driver, "c3", expected["answers"][capabilities[3]["id"]]["rating"]).click()
element(driver, "#c4-note").send_keys("Better since the new plan")
label_of(driver, "p0", expected["placements"][markers[0]["id"]]).click()
checks.equal(len(driver.find_elements(By.CSS_SELECTOR, ".question.from-previous")), answered - 5, "kept and changed ones lose the mark")
second = download(driver, where="review")
checks.expect(second is not None and second.name == "acme-corp-zoë-müller-2027-q1.json", f"the second download ({second})")
kept = json.loads(second.read_text(encoding="utf-8"))
checks.equal(kept["answers"], {
    capabilities[0]["id"]: expected["answers"][capabilities[0]["id"]],
    capabilities[1]["id"]: {"rating": "not"},
    capabilities[3]["id"]: {"rating": expected["answers"][capabilities[3]["id"]]["rating"],
                            **({"note": expected["answers"][capabilities[3]["id"]]["note"]}
                               if "note" in expected["answers"][capabilities[3]["id"]] else {})},
    capabilities[4]["id"]: {"rating": expected["answers"][capabilities[4]["id"]]["rating"], "note": "Better since the new plan"},
}, "only what was kept or changed is in the file")
checks.equal(kept["placements"], {markers[0]["id"]: expected["placements"][markers[0]["id"]]}, "the kept placement")
checks.equal(kept["roadSigns"], {}, "no road sign was kept")
validated = laer("validate", str(second))
checks.equal(validated.returncode, 0, f"laer validate accepts the re-assessment ({validated.stderr})")

# --- Accessibility, the phone width and the printout ---------------------------------------------

driver.execute_script("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
violations = axe_violations(driver)
checks.expect(not violations, "axe: the re-assessment form has no WCAG 2.1 A/AA violation\n" + format_violations(violations))
open_form(driver, form)
violations = axe_violations(driver)
checks.expect(not violations, "axe: the new form has no WCAG 2.1 A/AA violation\n" + format_violations(violations))
screenshot(driver, artifacts / "form-1280.png", 1280)
driver.set_window_size(390, 844)
overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
checks.expect(overflow <= 0, f"nothing is wider than a 390-pixel phone ({overflow} pixels too wide)")
violations = axe_violations(driver)
checks.expect(not violations, "axe: the form at 390 pixels\n" + format_violations(violations))
screenshot(driver, artifacts / "form-390.png", 390)
driver.set_window_size(320, 700)
overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
checks.expect(overflow <= 0, f"nothing is wider than 320 pixels, WCAG's reflow width ({overflow} pixels too wide)")
driver.set_window_size(1280, 900)

driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
printed = driver.execute_script("""
  const shown = (element) => getComputedStyle(element).display !== "none";
  return {
    buttons: [...document.querySelectorAll("button")].filter(shown).length,
    radios: [...document.querySelectorAll("input[type=radio]")].filter(shown).length,
    box: getComputedStyle(document.querySelector(".rating"), "::before").borderTopWidth,
    breaks: [...document.querySelectorAll("section.marker")].filter((s) => getComputedStyle(s).breakBefore === "page").length,
  };
""")
driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
checks.equal(printed["buttons"], 0, "no button is printed")
checks.equal(printed["radios"], 0, "radios print as boxes")
checks.expect(printed["box"] not in ("0px", ""), f"each rating has a box on paper ({printed['box']})")
checks.equal(printed["breaks"], len(markers) + 1, "a page break before each marker and the road signs")
pages = print_to_pdf(driver, artifacts / "form-print.pdf")
checks.expect(pages >= len(markers) + 2, f"the printout has a page per marker at least ({pages} pages)")
if shutil.which("pdftoppm"):
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", str(artifacts / "form-print.pdf"),
                    str(artifacts / "form-print")], check=False)

# The blank form printed as a consultant prints it for a paper interview: Chromium's own --print-to-pdf.
paper = artifacts / "form-blank-print.pdf"
subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                f"--print-to-pdf={paper}", form.resolve().as_uri()], capture_output=True, timeout=120)
checks.expect(paper.exists(), "chromium --print-to-pdf prints the form")
if paper.exists() and shutil.which("pdftotext"):
    text = subprocess.run(["pdftotext", "-layout", str(paper), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    checks.expect(" ".join(capabilities[0]["help"].split())[:60] in flat, "the paper form prints what counts as evidence")
    checks.expect("Download answers" not in flat and "Start over" not in flat, "the paper form prints no button")
    checks.expect(all(" ".join(m["name"].split()) in flat for m in markers), "the paper form prints every marker")
    pages = text.count("\f")
    checks.expect(pages >= len(markers) + 2, f"the paper form has a page per marker at least ({pages} pages)")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "4", str(paper), str(artifacts / "form-blank-print")])

# --- A questionnaire of hostile texts stays inert -------------------------------------------------

HOSTILE = [
    "</script><script>window.__pwned = 1</script>",
    '"><img src=x onerror="window.__pwned = 2">',
    "<!-- <script>window.__pwned = 3</script>",
    "' onmouseover='window.__pwned = 4' \u2028 \u2029 &amp; ${window.__pwned = 5}",
]
mini = json.loads((pathlib.Path(__file__).parents[1] / "LAERKitTests/Fixtures/mini-questionnaire.json").read_text())
mini["title"] = HOSTILE[0]
mini["markers"][0]["name"] = HOSTILE[1]
mini["markers"][0]["profiles"]["laer-experiment"] = HOSTILE[2]
for index, capability in enumerate(mini["capabilities"]):
    capability["statement"] = HOSTILE[index % len(HOSTILE)] + f" {index}"
    capability["help"] = HOSTILE[(index + 1) % len(HOSTILE)]
mini["roadSigns"][0]["statement"] = HOSTILE[3]
hostile_questionnaire = work / "hostile-questionnaire.json"
hostile_questionnaire.write_text(json.dumps(mini, ensure_ascii=False), encoding="utf-8")
hostile_form = work / "hostile.html"
made = laer("template", "--format", "html", "--questionnaire", str(hostile_questionnaire), "--out", str(hostile_form),
            "--name", '</script><img src=x onerror="window.__pwned=7">')
checks.equal(made.returncode, 0, f"a hostile questionnaire's form is written ({made.stderr})")
open_form(driver, hostile_form)
label_of(driver, "c0", "largely").click()
checks.equal(driver.execute_script("return window.__pwned === undefined"), True, "no hostile text ran")
checks.equal(len(driver.find_elements(By.TAG_NAME, "img")), 0, "no hostile text became an element")
checks.equal(len(driver.find_elements(By.TAG_NAME, "script")), 2, "the page has only its own two script elements")
checks.equal(driver.title, f"{HOSTILE[0]}: answer form", "the hostile title is text")
checks.equal(driver.find_element(By.CSS_SELECTOR, "#c0 legend").text, f"1. {HOSTILE[0]} 0", "a hostile statement is text")
checks.equal(driver.find_element(By.ID, "name").get_attribute("value"), '</script><img src=x onerror="window.__pwned=7">',
             "a hostile name is a value")
review = driver.find_element(By.CSS_SELECTOR, "#review-lists li a").get_attribute("textContent")
checks.equal(review, f"Where you stand on {HOSTILE[1]}", "the review shows a hostile marker name as text")
no_csp_violations(driver, "the hostile form")
no_console_errors(driver, "the hostile form")
hostile_download = download(driver)
checks.expect(hostile_download is not None, "the hostile form downloads")
if hostile_download:
    validated = laer("validate", "--questionnaire", str(hostile_questionnaire), str(hostile_download))
    checks.equal(validated.returncode, 0, f"its answers validate against it ({validated.stdout}{validated.stderr})")
    answers = json.loads(hostile_download.read_text(encoding="utf-8"))["answers"]
    checks.equal(answers, {mini["capabilities"][0]["id"]: {"rating": "largely"}}, "the answer given is the one downloaded")

driver.quit()
shutil.rmtree(work, ignore_errors=True)
checks.finish()
