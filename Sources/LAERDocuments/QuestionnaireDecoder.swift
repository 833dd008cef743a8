import LAERFormats
import LAERValues

/// Turns a parsed `laer-questionnaire/1` document into a `Questionnaire`, recording every problem.
///
/// What decodes is kept even when other parts are broken, so that `QuestionnaireValidator` can
/// check it too and a user sees every problem of a file in one run.
struct QuestionnaireDecoder {
    /// The decoded document, what could be read of every capability entry, and the problems.
    struct Output {
        var questionnaire: Questionnaire
        /// One per element of `capabilities`, decoded or not, so that checks across capabilities
        /// do not report a broken entry a second time as missing.
        var entries: [CapabilityEntry]
        var problems: [Problem]
        /// False when there were more capabilities than `InputLimits.capabilities`, none of which
        /// were read, so that no rule across capabilities is checked.
        var capabilitiesRead = true
    }

    /// The parts of one `capabilities` element that rules across capabilities need.
    struct CapabilityEntry {
        var index: Int
        var id: String?
        var marker: MarkerID?
        var phase: PhaseID?
        var dependsOn: [String]
    }

    static let markerIDs = MarkerID.allCases.map(\.rawValue)
    static let phaseIDs = PhaseID.allCases.map(\.rawValue)
    static let motionIDs = Motion.allCases.map(\.rawValue)

    static func decode(_ document: JSONValue) -> Output {
        var problems: [Problem] = []
        let empty = Questionnaire(
            id: "", version: SemanticVersion(major: 0, minor: 0, patch: 0), title: "",
            phases: [], markers: [], capabilities: [], roadSigns: [])
        guard let root = FieldReader.object(document, at: "", problems: &problems, what: "a questionnaire") else {
            return Output(questionnaire: empty, entries: [], problems: problems)
        }
        var fields = FieldReader(root, at: "")
        if let schema = fields.string("schema", what: "\"schema\": \"\(Questionnaire.schema)\""), schema != Questionnaire.schema {
            fields.record(Problem("schema", schemaMessage(schema)))
        }
        var questionnaire = empty
        questionnaire.id = fields.string("id", what: "the questionnaire's id") ?? ""
        // The id is written into every answer file and sheet (a spreadsheet cell among them), so it
        // has the capability ids' pattern: nothing a spreadsheet runs as a formula, no markup.
        if let message = identifierLengthMessage(questionnaire.id) {
            fields.record(Problem("id", message))
        } else if !questionnaire.id.isEmpty, !isValidIdentifier(questionnaire.id) {
            fields.record(
                Problem(
                    "id",
                    "\(SafeText.quoted(questionnaire.id)) is not a usable id; use letters, digits, '.', '_' and '-', starting with a letter or digit"
                ))
        }
        if let version = fields.string("version", what: "a semantic version such as \"1.0.0\"") {
            if let parsed = SemanticVersion(version) {
                questionnaire.version = parsed
            } else {
                fields.record(
                    Problem(
                        "version",
                        "\(SafeText.quoted(version)) is not a semantic version; write MAJOR.MINOR.PATCH, such as \"1.0.0\"")
                )
            }
        }
        questionnaire.title = fields.string("title", what: "a title") ?? ""
        questionnaire.phases = decodePhases(fields.array("phases", what: "the four phases"), problems: &problems)
        questionnaire.markers = decodeMarkers(fields.array("markers", what: "the five markers"), problems: &problems)
        var entries: [CapabilityEntry] = []
        // Gathered apart and set once: each change of `capabilities` indexes them all again.
        var capabilities: [Capability] = []
        var elements = fields.array("capabilities", what: "the capabilities") ?? []
        var capabilitiesRead = true
        if elements.count > InputLimits.capabilities {
            problems.append(
                Problem(
                    "capabilities",
                    "\(NumberFormat.grouped(elements.count)) capabilities, more than the \(NumberFormat.grouped(InputLimits.capabilities)) a questionnaire may have (the built-in one has 64, and a few hundred are already a day's interview); none were read: split it into smaller questionnaires"
                ))
            elements = []
            capabilitiesRead = false
        }
        entries.reserveCapacity(elements.count)
        capabilities.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            var entry = CapabilityEntry(index: index, dependsOn: [])
            if let capability = decodeCapability(
                element, at: JSONPath.element("capabilities", index), entry: &entry, problems: &problems)
            {
                capabilities.append(capability)
            }
            entries.append(entry)
        }
        questionnaire.capabilities = capabilities
        questionnaire.roadSigns = decodeRoadSigns(fields.array("roadSigns", what: "the road signs"), problems: &problems)
        questionnaire.scoring = decodeScoring(
            fields.object("scoring", required: false, what: "the scoring thresholds"), problems: &problems)
        questionnaire.references = decodeReferences(
            fields.array("references", required: false, what: "the works the sources name"), problems: &problems)
        problems = fields.finish() + problems
        return Output(
            questionnaire: questionnaire, entries: entries, problems: problems, capabilitiesRead: capabilitiesRead)
    }

    /// Why `id` is too long to be an id (`InputLimits.identifierLength`), or nil.
    static func identifierLengthMessage(_ id: String) -> String? {
        guard id.utf8.count > InputLimits.identifierLength, id.count > InputLimits.identifierLength else { return nil }
        return
            "\(SafeText.quoted(id)) is \(NumberFormat.grouped(id.count)) characters long; an id has at most \(InputLimits.identifierLength), so that every report and sheet can show it: shorten it"
    }

    static func schemaMessage(_ schema: String) -> String {
        if schema.hasPrefix("laer-questionnaire/") {
            return
                "\(SafeText.quoted(schema)) is a version of the questionnaire format this laer does not read; it reads \(Questionnaire.schema): upgrade laer or convert the file"
        }
        if schema.hasPrefix("laer-answers/") {
            return
                "\(SafeText.quoted(schema)) is an answer file, not a questionnaire; pass it as an input, and the questionnaire with --questionnaire"
        }
        return "\(SafeText.quoted(schema)) is not a questionnaire schema; expected \"\(Questionnaire.schema)\""
    }

    static func decodePhases(_ elements: [JSONValue]?, problems: inout [Problem]) -> [Phase] {
        guard let elements else { return [] }
        var phases: [Phase] = []
        var idsReadable = true
        for (index, element) in elements.enumerated() {
            let path = JSONPath.element("phases", index)
            guard let object = FieldReader.object(element, at: path, problems: &problems, what: "a phase") else {
                idsReadable = false
                continue
            }
            var fields = FieldReader(object, at: path)
            let id = fields.string("id", what: "the phase id")
            let name = fields.string("name", what: "the phase's name")
            let summary = fields.string("summary", required: false, what: "a short summary")
            if let id, PhaseID(rawValue: id) == nil {
                fields.record(
                    Problem(
                        fields.memberPath("id"),
                        "\(SafeText.quoted(id)) is not a phase; \(Suggestion.expectedOneOf(phaseIDs, for: id))"))
            }
            if let id, let phase = PhaseID(rawValue: id) {
                phases.append(Phase(id: phase, name: name ?? id, summary: summary))
            } else {
                idsReadable = false
            }
            problems += fields.finish()
        }
        if idsReadable, phases.map(\.id) != PhaseID.allCases {
            let found = phases.map(\.id.rawValue).joined(separator: ", ")
            problems.append(
                Problem(
                    "phases",
                    "must be exactly the four phases in order (\(phaseIDs.joined(separator: ", "))); found \(found.isEmpty ? "none" : found)"
                ))
        }
        return phases
    }

    static func decodeMarkers(_ elements: [JSONValue]?, problems: inout [Problem]) -> [Marker] {
        guard let elements else { return [] }
        if elements.isEmpty {
            problems.append(
                Problem(
                    "markers",
                    "is empty; add the five markers (\(markerIDs.joined(separator: ", "))), each with a name and a profile for each phase, which reports and sheets show"
                ))
        }
        var markers: [Marker] = []
        for (index, element) in elements.enumerated() {
            let path = JSONPath.element("markers", index)
            guard let object = FieldReader.object(element, at: path, problems: &problems, what: "a marker") else { continue }
            var fields = FieldReader(object, at: path)
            let id = fields.string("id", what: "the marker id")
            let name = fields.string("name", what: "the marker's name")
            let description = fields.string("description", required: false, what: "a description")
            var profiles: [PhaseID: String] = [:]
            if let profileObject = fields.object("profiles", what: "a profile of the marker for each phase") {
                var profileFields = FieldReader(profileObject, at: fields.memberPath("profiles"))
                for phase in PhaseID.allCases {
                    profiles[phase] = profileFields.string(
                        phase.rawValue, what: "what \(id ?? "this marker") looks like in the \(phase.rawValue) phase")
                }
                for key in profileObject.keys where PhaseID(rawValue: key) == nil {
                    profileFields.record(
                        Problem(
                            profileFields.memberPath(key),
                            "\(SafeText.quoted(key)) is not a phase; \(Suggestion.expectedOneOf(phaseIDs, for: key))"))
                }
                problems += profileFields.finish(alsoKnown: profileObject.keys)
            }
            if let id, MarkerID(rawValue: id) == nil {
                fields.record(
                    Problem(
                        fields.memberPath("id"),
                        "\(SafeText.quoted(id)) is not a marker; \(Suggestion.expectedOneOf(markerIDs, for: id))")
                )
            }
            if let id, let marker = MarkerID(rawValue: id) {
                markers.append(Marker(id: marker, name: name ?? id, description: description, profiles: profiles))
            }
            problems += fields.finish()
        }
        return markers
    }

    static func decodeCapability(
        _ element: JSONValue, at path: String, entry: inout CapabilityEntry, problems: inout [Problem]
    ) -> Capability? {
        guard let object = FieldReader.object(element, at: path, problems: &problems, what: "a capability") else { return nil }
        var fields = FieldReader(object, at: path)
        let id = fields.string("id", what: "a stable capability id")
        if let id, let message = identifierLengthMessage(id) {
            fields.record(Problem(fields.memberPath("id"), message))
        } else if let id, !isValidIdentifier(id) {
            fields.record(
                Problem(
                    fields.memberPath("id"),
                    "\(SafeText.quoted(id)) is not a usable id; use letters, digits, '.', '_' and '-', starting with a letter or digit"
                ))
        }
        let marker = fields.string("marker", what: "the marker it belongs to").flatMap { text -> MarkerID? in
            guard let marker = MarkerID(rawValue: text) else {
                fields.record(
                    Problem(
                        fields.memberPath("marker"),
                        "\(SafeText.quoted(text)) is not a marker; \(Suggestion.expectedOneOf(markerIDs, for: text))"))
                return nil
            }
            return marker
        }
        let phase = fields.string("phase", what: "the phase it belongs to").flatMap { text -> PhaseID? in
            let assessed = PhaseID.assessed.map(\.rawValue)
            guard let phase = PhaseID(rawValue: text) else {
                fields.record(
                    Problem(
                        fields.memberPath("phase"),
                        "\(SafeText.quoted(text)) is not a phase; \(Suggestion.expectedOneOf(assessed, for: text))"
                    ))
                return nil
            }
            guard phase != .traditionalTransactional else {
                fields.record(
                    Problem(
                        fields.memberPath("phase"),
                        "capabilities belong to the phases above the first; expected one of \(assessed.joined(separator: ", "))"))
                return nil
            }
            return phase
        }
        let statement = fields.string("statement", what: "the statement to rate")
        let help = fields.string("help", what: "what evidence counts")
        let action = fields.string("action", what: "the first concrete step to build it")
        let weight = fields.number("weight", what: "a weight from 1 to 3").flatMap { number -> Int? in
            guard number == number.rounded(), (1...3).contains(number) else {
                fields.record(Problem(fields.memberPath("weight"), "\(JSONWriter.format(number)) is outside 1–3; use 1, 2 or 3"))
                return nil
            }
            return Int(number)
        }
        let motions = fields.strings("motions", what: "the motions it serves (land, adopt, expand, renew)").map {
            texts -> [Motion] in
            if texts.isEmpty {
                fields.record(
                    Problem(fields.memberPath("motions"), "is empty; name at least one of \(motionIDs.joined(separator: ", "))"))
            }
            return texts.enumerated().compactMap { index, text in
                guard let motion = Motion(rawValue: text) else {
                    fields.record(
                        Problem(
                            JSONPath.element(fields.memberPath("motions"), index),
                            "\(SafeText.quoted(text)) is not a motion; \(Suggestion.expectedOneOf(motionIDs, for: text))"))
                    return nil
                }
                return motion
            }
        }
        let researchArea = fields.string("researchArea", what: "the research area that owns it")
        let source = decodeSource(
            fields.object("source", what: "its source {file, basis, note}"), at: fields.memberPath("source"), problems: &problems)
        let dependsOn = fields.strings("dependsOn", required: false, what: "the ids of capabilities it depends on") ?? []
        problems += fields.finish()
        entry = CapabilityEntry(index: entry.index, id: id, marker: marker, phase: phase, dependsOn: dependsOn)
        guard let id, let marker, let phase, let statement, let help, let action, let weight, let motions,
            let researchArea, let source, fields.problems.errors.isEmpty
        else { return nil }
        return Capability(
            id: id, marker: marker, phase: phase, statement: statement, help: help, action: action, weight: weight,
            motions: motions, researchArea: researchArea, source: source, dependsOn: dependsOn)
    }

    static func decodeSource(_ object: JSONObject?, at path: String, problems: inout [Problem]) -> SourceNote? {
        guard let object else { return nil }
        var fields = FieldReader(object, at: path)
        let file = fields.string("file", what: "the source file's name")
        let basis = fields.string("basis", what: "\"stated\" or \"inferred\"").flatMap { text -> SourceNote.Basis? in
            guard let basis = SourceNote.Basis(rawValue: text) else {
                fields.record(
                    Problem(
                        fields.memberPath("basis"),
                        "\(SafeText.quoted(text)) is not a basis; \(Suggestion.expectedOneOf(SourceNote.Basis.allCases.map(\.rawValue), for: text))"
                    ))
                return nil
            }
            return basis
        }
        let note = fields.string("note", what: "a note on what the source says or what it is inferred from")
        problems += fields.finish()
        guard let file, let basis, let note else { return nil }
        return SourceNote(file: file, basis: basis, note: note)
    }

    static func decodeRoadSigns(_ elements: [JSONValue]?, problems: inout [Problem]) -> [RoadSign] {
        guard let elements else { return [] }
        guard elements.count <= InputLimits.roadSigns else {
            problems.append(
                Problem(
                    "roadSigns",
                    "\(NumberFormat.grouped(elements.count)) road signs, more than the \(InputLimits.roadSigns) a questionnaire may have (the built-in one has 5, each a question every respondent answers); none were read: keep the few that tell the most"
                ))
            return []
        }
        var signs: [RoadSign] = []
        for (index, element) in elements.enumerated() {
            let path = JSONPath.element("roadSigns", index)
            guard let object = FieldReader.object(element, at: path, problems: &problems, what: "a road sign") else { continue }
            var fields = FieldReader(object, at: path)
            let id = fields.string("id", what: "the road sign's id")
            let statement = fields.string("statement", what: "the road sign's statement")
            if let id, let message = identifierLengthMessage(id) {
                fields.record(Problem(fields.memberPath("id"), message))
            } else if let id, !isValidIdentifier(id) {
                fields.record(
                    Problem(
                        fields.memberPath("id"),
                        "\(SafeText.quoted(id)) is not a usable id; use letters, digits, '.', '_' and '-'"))
            }
            problems += fields.finish()
            if let id, let statement { signs.append(RoadSign(id: id, statement: statement)) }
        }
        return signs
    }

    static func decodeReferences(_ elements: [JSONValue]?, problems: inout [Problem]) -> [Reference] {
        var references: [Reference] = []
        for (index, element) in (elements ?? []).enumerated() {
            let path = JSONPath.element("references", index)
            guard let object = FieldReader.object(element, at: path, problems: &problems, what: "a reference") else { continue }
            var fields = FieldReader(object, at: path)
            let file = fields.string("file", what: "the file name the capabilities' source.file gives")
            let title = fields.string("title", what: "the work's title")
            let author = fields.string("author", what: "its author, or the publisher where it names none")
            let date = fields.string("date", what: "when it was published (YYYY-MM-DD, a year, or \"\(Reference.undated)\")")
            problems += fields.finish()
            if let file, let title, let author, let date {
                references.append(Reference(file: file, title: title, author: author, date: date))
            }
        }
        return references
    }

    static func decodeScoring(_ object: JSONObject?, problems: inout [Problem]) -> ScoringThresholds {
        guard let object else { return .default }
        var fields = FieldReader(object, at: "scoring")
        var thresholds = ScoringThresholds.default
        for (key, keyPath) in [("reach", \ScoringThresholds.reach), ("consolidate", \ScoringThresholds.consolidate)] {
            guard let value = fields.number(key, required: false, what: "a threshold between 0 and 1") else { continue }
            if value > 0, value <= 1 {
                thresholds[keyPath: keyPath] = value
            } else {
                fields.record(
                    Problem(fields.memberPath(key), "\(JSONWriter.format(value)) is outside (0, 1]; use a fraction such as 0.5"))
            }
        }
        problems += fields.finish()
        return thresholds
    }

    static func isValidIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                    || scalar == "-")
        }
    }
}
