import LAERScoring

@testable import LAERValues

/// Four respondents of one organization, merged as `score --by organization` merges them: the
/// input of the merged report goldens, with notes, a wide and a narrow disagreement.
///
/// Ratings by respondent (levels 0–3), and the notes:
/// - k2: Ada 3, Ben 3, Cleo 0, Dev 3 (one dissent three levels away: notable, deviation 1.30);
///   Ada "Weekly usage dashboard", Cleo "Only for the top 20 accounts".
/// - c3: Ada 0, Ben 2, Cleo 2, Dev 0 (two camps: notable, deviation 1.00); Ben "Adoption bonus since Q3".
/// - k3: Ada 2, Ben 2, Cleo 0, Dev 2 (one dissent two levels away: a spread, not notable, 0.87).
/// - s3: Ada 1, Ben 2, Cleo 1, Dev 1 (within one level: no spread).
/// - p3: Ada N/A, Ben N/A, Cleo N/A, Dev 1 (N/A counted apart).
/// - the other items agree; s4 is unanswered by all (above the target, so not listed to verify).
enum MergedTeam {
    static let names = ["Ada Lovelace", "Ben Okafor", "Cleo Park", "Dev Rao"]
    static let roles = ["CRO", "VP Customer Success", "CFO", "Head of Sales"]

    static func assessments() -> [Assessment] {
        let k2: [Rating] = [.fully, .fully, .not, .fully]
        let c3: [Rating] = [.not, .largely, .largely, .not]
        let k3: [Rating] = [.largely, .largely, .not, .largely]
        let s3: [Rating] = [.partially, .largely, .partially, .partially]
        let p3: [Rating] = [.na, .na, .na, .partially]
        let notes: [[String: String]] = [
            ["k2": "Weekly usage dashboard"], ["c3": "Adoption bonus since Q3"], ["k2": "Only for the top 20 accounts"], [:],
        ]
        return names.indices.map { index in
            var answers: [String: Answer] = [
                "k2": Answer(k2[index]), "c3": Answer(c3[index]), "k3": Answer(k3[index]), "p3": Answer(p3[index]),
                "k4": Answer(.partially), "p2": Answer(.fully), "p4": Answer(.not), "c2": Answer(.fully),
                "c4": Answer(.not), "o2": Answer(.fully), "o3": Answer(.largely), "o4": Answer(.not),
                "s2": Answer(.largely), "s3": Answer(s3[index]),
            ]
            for (id, note) in notes[index] { answers[id]?.note = note }
            return Assessment(
                questionnaireID: "mini", questionnaireVersion: "1.0.0",
                respondent: Respondent(
                    name: names[index], role: roles[index], organization: index == 2 ? "ACME Corp." : "Acme Corp"),
                assessedOn: "2026-03-0\(index + 1)", period: "2026-Q1", answers: answers,
                placements: [.kpis: .laerEffective], roadSigns: ["sales-admits": true, "adoption-funded": index != 3])
        }
    }

    /// The merged result; `anonymized` merges without who said what, as `--anonymize` does, with
    /// pseudonyms for names.
    static func result(anonymized: Bool = false) throws -> (ScoreResult, Questionnaire) {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var merge = OrganizationMerge(
            key: OrganizationName.key("Acme Corp"), period: "2026-Q1", questionnaire: questionnaire, recordsWho: !anonymized)
        for (index, var assessment) in assessments().enumerated() {
            if anonymized { assessment.respondent = Respondent(name: "Respondent \(index + 1)", organization: "Acme Corp") }
            merge.add(assessment, source: "interviews/acme-\(index + 1).json")
        }
        return (Scorer(questionnaire: questionnaire).score(merge), questionnaire)
    }
}
