import LAERFormats
import LAERValues

/// The rules that span a questionnaire's parts: unique ids, complete markers and cells, sound
/// dependencies and thresholds.
///
/// Each broken rule is one `Problem`; all of them are reported.
struct QuestionnaireValidator {
    typealias Entry = QuestionnaireDecoder.CapabilityEntry

    /// - Parameter entries: what could be read of every capability element, decoded or not.
    static func problems(in questionnaire: Questionnaire, entries: [Entry]) -> [Problem] {
        markerProblems(questionnaire.markers)
            + capabilityProblems(entries, markers: Set(questionnaire.markers.map(\.id)))
            + roadSignProblems(questionnaire.roadSigns)
            + scoringProblems(questionnaire.scoring)
            + referenceProblems(questionnaire)
    }

    /// One reference per file, and (a warning) a reference for every file a source names, so
    /// that what people read cites a work by its title rather than by a file name.
    static func referenceProblems(_ questionnaire: Questionnaire) -> [Problem] {
        var problems: [Problem] = []
        var files: Set<String> = []
        for (index, reference) in questionnaire.references.enumerated() where !files.insert(reference.file).inserted {
            problems.append(
                Problem(
                    JSONPath.member(JSONPath.element("references", index), "file"),
                    "\(SafeText.quoted(reference.file)) has a reference already; keep one"))
        }
        var warned: Set<String> = []
        for (index, capability) in questionnaire.capabilities.enumerated()
        where !files.contains(capability.source.file) && warned.insert(capability.source.file).inserted {
            problems.append(
                Problem(
                    JSONPath.member(JSONPath.member(JSONPath.element("capabilities", index), "source"), "file"),
                    "\(SafeText.quoted(capability.source.file)) has no entry in references; add one with its title, author and date, so that the survey and the reports can name the work rather than the file",
                    severity: .warning))
        }
        return problems
    }

    static func path(_ entry: Entry, _ member: String) -> String {
        JSONPath.member(JSONPath.element("capabilities", entry.index), member)
    }

    static func markerProblems(_ markers: [Marker]) -> [Problem] {
        var problems: [Problem] = []
        var seen: Set<MarkerID> = []
        for (index, marker) in markers.enumerated() where !seen.insert(marker.id).inserted {
            problems.append(
                Problem(
                    JSONPath.member(JSONPath.element("markers", index), "id"),
                    "marker \"\(marker.id.rawValue)\" appears more than once; keep one"))
        }
        if !markers.isEmpty {
            for marker in MarkerID.allCases where !seen.contains(marker) {
                problems.append(
                    Problem(
                        "markers", "marker \"\(marker.rawValue)\" is missing; add it with a name and a profile for each phase"))
            }
        }
        return problems
    }

    static func capabilityProblems(_ entries: [Entry], markers: Set<MarkerID>) -> [Problem] {
        guard !entries.isEmpty else {
            return [Problem("capabilities", "there are no capabilities; add at least one per marker and phase")]
        }
        var problems: [Problem] = []
        var firstEntryOfID: [String: Entry] = [:]
        for entry in entries {
            guard let id = entry.id else { continue }
            if let first = firstEntryOfID[id] {
                problems.append(
                    Problem(
                        path(entry, "id"),
                        "\(SafeText.quoted(id)) is already the id of capabilities[\(first.index)]; ids must be unique"))
            } else {
                firstEntryOfID[id] = entry
            }
        }

        let ids = firstEntryOfID.keys.sorted()
        for entry in entries {
            for (position, dependency) in entry.dependsOn.enumerated() {
                let place = JSONPath.element(path(entry, "dependsOn"), position)
                if dependency == entry.id {
                    problems.append(
                        Problem(place, "a capability cannot depend on itself; remove \(SafeText.quoted(dependency))"))
                } else if firstEntryOfID[dependency] == nil {
                    var message = "\(SafeText.quoted(dependency)) is not the id of any capability"
                    if let closest = Suggestion.closest(to: dependency, among: ids) {
                        message += " (did you mean \"\(closest)\"?)"
                    }
                    problems.append(Problem(place, message))
                }
            }
        }
        if let cycle = dependencyCycle(entries), let first = firstEntryOfID[cycle[0]] {
            problems.append(
                Problem(
                    path(first, "dependsOn"), "dependencies form a cycle (\(shownCycle(cycle))); remove one of them")
            )
        }

        // A cell can only be judged empty when every entry's marker and phase could be read.
        if entries.allSatisfy({ $0.marker != nil && $0.phase != nil }) {
            let cells = Set(entries.map { "\($0.marker!.rawValue)/\($0.phase!.rawValue)" })
            for marker in MarkerID.allCases where markers.contains(marker) {
                for phase in PhaseID.assessed where !cells.contains("\(marker.rawValue)/\(phase.rawValue)") {
                    problems.append(
                        Problem(
                            "capabilities",
                            "no capability for marker \"\(marker.rawValue)\" in phase \"\(phase.rawValue)\"; every marker needs at least one in each phase above the first, or that phase can never be reached"
                        ))
                }
            }
        }
        return problems
    }

    static func roadSignProblems(_ signs: [RoadSign]) -> [Problem] {
        var seen: Set<String> = []
        return signs.enumerated().compactMap { index, sign in
            seen.insert(sign.id).inserted
                ? nil
                : Problem(
                    JSONPath.member(JSONPath.element("roadSigns", index), "id"),
                    "\(SafeText.quoted(sign.id)) appears more than once; road sign ids must be unique")
        }
    }

    static func scoringProblems(_ scoring: ScoringThresholds) -> [Problem] {
        guard scoring.consolidate < scoring.reach else { return [] }
        return [
            Problem(
                "scoring",
                "thresholds are out of order: consolidate (\(JSONWriter.format(scoring.consolidate))) must be at least reach (\(JSONWriter.format(scoring.reach)))"
            )
        ]
    }

    /// A cycle as a message shows it: a long one by its first and last steps and how many between.
    static func shownCycle(_ cycle: [String]) -> String {
        let ids = cycle.map(SafeText.shown)
        guard ids.count > 8 else { return ids.joined(separator: " → ") }
        return (ids.prefix(4) + ["… \(NumberFormat.grouped(ids.count - 6)) more …"] + ids.suffix(2)).joined(separator: " → ")
    }

    /// The ids along one dependency cycle, first id repeated at the end, or nil when there is none.
    ///
    /// A depth-first search with its own stack rather than recursion, so that a chain of
    /// dependencies as long as the questionnaire cannot exhaust a worker thread's stack.
    static func dependencyCycle(_ entries: [Entry]) -> [String]? {
        var edges: [String: [String]] = [:]
        for entry in entries {
            if let id = entry.id, edges[id] == nil { edges[id] = entry.dependsOn }
        }
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        // The path being walked: each id with the position of the next dependency to follow.
        var path: [(id: String, next: Int)] = []

        for entry in entries {
            guard let root = entry.id, marks[root] == nil else { continue }
            marks[root] = .visiting
            path.append((root, 0))
            while let (id, position) = path.last {
                let dependencies = edges[id] ?? []
                guard position < dependencies.count else {
                    marks[id] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let next = dependencies[position]
                guard edges[next] != nil, next != id else { continue }
                switch marks[next] {
                case .done: continue
                case .visiting:
                    let start = path.firstIndex { $0.id == next } ?? 0
                    return path[start...].map(\.id) + [next]
                case nil:
                    marks[next] = .visiting
                    path.append((next, 0))
                }
            }
        }
        return nil
    }
}
