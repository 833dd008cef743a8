import LAERDocuments
import LAERFormats
import LAERValues

/// The answer file's two readers and its encoder.
///
/// - When the fast reader accepts bytes, the full path reads them without a problem to the same
///   assessment, and its lean read (ratings and notes by position) says the same.
/// - What the full path reads without an error, written by `AssessmentEncoder` (as the survey
///   saves it), reads back to the same assessment.
/// - A batch's look-up of a document's version (`AnswerLoader.version(of:in:)`) picks the
///   version that reading it picks.
enum AnswersTarget {
    static func check(_ bytes: [UInt8], messages: MessageCheck) throws(FuzzFailure) {
        let file = InputFile(displayName: "fuzz.json", bytes: bytes)
        let questionnaire = FuzzFixtures.newest
        let full = AnswerLoader.read(file, questionnaire: questionnaire)
        try messages.check(full.problems, of: bytes)
        try checkFastReader(bytes, full: full, reader: FuzzFixtures.readers[0])
        if let assessment = full.assessment {
            try expect(
                full.problems.errors.isEmpty, .answers, "the full path gives an assessment and errors",
                "\(full.problems.errors)\ninput: \(shown(bytes))")
            try checkRoundTrip(assessment, questionnaire: questionnaire, input: bytes, target: .answers)
        }
        let catalog = FuzzFixtures.catalog
        let read = AnswerLoader.readAll(file, in: catalog)
        let looked = AnswerLoader.version(of: file, in: catalog)
        // A file that is no JSON reads with the newest version, though its first bytes may name
        // another: the syntax error is the same with either, so only a document is held to this.
        try expect(
            read.version == looked || (try? JSONParser.parse(bytes)) == nil, .answers,
            "the version looked up is not the version read",
            "looked up \(catalog.questionnaires[looked].version), read with \(catalog.questionnaires[read.version].version)\ninput: \(shown(bytes))"
        )
        if read.version != 0 {
            try checkFastReader(
                bytes, full: AnswerLoader.read(file, questionnaire: catalog.questionnaires[read.version]),
                reader: FuzzFixtures.readers[read.version])
        }
    }

    static func checkFastReader(
        _ bytes: [UInt8], full: (assessment: Assessment?, problems: [Problem]), reader: FastAnswerReader
    ) throws(FuzzFailure) {
        let fast = reader.read(bytes)
        let lean = reader.read(bytes, keepingAnswers: false)
        let unnoted = reader.read(bytes, keepingAnswers: false, keepingNotes: false)
        try expect(
            (fast == nil) == (lean == nil) && (fast == nil) == (unnoted == nil), .answers,
            "the fast reader accepts the bytes in one mode and not in another", shown(bytes))
        guard let fast, let lean else { return }
        try expect(
            full.problems.isEmpty, .answers, "the fast reader accepts what the full path finds problems in",
            "\(full.problems)\ninput: \(shown(bytes))")
        try expect(
            full.assessment == fast, .answers, "the fast reader and the full path read different assessments",
            "fast: \(fast)\nfull: \(String(describing: full.assessment))\ninput: \(shown(bytes))")
        var leanAssessment = lean.assessment
        leanAssessment.answers = fast.answers
        try expect(
            leanAssessment == fast, .answers, "the lean read differs from the fast read but for its answers", shown(bytes))
        let capabilities = reader.questionnaire.capabilities
        let ratings = capabilities.map { fast.answers[$0.id]?.rating }
        try expect(
            lean.ratings == ratings, .answers, "the ratings by position differ from the answers",
            "by position: \(lean.ratings)\nanswers: \(ratings)\ninput: \(shown(bytes))")
        let notes = capabilities.indices.compactMap { position in
            fast.answers[capabilities[position].id]?.note.flatMap {
                $0.isEmpty ? nil : PositionedNote(position: position, text: $0)
            }
        }
        try expect(
            lean.notes == notes, .answers, "the notes by position differ from the answers' notes",
            "by position: \(lean.notes)\nanswers: \(notes)\ninput: \(shown(bytes))")
    }

    /// `assessment` written as the survey saves it reads back the same, by the full path and by
    /// the fast reader when that accepts it.
    static func checkRoundTrip(
        _ assessment: Assessment, questionnaire: Questionnaire, input: [UInt8], target: FuzzTarget
    ) throws(FuzzFailure) {
        let encoded = AssessmentEncoder.encode(assessment, questionnaire: questionnaire)
        let reread = AnswerLoader.read(InputFile(displayName: "encoded.json", bytes: encoded), questionnaire: questionnaire)
        try expect(
            reread.problems.errors.isEmpty, target, "an assessment laer read, written as the survey saves it, does not read back",
            "\(reread.problems.errors)\nwritten: \(shown(encoded))\ninput: \(shown(input))")
        let expected = written(assessment, questionnaire: questionnaire)
        try expect(
            reread.assessment == expected, target, "an assessment written as the survey saves it reads back different",
            "read: \(expected)\nread back: \(String(describing: reread.assessment))\nwritten: \(shown(encoded))\ninput: \(shown(input))"
        )
        let fast = FastAnswerReader(questionnaire: questionnaire).read(encoded)
        try expect(
            fast == nil || fast == expected, target, "the fast reader reads an encoded assessment differently",
            "fast: \(String(describing: fast))\nwritten: \(shown(encoded))")
    }

    /// What `AssessmentEncoder` promises to keep of an assessment: text that is not blank, and
    /// answers, placements and road signs of the questionnaire.
    static func written(_ assessment: Assessment, questionnaire: Questionnaire) -> Assessment {
        func given(_ text: String?) -> String? { text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } }
        var kept = assessment
        kept.respondent = Respondent(
            name: given(assessment.respondent.name), role: given(assessment.respondent.role),
            organization: given(assessment.respondent.organization))
        kept.period = given(assessment.period)
        kept.answers = assessment.answers.filter { questionnaire.hasCapability($0.key) }.mapValues { answer in
            Answer(answer.rating, note: given(answer.note))
        }
        let signs = Set(questionnaire.roadSigns.map(\.id))
        kept.roadSigns = assessment.roadSigns.filter { signs.contains($0.key) }
        return kept
    }
}
