"""Every HTML report laer writes, opened in headless Chromium: no WCAG 2.1 A or AA violation that
axe-core finds, 1280 and 320 pixels wide; no sideways scrolling of the page at 320; no console
error; and screenshots at both widths and an A4 print of each kept in artifacts_dir().

The reports are made from Questionnaires/Examples and files derived from them in a temporary
directory: score of one file, of several into a directory, merged by organization (named and
anonymized), among peers, of a blank answer file; diff of two files (with added and retired
capabilities), of a regression, of no change, of two directories; trend of one organization
with a missing quarter, of two, and of five as small multiples.
"""

import csv
import json
import pathlib
import sys
import tempfile
import time

from selenium.webdriver.common.by import By

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import browser  # noqa: E402

PACKAGE = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = PACKAGE / "Questionnaires" / "Examples"
# The narrowest window WCAG 2.1 asks a page to reflow into (1.4.10), about a small phone's.
PHONE_WIDTH = 320


def example(name):
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def questionnaire_title(answers):
    """The title of the questionnaire version an answer file names, read from its file in Questionnaires/."""
    version = answers["questionnaire"]["version"]
    return json.loads((PACKAGE / "Questionnaires" / f"laer-{version}.json").read_text(encoding="utf-8"))["title"]


def respondent_line(answers):
    respondent = answers["respondent"]
    return ", ".join(respondent[key] for key in ["name", "role", "organization"] if respondent.get(key))


def write_json(path, document):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


class Report:
    """One HTML file laer wrote, the title it must have, and CSS selectors of the parts it must show."""

    def __init__(self, name, path, title, shows=()):
        self.name = name
        self.path = pathlib.Path(path)
        self.title = title
        self.shows = list(shows)


class Reports:
    """Runs laer to write each report, checking that it succeeded and wrote a non-empty file."""

    def __init__(self, work, checks):
        self.work = work
        self.checks = checks
        self.all = []

    def run(self, *args, expect_status=0):
        result = browser.laer(*args)
        self.checks.equal(
            result.returncode, expect_status, f"laer {' '.join(map(str, args))} exit code (stderr: {result.stderr.strip()})"
        )
        return result

    def add(self, name, path, title, shows=()):
        path = pathlib.Path(path)
        if self.checks.expect(path.is_file() and path.stat().st_size > 0, f"{name}: laer wrote no report at {path}"):
            self.all.append(Report(name, path, title, shows))

    def to_file(self, name, title, *args, shows=(), expect_status=0):
        """A report laer writes with --out FILE."""
        path = self.work / f"{name}.html"
        self.run(*args, "--format", "html", "--out", path, expect_status=expect_status)
        self.add(name, path, title, shows)

    def to_stdout(self, name, title, *args, shows=()):
        """A report laer prints on standard output."""
        result = self.run(*args, "--format", "html")
        path = self.work / f"{name}.html"
        path.write_text(result.stdout, encoding="utf-8")
        self.add(name, path, title, shows)


def make_reports(work, checks):
    reports = Reports(work, checks)
    files = sorted(EXAMPLES.glob("*.json"))
    northwind = example("northwind-experiment.json")
    northwind_later = example("northwind-2027-q1.json")
    tailspin = example("tailspin-effective.json")
    contoso = example("contoso-effective.json")

    # score: one file on standard output; every example into a directory, as summary.csv names them.
    reports.to_stdout(
        "score",
        f"Gap analysis: {respondent_line(northwind)} ({questionnaire_title(northwind)})",
        "score",
        EXAMPLES / "northwind-experiment.json",
        shows=["#moves", "svg[aria-labelledby^='ladder']", "svg[aria-labelledby^='heat']", "[aria-labelledby=all-gaps] table"],
    )
    batch = work / "batch"
    reports.run("score", *files, "--format", "html", "--out", f"{batch}/")
    with open(batch / "summary.csv", newline="", encoding="utf-8-sig") as summary:
        rows = list(csv.DictReader(summary))
    checks.equal(len(rows), len(files), "score --out DIR: summary.csv rows, one per example")
    for row in rows:
        answers = json.loads(pathlib.Path(row["source"]).read_text(encoding="utf-8"))
        reports.add(
            f"batch-{pathlib.Path(row['source']).stem}",
            batch / row["report"],
            f"Gap analysis: {respondent_line(answers)} ({questionnaire_title(answers)})",
        )

    # score --by organization: Tailspin's respondent and a colleague who rates a dozen capabilities apart.
    team = work / "team"
    write_json(team / "ana.json", tailspin)
    colleague = json.loads(json.dumps(tailspin))
    colleague["respondent"] = {"name": "Lee Park", "role": "VP Sales", "organization": "Tailspin Toys Cloud."}
    for index, capability in enumerate(list(colleague["answers"])[:12]):
        colleague["answers"][capability] = {"rating": ["not", "fully", "na"][index % 3]}
        if index % 4 == 0:
            colleague["answers"][capability]["note"] = "Only in the EMEA region, says Lee."
    write_json(team / "lee.json", colleague)
    merged_title = f"Gap analysis: {tailspin['respondent']['organization']} (2 respondents) ({questionnaire_title(tailspin)})"
    merged_parts = ["#disagreement", "[aria-labelledby=spreads] table", "#evidence"]
    reports.to_stdout("score-merged", merged_title, "score", team, "--by", "organization", shows=merged_parts)
    reports.to_stdout(
        "score-merged-anonymized", merged_title, "score", team, "--by", "organization", "--anonymize", shows=merged_parts
    )

    # score --peers: the five example organizations are the smallest group laer accepts.
    reports.to_file(
        "score-peers",
        f"Gap analysis: {respondent_line(northwind_later)} ({questionnaire_title(northwind_later)})",
        "score",
        EXAMPLES / "northwind-2027-q1.json",
        "--peers",
        EXAMPLES,
        shows=["#peers", "[aria-labelledby=peers] svg", "[aria-labelledby=peers] table"],
    )

    # score of a blank answer file: the page says nothing is answered yet.
    blank = work / "blank.json"
    template = reports.run("template")
    blank.write_text(template.stdout, encoding="utf-8")
    reports.to_file(
        "score-blank",
        f"Gap analysis: Anonymous respondent ({questionnaire_title(json.loads(template.stdout))})",
        "score",
        blank,
        shows=[".blank"],
    )

    # diff: a quarter on (two questionnaire versions), the same backwards (a regression), and no change.
    later_title = questionnaire_title(northwind_later)
    reports.to_file(
        "diff",
        f"Assessment diff: Northwind Software, {northwind['period']} → {northwind_later['period']} ({later_title})",
        "diff",
        EXAMPLES / "northwind-experiment.json",
        EXAMPLES / "northwind-2027-q1.json",
        shows=["[aria-labelledby=markers] svg", "[aria-labelledby=markers] table", "#capabilities", "#versions", "#moves"],
    )
    regressed = work / "northwind-2027-q2.json"
    worse = json.loads(json.dumps(northwind_later))
    worse["period"], worse["assessedOn"] = "2027-Q2", "2027-04-21"
    for capability in list(worse["answers"])[:8]:
        worse["answers"][capability] = {"rating": "not", "note": "Stopped when the team was reorganized."}
    write_json(regressed, worse)
    reports.to_file(
        "diff-regression",
        f"Assessment diff: Northwind Software, {northwind_later['period']} → 2027-Q2 ({later_title})",
        "diff",
        EXAMPLES / "northwind-2027-q1.json",
        regressed,
        "--fail-on-regression",
        expect_status=1,
        shows=["#regression", ".badge-regressed", "[aria-labelledby=notes] table"],
    )
    reports.to_file(
        "diff-unchanged",
        f"Assessment diff: Northwind Software, {northwind['period']} → {northwind['period']} "
        f"({questionnaire_title(northwind)})",
        "diff",
        EXAMPLES / "northwind-experiment.json",
        EXAMPLES / "northwind-experiment.json",
        shows=["header .headline"],
    )

    # diff of two directories: one report per organization on both sides (Northwind, Contoso).
    old, new = work / "old", work / "new"
    for name in ["northwind-experiment.json", "contoso-effective.json", "fabrikam-efficient.json"]:
        write_json(old / name, example(name))
    for name in ["northwind-2027-q1.json", "tailspin-effective.json"]:
        write_json(new / name, example(name))
    contoso_later = json.loads(json.dumps(contoso))
    contoso_later["period"], contoso_later["assessedOn"] = "2027-Q1", "2027-02-02"
    for capability in list(contoso_later["answers"])[:6]:
        contoso_later["answers"][capability] = {"rating": "partially"}
    write_json(new / "contoso-2027-q1.json", contoso_later)
    directories = work / "diff-directories"
    reports.run("diff", old, new, "--format", "html", "--out", f"{directories}/")
    written = sorted(directories.glob("*.html"))
    checks.equal([path.name for path in written], ["Contoso-Systems.html", "Northwind-Software.html"], "diff DIR DIR reports")
    reports.add(
        "diff-directories-contoso",
        directories / "Contoso-Systems.html",
        f"Assessment diff: Contoso Systems, 2026-Q4 → 2027-Q1 ({questionnaire_title(contoso)})",
        shows=["#regression", "[aria-labelledby=markers] svg"],
    )
    reports.add(
        "diff-directories-northwind",
        directories / "Northwind-Software.html",
        f"Assessment diff: Northwind Software, 2026-Q4 → 2027-Q1 ({later_title})",
        shows=["[aria-labelledby=markers] svg"],
    )

    # trend: Northwind over three quarters with 2027-Q2 missing; Northwind and Contoso; every example (small multiples).
    northwind_q3 = json.loads(json.dumps(northwind_later))
    northwind_q3["period"], northwind_q3["assessedOn"] = "2027-Q3", "2027-07-15"
    write_json(work / "northwind-2027-q3.json", northwind_q3)
    reports.to_file(
        "trend",
        f"Trend: Northwind Software ({later_title})",
        "trend",
        EXAMPLES / "northwind-experiment.json",
        EXAMPLES / "northwind-2027-q1.json",
        work / "northwind-2027-q3.json",
        shows=["svg[aria-labelledby^='trend-1']", ".trend-table"],
    )
    reports.to_file(
        "trend-two",
        f"Trend: 2 organizations ({later_title})",
        "trend",
        EXAMPLES / "northwind-experiment.json",
        EXAMPLES / "northwind-2027-q1.json",
        EXAMPLES / "contoso-effective.json",
        shows=["#trend-1-name", "#trend-2-name"],
    )
    reports.to_file(
        "trend-multiples",
        f"Trend: 5 organizations ({later_title})",
        "trend",
        EXAMPLES,
        shows=[".legend svg", ".multiples", "details"],
    )
    return reports.all


def check_axe(driver, report, width, checks):
    violations = browser.axe_violations(driver)
    checks.expect(
        not violations,
        f"{report.name} at {width} px: {len(violations)} axe-core violation{'' if len(violations) == 1 else 's'} "
        f"({report.path}):\n{browser.format_violations(violations)}",
    )
    return len(violations)


def check_page(driver, report, checks):
    started = time.monotonic()
    driver.set_window_size(1280, 900)
    browser.open_file(driver, report.path)
    checks.equal(driver.title, report.title, f"{report.name}: the page's title")
    for selector in report.shows:
        checks.expect(driver.find_elements(By.CSS_SELECTOR, selector), f"{report.name}: nothing matches {selector!r}")
    found = check_axe(driver, report, 1280, checks)
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    checks.expect(not errors, f"{report.name}: console errors: {errors}")

    picture = browser.artifacts_dir() / f"report-{report.name}.png"
    browser.screenshot(driver, picture, 1280)
    checks.expect(picture.is_file() and picture.stat().st_size > 10_000, f"{report.name}: no screenshot at {picture}")
    pages = browser.print_to_pdf(driver, browser.artifacts_dir() / f"report-{report.name}.pdf")
    checks.expect(pages >= 1, f"{report.name}: printed {pages} pages")

    # A phone, and WCAG's reflow width: wide tables scroll in their own focusable regions, the page never sideways.
    driver.set_window_size(PHONE_WIDTH, 900)
    found += check_axe(driver, report, PHONE_WIDTH, checks)
    page_width, view_width = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];"
    )
    checks.expect(
        page_width <= view_width,
        f"{report.name} at {PHONE_WIDTH} px: the page scrolls sideways ({page_width} px of content in {view_width})",
    )
    browser.screenshot(driver, browser.artifacts_dir() / f"report-{report.name}-{PHONE_WIDTH}.png", PHONE_WIDTH)
    print(f"{report.name}: {found} violations, {pages} A4 pages, {time.monotonic() - started:.1f} s")


def main():
    checks = browser.Checks()
    with tempfile.TemporaryDirectory(prefix="laer-reports-") as work:
        reports = make_reports(pathlib.Path(work), checks)
        driver = browser.start_chromium()
        try:
            for report in reports:
                check_page(driver, report, checks)
        finally:
            driver.quit()
    print(f"{len(reports)} reports checked; screenshots and prints in {browser.artifacts_dir()}")
    checks.finish()


if __name__ == "__main__":
    main()
