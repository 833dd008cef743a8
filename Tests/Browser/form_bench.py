"""How fast the HTML answer form is, on the built-in questionnaire, in headless Chromium with its
CPU slowed down 4× (a modest laptop): first paint, the script's start, and each answer.

    LAER_BINARY=.build/release/laer /usr/bin/python3 Tests/Browser/form_bench.py [--throttle 4] [--answers 60]

Not a test: it prints figures (median and slowest) for the closing notes of issues.
"""

import argparse
import os
import pathlib
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from browser import laer, open_file, start_chromium  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--throttle", type=float, default=4)
parser.add_argument("--answers", type=int, default=60)
options = parser.parse_args()

work = pathlib.Path(tempfile.mkdtemp(prefix="laer-form-bench-"))
form = work / "form.html"
laer("template", "--out", str(form), "--organization", "Bench", check=True)
print(f"form: {form.stat().st_size:,} bytes; CPU slowed {options.throttle:g}×")

driver = start_chromium()
driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": options.throttle})
loads = []
for _ in range(5):
    open_file(driver, form)
    driver.execute_script("localStorage.clear()")
    loads.append(driver.execute_script("""
      const navigation = performance.getEntriesByType("navigation")[0];
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return { paint: paint ? paint.startTime : null, ready: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd };
    """))
for name in ["paint", "ready", "load"]:
    values = [entry[name] for entry in loads if entry[name] is not None]
    label = {"paint": "first contentful paint", "ready": "DOMContentLoaded (script run)", "load": "load"}[name]
    print(f"{label}: median {statistics.median(values):.0f} ms, slowest {max(values):.0f} ms (5 opens)")

# Each answer: the click's handlers (record, count, review, save to localStorage) and the next frame.
timings = driver.execute_async_script("""
  const done = arguments[arguments.length - 1];
  const ratings = ["not", "partially", "largely", "fully", "na"];
  const inputs = [...document.querySelectorAll(".capability")].map((question, index) =>
    question.querySelector(`input[value="${ratings[index % 5]}"]`));
  const count = Math.min(arguments[0], inputs.length);
  const handler = [], frame = [];
  let index = 0;
  // As a person answers: the question on screen (scrolled to, and drawn) before the click.
  const afterFrame = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  const next = () => {
    if (index === count) return done({ handler, frame });
    inputs[index].scrollIntoView({ block: "center" });
    afterFrame(() => afterFrame(() => {
      const start = performance.now();
      inputs[index].click();
      handler.push(performance.now() - start);
      afterFrame(() => { frame.push(performance.now() - start); index += 1; next(); });
    }));
  };
  next();
""", options.answers)
for name, label in [("handler", "an answer, its handlers and save"), ("frame", "an answer, to the next frame")]:
    values = timings[name]
    print(f"{label}: median {statistics.median(values):.1f} ms, slowest {max(values):.1f} ms ({len(values)} answers)")

typing = driver.execute_script("""
  const note = document.querySelector("textarea");
  const times = [];
  for (let i = 0; i < 200; i += 1) {
    const start = performance.now();
    note.value += "x";
    note.dispatchEvent(new Event("input", { bubbles: true }));
    times.push(performance.now() - start);
  }
  return times;
""")
print(f"a key typed in a note, its handler and save: median {statistics.median(typing):.2f} ms, slowest {max(typing):.2f} ms (200 keys)")
driver.quit()
