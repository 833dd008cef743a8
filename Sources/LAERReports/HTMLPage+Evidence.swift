import LAERValues

// MARK: - Notes and spreads

extension HTMLPage {
    /// A capability's notes as a list, each after who wrote it; nil when it has none.
    func noteList(_ capability: String) -> String? {
        noteList(result.notes(on: capability))
    }

    /// Notes as a list, each after who wrote it; nil when there are none.
    func noteList(_ notes: [EvidenceNote]) -> String? {
        guard !notes.isEmpty else { return nil }
        let items = notes.map { "<li><span class=\"note-author\">\(e(narrative.noteLabel($0))):</span> \(e($0.note))</li>" }
        return "<ul class=\"notes\">" + items.joined() + "</ul>"
    }

    /// The notable spreads of a merged result, widest first, with the rule that picks them.
    var disagreementBox: String {
        let notable = narrative.notableSpreads
        let items = notable.map { spread in
            "<li>\(capabilityID(spread.capability)) \(e(statement(of: spread.capability))) "
                + "<span class=\"spread\">\(e(narrative.spreadSentence(spread)))</span></li>"
        }
        let more =
            narrative.moreNotableSpreads > 0
            ? "<li>And \(narrative.moreNotableSpreads) more, in the full table of ratings.</li>\n" : ""
        let list =
            notable.isEmpty
            ? "<p>\(e(narrative.noNotableSpreadSentence))</p>"
            : "<ul class=\"capabilities\">\n" + items.joined(separator: "\n") + "\n" + more + "</ul>\n"
                + "<p>\(e(Narrative.disagreementAdvice))</p>"
        return """
            <section class="callout" aria-labelledby="disagreement">
            <h2 id="disagreement">Where the respondents disagree</h2>
            \(list)
            <p class="rule">\(e(Narrative.notableRule)) <a href="#spreads">Go to the table of ratings.</a></p>
            </section>
            """
    }

    /// Every note, by marker in questionnaire order, under its capability and rating.
    var evidenceNotes: String {
        var html =
            "<section aria-labelledby=\"evidence\">\n<h2 id=\"evidence\">Evidence notes</h2>\n"
            + "<p>What the respondents wrote beside their ratings, \(result.notes.count) note\(result.notes.count == 1 ? "" : "s").</p>\n"
        for group in narrative.notesByMarker {
            html += "<h3>\(marker(group.marker))</h3>\n<ul class=\"evidence\">\n"
            for capability in group.capabilities {
                let rating = narrative.rating(of: capability.id).map {
                    " <span class=\"aside-inline\">rated \(Narrative.ratingName($0))</span>"
                }
                html +=
                    "<li>\(capabilityID(capability.id)) \(e(Narrative.short(statement(of: capability.id))))\(rating ?? "")"
                    + (noteList(capability.notes) ?? "") + "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>"
    }

    /// Every spread of a merged result as a table: the count per rating and N/A, the range, and who said what.
    func spreadTable(_ spreads: [RatingSpread]) -> String {
        let keepsWho = narrative.spreadsKeepWho
        let rows = spreads.map { spread in
            let label = "\(capabilityID(spread.capability)) \(e(Narrative.short(statement(of: spread.capability))))"
            let said =
                keepsWho
                ? [
                    "<ul class=\"said\">"
                        + spread.said.map { "<li>\(e($0.author)): \(Narrative.ratingName($0.rating))</li>" }.joined() + "</ul>"
                ]
                : []
            return HTML.row(
                [label] + spread.counts.map(String.init) + ["\(spread.notApplicable)", e(narrative.spreadRange(spread))] + said,
                classes: [nil, "num", "num", "num", "num", "num", "nowrap"])
        }
        let table = HTML.table(
            caption: Narrative.spreadsIntro,
            header: ["Capability", "Not", "Partially", "Largely", "Fully", "N/A", "Range"] + (keepsWho ? ["Who said what"] : []),
            numeric: [1, 2, 3, 4, 5], rows: rows, className: "spreads-table", id: "spreads-table")
        return """
            <section aria-labelledby="spreads">
            <h2 id="spreads">How the respondents rated</h2>
            \(table)\(keepsWho ? "" : "<p>\(e(Narrative.saidLeftOut))</p>\n")</section>
            """
    }

    /// The rules of the notes, the disagreement, the table of spreads and the blank notice, after the shared style sheet.
    static let evidenceStyle = """
        a { color: var(--accent); }
        .aside-inline { color: var(--muted); font-size: .88rem; white-space: nowrap; }
        .notes { list-style: none; margin: .35rem 0 .5rem; padding: .3rem 0 .3rem .8rem; border-left: 3px solid var(--rule); font-size: .92rem; }
        .notes li { margin-bottom: .2rem; overflow-wrap: anywhere; }
        .note-author { font-weight: 600; }
        .evidence > li { margin-bottom: .7rem; }
        .spread { display: block; font-size: .92rem; }
        .rule { font-size: .88rem; color: var(--muted); }
        .blank { margin: 1rem 0; padding: .7rem 1rem; border: 2px solid var(--warn-rule); border-radius: 6px; background: var(--warn-soft);
          color: var(--warn); font-weight: 600; }
        .explanation { font-size: .92rem; }
        .spreads-table .said { list-style: none; padding: 0; margin: 0; }
        .spreads-table .said li { margin: 0; white-space: nowrap; }
        .spreads-table tbody th { width: 30%; }

        """
}
