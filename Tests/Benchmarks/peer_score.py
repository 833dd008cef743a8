#!/usr/bin/env python3
"""The Python peer of `laer score DIR --format json`: what a consultant's plain script would do.

    python3 Tests/Benchmarks/peer_score.py DIR            # one JSON line per answer file
    python3 Tests/Benchmarks/peer_score.py --check DIR [--laer PATH]

Pure Python 3 standard library, one process, no multiprocessing. For every `*.json` under DIR
(recursive, sorted by path, hidden names skipped as laer skips them) it loads the answers with
`json.load`, scores them by the contract's rules against the built-in questionnaire of the
version each names (`../../Questionnaires/laer-*.json` beside this script: that exact version,
else the newest of the same major) and prints one line with the top-level
fields of `laer-result/1` (without laer's `projection`), `json.dumps(..., sort_keys=True,
ensure_ascii=False)`.

`--check` scores DIR both here and with `laer score DIR --format json` and compares, file by file,
overall, markers, target, gaps (order and fields), toVerify, roadSigns and perceptionGaps, numbers
within 1e-9. It prints every mismatch and exits 1 if there is any.
"""

import functools
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QUESTIONNAIRES = os.path.join(HERE, "..", "..", "Questionnaires")

RATING_VALUES = {"not": 0.0, "partially": 1.0 / 3.0, "largely": 2.0 / 3.0, "fully": 1.0, "na": None}
SCALE = ["not", "partially", "largely", "fully"]
TOLERANCE = 1e-9
NA = "na"


def version_key(text):
    return tuple(int(part) for part in text.split("."))


def load_questionnaire(directory=QUESTIONNAIRES):
    """A scorer for every released version, choosing per answer file as laer does."""
    versions = []
    for name in sorted(os.listdir(directory)):
        if name.startswith("laer-") and name.endswith(".json"):
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                versions.append(json.load(handle))
    return sorted(versions, key=lambda q: version_key(q["version"]), reverse=True)


class VersionedScorer:
    def __init__(self, questionnaires):
        self.scorers = [PeerScorer(q) for q in questionnaires]

    def score(self, answers_document, source):
        wanted = (answers_document.get("questionnaire") or {}).get("version", "")
        exact = [s for s in self.scorers if s.q["version"] == wanted]
        major = [s for s in self.scorers if s.q["version"].split(".")[0] == wanted.split(".")[0]]
        return (exact or major or self.scorers)[0].score(answers_document, source)


class PeerScorer:
    def __init__(self, questionnaire):
        self.q = questionnaire
        self.phases = [phase["id"] for phase in questionnaire["phases"]]
        self.phase_number = {phase: number for number, phase in enumerate(self.phases, start=1)}
        self.assessed = self.phases[1:]
        self.markers = [marker["id"] for marker in questionnaire["markers"]]
        self.capabilities = questionnaire["capabilities"]
        scoring = questionnaire.get("scoring") or {}
        self.reach = scoring.get("reach", 0.5)
        self.consolidate = scoring.get("consolidate", 0.85)
        self.road_signs = [sign["id"] for sign in questionnaire.get("roadSigns", [])]
        # Each marker's capabilities per phase, in questionnaire order.
        self.cells = {(marker, phase): [] for marker in self.markers for phase in self.assessed}
        for capability in self.capabilities:
            self.cells[(capability["marker"], capability["phase"])].append(capability)

    def meets(self, attainment, threshold):
        return attainment is not None and attainment >= threshold - TOLERANCE

    def phase_reached(self, attainment):
        reached = self.phases[0]
        for position, phase in enumerate(self.assessed):
            if not self.meets(attainment[phase], self.reach):
                break
            if not all(self.meets(attainment[lower], self.consolidate) for lower in self.assessed[:position]):
                break
            reached = phase
        return reached

    def score(self, answers_document, source):
        answers = answers_document.get("answers") or {}
        # The value of each capability: a number, NA, or None where unanswered.
        evidence = {}
        for capability in self.capabilities:
            answer = answers.get(capability["id"])
            if answer is None or answer.get("rating") is None:
                evidence[capability["id"]] = None
            else:
                value = RATING_VALUES[answer["rating"]]
                evidence[capability["id"]] = NA if value is None else value

        markers = []
        for marker in self.markers:
            attainment = {}
            for phase in self.assessed:
                weighted, weights = 0.0, 0.0
                for capability in self.cells[(marker, phase)]:
                    value = evidence[capability["id"]]
                    if value is None or value is NA:
                        continue
                    weighted += capability["weight"] * value
                    weights += capability["weight"]
                attainment[phase] = weighted / weights if weights > 0 else None
            total = 0.0
            for phase in self.assessed:
                total += attainment[phase] if attainment[phase] is not None else 0.0
            markers.append({
                "id": marker,
                "phase": self.phase_reached(attainment),
                "index": 1 + total,
                "attainment": attainment,
            })

        lowest = min(self.phase_number[m["phase"]] for m in markers)
        overall_phase = self.phases[lowest - 1]
        index_sum = 0.0
        for m in markers:
            index_sum += m["index"]
        limited_by = [m["id"] for m in markers if m["phase"] == overall_phase]
        target = self.phases[min(lowest + 1, len(self.phases)) - 1]
        target_number = self.phase_number[target]

        candidates = []
        for capability in self.capabilities:
            value = evidence[capability["id"]]
            if self.phase_number[capability["phase"]] > target_number:
                continue
            if value is None or value is NA or value >= 1 - TOLERANCE:
                continue
            candidates.append((capability, value))

        def shortfall(entry):
            return entry[0]["weight"] * (1 - entry[1])

        def order(left, right):
            lp, rp = self.phase_number[left[0]["phase"]], self.phase_number[right[0]["phase"]]
            if lp != rp:
                return -1 if lp < rp else 1
            ll, rl = left[0]["marker"] in limited_by, right[0]["marker"] in limited_by
            if ll != rl:
                return -1 if ll else 1
            ls, rs = shortfall(left), shortfall(right)
            if abs(ls - rs) > TOLERANCE:
                return -1 if ls > rs else 1
            if left[0]["id"] != right[0]["id"]:
                return -1 if left[0]["id"] < right[0]["id"] else 1
            return 0

        candidates.sort(key=functools.cmp_to_key(order))
        gaps = []
        for rank, (capability, value) in enumerate(candidates, start=1):
            nearest = int(math.floor(min(max(value, 0.0), 1.0) * 3 + 0.5))
            gaps.append({
                "rank": rank,
                "capability": capability["id"],
                "marker": capability["marker"],
                "phase": capability["phase"],
                "rating": SCALE[nearest],
                "weight": capability["weight"],
                "researchArea": capability["researchArea"],
                "statement": capability["statement"],
                "action": capability["action"],
            })

        to_verify = [c["id"] for c in self.capabilities
                     if self.phase_number[c["phase"]] <= target_number and evidence[c["id"]] is None]

        signs = answers_document.get("roadSigns") or {}
        present = sum(1 for sign in self.road_signs if signs.get(sign) is True)

        placements = answers_document.get("placements") or {}
        by_marker = {m["id"]: m["phase"] for m in markers}
        perception_gaps = []
        for marker in self.markers:
            placed = placements.get(marker)
            if placed in self.phase_number and self.phase_number[placed] > self.phase_number[by_marker[marker]]:
                perception_gaps.append({"marker": marker, "placed": placed, "evidence": by_marker[marker]})

        respondent = {key: value for key, value in (answers_document.get("respondent") or {}).items()
                      if key in ("name", "role", "organization") and value is not None}
        result = {
            "schema": "laer-result/1",
            "questionnaire": {"id": self.q["id"], "version": self.q["version"]},
            "respondent": respondent,
            "assessedOn": answers_document.get("assessedOn"),
            "source": source,
            "overall": {"phase": overall_phase, "index": index_sum / len(markers), "limitedBy": limited_by},
            "markers": markers,
            "target": target,
            "gaps": gaps,
            "toVerify": to_verify,
            "roadSigns": {"present": present, "total": len(self.road_signs)},
            "perceptionGaps": perception_gaps,
        }
        if answers_document.get("period") is not None:
            result["period"] = answers_document["period"]
        return result


def answer_files(directory):
    """Every `*.json` below `directory`, sorted by path; hidden files and folders skipped."""
    found = []
    for root, folders, files in os.walk(directory):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if name.lower().endswith(".json") and not name.startswith("."):
                found.append(os.path.join(root, name))
    return sorted(found)


def score_directory(directory, scorer):
    for path in answer_files(directory):
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        yield scorer.score(document, path)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE


def compare(peer, laer):
    """The differences between one peer result and one laer result, as lines."""
    problems = []
    for key in ("schema", "questionnaire", "respondent", "assessedOn", "target", "toVerify", "roadSigns", "perceptionGaps"):
        if peer.get(key) != laer.get(key):
            problems.append(f"{key}: peer {peer.get(key)!r}, laer {laer.get(key)!r}")
    po, lo = peer["overall"], laer.get("overall", {})
    if po["phase"] != lo.get("phase") or po["limitedBy"] != lo.get("limitedBy") or not close(po["index"], lo.get("index")):
        problems.append(f"overall: peer {po!r}, laer {lo!r}")
    lm = laer.get("markers", [])
    if [m["id"] for m in peer["markers"]] != [m.get("id") for m in lm]:
        problems.append("markers: different ids or order")
    else:
        for pm, om in zip(peer["markers"], lm):
            same = pm["phase"] == om.get("phase") and close(pm["index"], om.get("index"))
            same = same and set(pm["attainment"]) == set(om.get("attainment", {}))
            same = same and all(close(pm["attainment"][p], om["attainment"].get(p)) for p in pm["attainment"])
            if not same:
                problems.append(f"marker {pm['id']}: peer {pm!r}, laer {om!r}")
    pg, lg = peer["gaps"], laer.get("gaps", [])
    if [g["capability"] for g in pg] != [g.get("capability") for g in lg]:
        problems.append(f"gaps order: peer {[g['capability'] for g in pg]}, laer {[g.get('capability') for g in lg]}")
    else:
        for a, b in zip(pg, lg):
            if a != b:
                problems.append(f"gap {a['capability']}: peer {a!r}, laer {b!r}")
    return problems


def check(directory, laer_path):
    scorer = VersionedScorer(load_questionnaire())
    run = subprocess.run([laer_path, "score", directory, "--format", "json"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"laer exited {run.returncode}: {run.stderr.strip()[:2000]}", file=sys.stderr)
    laer_results = {}
    for line in run.stdout.splitlines():
        if line.strip():
            result = json.loads(line)
            laer_results[result["source"]] = result
    compared, mismatched = 0, 0
    peer_sources = set()
    for peer in score_directory(directory, scorer):
        peer_sources.add(peer["source"])
        laer = laer_results.get(peer["source"])
        if laer is None:
            print(f"{peer['source']}: no laer result")
            mismatched += 1
            continue
        compared += 1
        problems = compare(peer, laer)
        if problems:
            mismatched += 1
            for problem in problems:
                print(f"{peer['source']}: {problem}")
    for source in sorted(set(laer_results) - peer_sources):
        print(f"{source}: laer result without a peer result")
        mismatched += 1
    gaps = sum(len(r.get("gaps", [])) for r in laer_results.values())
    print(f"checked {compared} files ({gaps} gaps) against {laer_path}: {mismatched} mismatched")
    return 1 if mismatched or compared == 0 else 0


def default_laer():
    built = os.path.normpath(os.path.join(HERE, "..", "..", ".build", "release", "laer"))
    return built if os.path.exists(built) else "laer"


def main(arguments):
    usage = "usage: peer_score.py DIR | peer_score.py --check DIR [--laer PATH]"
    if "--check" in arguments:
        rest = [a for a in arguments if a != "--check"]
        laer = default_laer()
        if "--laer" in rest:
            at = rest.index("--laer")
            if at + 1 >= len(rest):
                print(usage, file=sys.stderr)
                return 64
            laer = rest[at + 1]
            del rest[at:at + 2]
        if len(rest) != 1:
            print(usage, file=sys.stderr)
            return 64
        return check(rest[0], laer)
    if len(arguments) != 1 or arguments[0].startswith("-"):
        print(usage, file=sys.stderr)
        return 64
    scorer = VersionedScorer(load_questionnaire())
    out = sys.stdout
    out.reconfigure(encoding="utf-8")
    for result in score_directory(arguments[0], scorer):
        out.write(json.dumps(result, sort_keys=True, ensure_ascii=False))
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
