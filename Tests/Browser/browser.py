"""What the browser tests share: the laer binary, headless Chromium, axe-core, screenshots, PDFs.

Standard library and selenium only (Debian's python3-selenium, for /usr/bin/python3). The
environment names what is not found by itself:

  LAER_BINARY             the laer executable under test
  LAER_AXE                axe-core's axe.min.js
  LAER_BROWSER_ARTIFACTS  where screenshots and PDFs go (else a fresh temporary directory)
"""

import base64
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# The WCAG 2.1 A and AA rules; axe's best practices are not part of the bar.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Chromium cannot grow a window past this, and a taller screenshot is no easier to read.
MAX_SCREENSHOT_HEIGHT = 16000

_artifacts = None


def laer(*args, check=False, cwd=None):
    """Runs the laer under test with `args` (paths and numbers are turned into text)."""
    binary = os.environ.get("LAER_BINARY")
    if not binary:
        raise RuntimeError("set LAER_BINARY to the laer executable, e.g. .build/debug/laer")
    # Absolute, so that a run in another directory (`cwd`) finds the same binary.
    return subprocess.run(
        [os.path.abspath(binary), *map(str, args)], text=True, capture_output=True, check=check, cwd=cwd, stdin=subprocess.DEVNULL
    )


def artifacts_dir():
    """Where screenshots and PDFs are kept: LAER_BROWSER_ARTIFACTS, else one temporary directory per run."""
    global _artifacts
    if _artifacts is None:
        named = os.environ.get("LAER_BROWSER_ARTIFACTS")
        _artifacts = pathlib.Path(named) if named else pathlib.Path(tempfile.mkdtemp(prefix="laer-browser-"))
        _artifacts.mkdir(parents=True, exist_ok=True)
    return _artifacts


def start_chromium(download_dir=None, width=1280, height=900):
    """A headless Chromium driven by chromedriver, in a profile of its own (chromedriver makes one per session)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    # Console messages, for tests that look for errors.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if download_dir is not None:
        options.add_experimental_option(
            "prefs",
            {
                "download.default_directory": str(download_dir),
                "download.prompt_for_download": False,
                "download.directory_upgrade": True,
            },
        )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        # A page that copies to the clipboard would otherwise wait for a permission prompt no one answers.
        driver.execute_cdp_cmd(
            "Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}
        )
    except Exception as error:  # an older Chromium without these permissions: the rest still works
        print(f"browser: clipboard permissions not granted ({error})", file=sys.stderr)
    return driver


def open_file(driver, path):
    """Loads a local file in the browser."""
    driver.get(pathlib.Path(path).resolve().as_uri())


def axe_violations(driver, include=None):
    """Runs axe-core on the open page (or only on the CSS selectors in `include`) and returns its violations."""
    axe = os.environ.get("LAER_AXE")
    if not axe or not os.path.isfile(axe):
        raise RuntimeError(f"set LAER_AXE to axe-core's axe.min.js (now {axe!r})")
    driver.execute_script(pathlib.Path(axe).read_text(encoding="utf-8"))
    if include is None:
        context = None
    else:
        selectors = [include] if isinstance(include, str) else list(include)
        context = {"include": [[selector] for selector in selectors]}
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    driver.set_script_timeout(120)
    answer = driver.execute_async_script(
        """
        const [context, options, done] = arguments;
        axe.run(context || document, options).then(
            (results) => done(JSON.stringify({violations: results.violations})),
            (error) => done(JSON.stringify({error: String(error)})));
        """,
        context,
        options,
    )
    result = json.loads(answer)
    if "error" in result:
        raise RuntimeError(f"axe-core failed: {result['error']}")
    return result["violations"]


def format_violations(violations):
    """Violations as a test log shows them: the rule, its impact and help, and every element with what fails."""
    lines = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"{violation['id']} ({violation.get('impact') or 'no impact'}): {violation['help']}, "
            f"{len(nodes)} element{'' if len(nodes) == 1 else 's'}"
        )
        lines.append(f"  {violation.get('helpUrl', '')}")
        for node in nodes:
            target = " ".join(" > ".join(part) if isinstance(part, list) else part for part in node.get("target", []))
            lines.append(f"  - {target}")
            for summary_line in (node.get("failureSummary") or "").splitlines():
                lines.append(f"      {summary_line}")
    return "\n".join(lines)


def screenshot(driver, path, width, height=None):
    """Saves a PNG of the page `width` pixels wide: `height` high, or the whole page (up to 16,000 pixels)."""
    # The window is larger than the page's viewport by the browser's own frame (headless Chromium
    # keeps about 140 pixels of height for it). window.outerWidth is no measure of it: it stays at
    # 500 or more while the viewport itself narrows to the width asked for.
    driver.set_window_size(width, height or 900)
    window = driver.get_window_size()
    inner_width, inner_height = driver.execute_script("return [window.innerWidth, window.innerHeight];")
    frame_width, frame_height = window["width"] - inner_width, window["height"] - inner_height
    driver.set_window_size(width + frame_width, (height or 900) + frame_height)
    if height is None:
        page = driver.execute_script("return document.documentElement.scrollHeight;")
        driver.set_window_size(width + frame_width, min(page, MAX_SCREENSHOT_HEIGHT) + frame_height)
    if not driver.save_screenshot(str(path)):
        raise RuntimeError(f"no screenshot written to {path}")


def print_to_pdf(driver, path):
    """Prints the page as Chromium prints it on A4 with backgrounds off, writes the PDF and returns its page count."""
    printed = driver.execute_cdp_cmd(
        "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False}
    )
    data = base64.b64decode(printed["data"])
    pathlib.Path(path).write_bytes(data)
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], text=True, capture_output=True, check=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
        if match:
            return int(match.group(1))
    # Each page is one "/Type /Page" object; the page tree is "/Type /Pages".
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


class Checks:
    """Collects failed expectations, so that one run reports all of them."""

    def __init__(self):
        self.count = 0
        self.failures = []

    def expect(self, condition, message):
        self.count += 1
        if not condition:
            self.failures.append(message)
        return bool(condition)

    def equal(self, actual, expected, message):
        return self.expect(actual == expected, f"{message}: expected {expected!r}, got {actual!r}")

    def finish(self):
        """Prints every failure and exits 1 if there is any; else one line, and exits 0."""
        if self.failures:
            for failure in self.failures:
                print(f"FAIL: {failure}")
            print(f"{len(self.failures)} of {self.count} checks failed")
            sys.exit(1)
        print(f"ok: {self.count} checks")
        sys.exit(0)
