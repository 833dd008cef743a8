/// The rules that span a questionnaire's parts: unique ids, complete markers and cells, sound
/// dependencies and thresholds. Each broken rule is one `Problem`; all of them are reported.
struct QuestionnaireValidator {
    /// - Parameter capabilityIndexes: each capability's index in the file, for the paths of messages.
    static func problems(in questionnaire: Questionnaire, capabilityIndexes: [Int]) -> [Problem] {
        var problems: [Problem] = []
        let capabilities = questionnaire.capabilities
        func path(_ position: Int, _ member: String) -> String {
            JSONPath.member(JSONPath.element("capabilities", capabilityIndexes[position]), member)
        }

        var seenMarkers: Set<MarkerID> = []
        for (index, marker) in questionnaire.markers.enumerated() where !seenMarkers.insert(marker.id).inserted {
            problems.append(Problem(JSONPath.member(JSONPath.element("markers", index), "id"), "marker \"\(marker.id.rawValue)\" appears more than once; keep one"))
        }
        if !questionnaire.markers.isEmpty || capabilities.isEmpty == false {
            for marker in MarkerID.allCases where !seenMarkers.contains(marker) {
                problems.append(Problem("markers", "marker \"\(marker.rawValue)\" is missing; add it with a name and a profile for each phase"))
            }
        }

        var firstIndexOfID: [String: Int] = [:]
        for (position, capability) in capabilities.enumerated() {
            if let first = firstIndexOfID[capability.id] {
                problems.append(Problem(path(position, "id"), "\"\(capability.id)\" is already the id of capabilities[\(capabilityIndexes[first])]; ids must be unique"))
            } else {
                firstIndexOfID[capability.id] = position
            }
        }

        let ids = Array(firstIndexOfID.keys).sorted()
        for (position, capability) in capabilities.enumerated() {
            for (dependencyIndex, dependency) in capability.dependsOn.enumerated() {
                let place = JSONPath.element(path(position, "dependsOn"), dependencyIndex)
                if dependency == capability.id {
                    problems.append(Problem(place, "a capability cannot depend on itself; remove \"\(dependency)\""))
                } else if firstIndexOfID[dependency] == nil {
                    var message = "\"\(dependency)\" is not the id of any capability"
                    if let closest = Suggestion.closest(to: dependency, among: ids) { message += " (did you mean \"\(closest)\"?)" }
                    problems.append(Problem(place, message))
                }
            }
        }
        if let cycle = dependencyCycle(capabilities) {
            let position = firstIndexOfID[cycle[0]] ?? 0
            problems.append(Problem(path(position, "dependsOn"), "dependencies form a cycle (\(cycle.joined(separator: " → "))); remove one of them"))
        }

        if !capabilities.isEmpty {
            for marker in MarkerID.allCases where seenMarkers.contains(marker) {
                for phase in PhaseID.assessed where questionnaire.capabilities(of: marker, in: phase).isEmpty {
                    problems.append(Problem("capabilities", "no capability for marker \"\(marker.rawValue)\" in phase \"\(phase.rawValue)\"; every marker needs at least one in each phase above the first, or that phase can never be reached"))
                }
            }
        } else {
            problems.append(Problem("capabilities", "there are no capabilities; add at least one per marker and phase"))
        }

        var seenSigns: Set<String> = []
        for (index, sign) in questionnaire.roadSigns.enumerated() where !seenSigns.insert(sign.id).inserted {
            problems.append(Problem(JSONPath.member(JSONPath.element("roadSigns", index), "id"), "\"\(sign.id)\" appears more than once; road sign ids must be unique"))
        }

        let scoring = questionnaire.scoring
        if scoring.consolidate < scoring.reach {
            problems.append(Problem("scoring", "thresholds are out of order: consolidate (\(JSONWriter.format(scoring.consolidate))) must be at least reach (\(JSONWriter.format(scoring.reach)))"))
        }
        return problems
    }

    /// The ids along one dependency cycle, first id repeated at the end, or nil when there is none.
    static func dependencyCycle(_ capabilities: [Capability]) -> [String]? {
        var edges: [String: [String]] = [:]
        for capability in capabilities where edges[capability.id] == nil {
            edges[capability.id] = capability.dependsOn
        }
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []

        func visit(_ id: String) -> [String]? {
            switch marks[id] {
            case .done: return nil
            case .visiting:
                let start = stack.firstIndex(of: id) ?? 0
                return Array(stack[start...]) + [id]
            case nil: break
            }
            marks[id] = .visiting
            stack.append(id)
            for next in edges[id] ?? [] where edges[next] != nil && next != id {
                if let cycle = visit(next) { return cycle }
            }
            stack.removeLast()
            marks[id] = .done
            return nil
        }

        for capability in capabilities {
            if let cycle = visit(capability.id) { return cycle }
        }
        return nil
    }
}
