import LAERFormats
import LAERValues

/// The released versions of a questionnaire, newest first, and between each two what was
/// added, retired, reworded and reweighted: `laer questionnaire --history`.
package struct QuestionnaireHistoryRenderer: Sendable {
    package var style: any TextStyle
    package var width: Int

    package init(style: any TextStyle = PlainText(), width: Int = 80) {
        self.style = style
        self.width = width
    }

    /// What a reader is told of the versions, once for every format.
    static let rule =
        "Answers are scored with the version they were made with; answers of a version that is not here, with the newest of the same major version."

    static func newestFirst(_ history: [Questionnaire]) -> [Questionnaire] { history.sorted { $0.version > $1.version } }

    package func text(_ history: [Questionnaire]) -> String {
        var layout = TextLayout(style: style, width: width)
        let versions = Self.newestFirst(history)
        guard let newest = versions.first else { return "" }
        layout.line(style.bold(newest.title) + " (\(newest.id)): \(versions.count) version\(versions.count == 1 ? "" : "s")")
        for (index, questionnaire) in versions.enumerated() {
            let note = index == 0 ? "; the newest: new surveys, sheets and templates use it" : ""
            layout.line("  \(questionnaire.version)  \(questionnaire.capabilities.count) capabilities\(note)")
        }
        layout.paragraph(Self.rule, indent: 0)
        for changes in QuestionnaireChanges.between(history) {
            layout.heading("From \(changes.from) to \(changes.to)")
            layout.line("  " + Self.counts(changes))
            section("Added", changes.added, in: versions, into: &layout)
            section("Retired", changes.retired, in: versions, into: &layout)
            if !changes.reworded.isEmpty {
                layout.line("")
                layout.line("  " + style.bold("Reworded") + " (the same capability, said more clearly)")
                layout.paragraph(changes.reworded.joined(separator: ", "), indent: 4)
            }
            if !changes.reweighted.isEmpty {
                layout.line("")
                layout.line("  " + style.bold("Weight changed"))
                for change in changes.reweighted { layout.line("    \(change.capability): \(change.from) → \(change.to)") }
            }
        }
        return layout.text
    }

    private func section(
        _ title: String, _ capabilities: [Capability], in versions: [Questionnaire], into layout: inout TextLayout
    ) {
        guard !capabilities.isEmpty, let newest = versions.first else { return }
        layout.line("")
        layout.line("  " + style.bold(title))
        for capability in capabilities {
            layout.line(
                "    \(capability.id) "
                    + style.dim("(\(newest.name(of: capability.marker)), \(newest.name(of: capability.phase)))"))
            layout.paragraph(capability.statement, indent: 6)
        }
    }

    /// "31 added, 30 retired, 20 reworded, 4 with another weight".
    static func counts(_ changes: QuestionnaireChanges) -> String {
        "\(changes.added.count) added, \(changes.retired.count) retired, \(changes.reworded.count) reworded, "
            + "\(changes.reweighted.count) with another weight"
    }

    package func markdown(_ history: [Questionnaire]) -> String {
        let e = Markdown.escape
        let versions = Self.newestFirst(history)
        guard let newest = versions.first else { return "" }
        var text = "# \(e(newest.title)): versions\n\n"
        text += Markdown.table(
            ["Version", "Capabilities"], versions.map { ["\($0.version)", "\($0.capabilities.count)"] })
        text += "\n\(e(Self.rule))\n"
        for changes in QuestionnaireChanges.between(history) {
            text += "\n## From \(changes.from) to \(changes.to)\n\n\(Self.counts(changes)).\n"
            for (title, capabilities) in [("Added", changes.added), ("Retired", changes.retired)] where !capabilities.isEmpty {
                text += "\n### \(title)\n\n"
                for capability in capabilities { text += "- `\(capability.id)`: \(e(capability.statement))\n" }
            }
            if !changes.reworded.isEmpty {
                text += "\n### Reworded\n\n" + changes.reworded.map { "`\($0)`" }.joined(separator: ", ") + "\n"
            }
            if !changes.reweighted.isEmpty {
                text += "\n### Weight changed\n\n"
                for change in changes.reweighted { text += "- `\(change.capability)`: \(change.from) → \(change.to)\n" }
            }
        }
        return text
    }

    /// `{"id", "versions": [{"version", "capabilities"}], "changes": [{"from", "to", "added",
    /// "retired", "reworded", "reweighted": [{"capability", "from", "to"}]}]}`, newest first.
    package func json(_ history: [Questionnaire]) -> String {
        let versions = Self.newestFirst(history)
        let changes = QuestionnaireChanges.between(history).map { changes -> JSONValue in
            .object(
                JSONObject([
                    "from": .string(changes.from.description), "to": .string(changes.to.description),
                    "added": .array(changes.added.map { .string($0.id) }),
                    "retired": .array(changes.retired.map { .string($0.id) }),
                    "reworded": .array(changes.reworded.map { .string($0) }),
                    "reweighted": .array(
                        changes.reweighted.map { change in
                            .object(
                                JSONObject([
                                    "capability": .string(change.capability), "from": .number(Double(change.from)),
                                    "to": .number(Double(change.to)),
                                ]))
                        }),
                ]))
        }
        let document = JSONValue.object(
            JSONObject([
                "id": .string(versions.first?.id ?? ""),
                "versions": .array(
                    versions.map { questionnaire in
                        .object(
                            JSONObject([
                                "version": .string(questionnaire.version.description),
                                "capabilities": .number(Double(questionnaire.capabilities.count)),
                            ]))
                    }),
                "changes": .array(changes),
            ]))
        return JSONWriter(pretty: true, sortedKeys: false).string(from: document) + "\n"
    }
}
