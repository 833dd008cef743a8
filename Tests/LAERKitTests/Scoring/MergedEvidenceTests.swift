import Testing

@testable import LAERDocuments
@testable import LAERScoring
@testable import LAERValues

/// What a merged result keeps of its respondents: ratings, notes with who wrote them, spreads.
@Suite struct MergedEvidenceTests {
    @Test func spreadsAreWidestFirstWithCountsAndWhoSaidWhat() throws {
        let (result, _) = try MergedTeam.result()
        #expect(result.respondents == 4)
        #expect(result.disagreement == ["k2", "c3", "k3"])
        let k2 = try #require(result.spreads?.first)
        #expect(k2.counts == [1, 0, 0, 3] && k2.lowest == .not && k2.highest == .fully && k2.span == 3)
        #expect(abs(k2.deviation - 1.299) < 0.001 && k2.isNotable)
        #expect(k2.said.map(\.author) == MergedTeam.names && k2.said.map(\.rating) == [.fully, .fully, .not, .fully])
        let c3 = try #require(result.spreads?[1])
        #expect(c3.counts == [2, 0, 2, 0] && abs(c3.deviation - 1) < 1e-9 && c3.isNotable)
        let k3 = try #require(result.spreads?[2])
        #expect(abs(k3.deviation - 0.866) < 0.001 && !k3.isNotable)
    }

    @Test func ratingsAreTheRatingNearestTheMeanAndNAOnlyWhereAllSaidIt() throws {
        let (result, _) = try MergedTeam.result()
        let ratings = Dictionary(uniqueKeysWithValues: result.ratings.map { ($0.capability, $0.rating) })
        // k2: (1 + 1 + 0 + 1) / 4 = 0.75, nearest 2/3: largely. c3: (0 + 2/3 + 2/3 + 0) / 4 = 1/3: partially.
        #expect(ratings["k2"] == .largely && ratings["c3"] == .partially)
        // p3: three N/A and one partially: the one value counts.
        #expect(ratings["p3"] == .partially)
        #expect(ratings["s4"] == nil && result.ratings.first?.capability == "k2")
    }

    @Test func notesKeepWhoWroteThemInQuestionnaireOrder() throws {
        let (result, _) = try MergedTeam.result()
        #expect(
            result.notes == [
                EvidenceNote(capability: "k2", note: "Weekly usage dashboard", author: "Ada Lovelace"),
                EvidenceNote(capability: "k2", note: "Only for the top 20 accounts", author: "Cleo Park"),
                EvidenceNote(capability: "c3", note: "Adoption bonus since Q3", author: "Ben Okafor"),
            ])
    }

    @Test func anonymizedMergesKeepPseudonymsOnNotesButNotWhoSaidWhat() throws {
        let (result, _) = try MergedTeam.result(anonymized: true)
        #expect(result.notes.map(\.author) == ["Respondent 1", "Respondent 3", "Respondent 2"])
        #expect(result.spreads?.allSatisfy(\.said.isEmpty) == true && result.disagreement == ["k2", "c3", "k3"])
    }

    /// A trend's merges keep neither notes nor who said what, and still their spreads.
    @Test func aMergeThatKeepsNoNotesKeepsNoneAndNoAuthors() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var merge = OrganizationMerge(
            key: "acme corp", period: "2026-Q1", questionnaire: questionnaire, recordsWho: false, keepsNotes: false)
        for assessment in MergedTeam.assessments() { merge.add(assessment, source: "x") }
        let result = Scorer(questionnaire: questionnaire).score(merge)
        #expect(result.notes.isEmpty && merge.noteText(at: 0) == nil)
        #expect(result.spreads?.allSatisfy(\.said.isEmpty) == true && result.disagreement == ["k2", "c3", "k3"])
    }

    @Test func theFastReaderYieldsNotesByPositionOnlyWhenAsked() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let bytes = Array(
            #"{"schema": "laer-answers/1", "questionnaire": {"id": "mini", "version": "1.0.0"}, "assessedOn": "2026-11-25", "answers": {"k2": {"rating": "fully", "note": "Usage dashboard, weekly."}, "k3": "largely"}}"#
                .utf8)
        let reader = FastAnswerReader(questionnaire: questionnaire)
        let kept = try #require(reader.read(bytes, keepingAnswers: false))
        #expect(kept.notes == [PositionedNote(position: 0, text: "Usage dashboard, weekly.")])
        #expect(kept.assessment.answers.isEmpty)
        #expect(try #require(reader.read(bytes, keepingAnswers: false, keepingNotes: false)).notes.isEmpty)
    }

    @Test func aSingleResultCarriesItsRatingsAndNotesWithoutAuthor() throws {
        let assessment = MergedTeam.assessments()[0]
        let result = Scorer(questionnaire: try TestFiles.miniQuestionnaire()).score(assessment, source: "a.json")
        #expect(result.ratings.count == 14 && result.ratings.first == CapabilityRating(capability: "k2", rating: .fully))
        #expect(result.notes == [EvidenceNote(capability: "k2", note: "Weekly usage dashboard")])
        #expect(result.spreads == nil && !result.isBlank)
    }

    @Test func aSpreadNeedsTwoLevelsBetweenTheLowestAndHighest() throws {
        #expect(RatingSpread(capability: "x", counts: [1, 2, 0, 0], notApplicable: 0, said: []) == nil)
        #expect(RatingSpread(capability: "x", counts: [0, 1, 0, 1], notApplicable: 2, said: [])?.notApplicable == 2)
        // Two of six two levels from the rest: notable; one of six: not.
        #expect(RatingSpread(capability: "x", counts: [2, 0, 4, 0], notApplicable: 0, said: [])?.isNotable == true)
        #expect(RatingSpread(capability: "x", counts: [1, 0, 5, 0], notApplicable: 0, said: [])?.isNotable == false)
    }
}
