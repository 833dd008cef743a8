import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERSystem
@testable import LAERValues

/// Loading errors, checked against the exact messages a user reads.
@Suite struct QuestionnaireLoaderTests {
    func problems(_ text: String) throws -> [String] {
        let check = QuestionnaireLoader.check(try JSONParser.parse(text))
        return check.problems.map(\.description)
    }

    func problems(replacing replacements: [(String, String)]) throws -> [String] {
        try problems(TestFiles.fixtureText("mini-questionnaire.json", replacing: replacements))
    }

    @Test func referencesAreReadAndCitedByAuthorTitleAndDateUndatedOnesWithoutOne() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        #expect(questionnaire.references.map(\.file) == ["001.txt", "002.txt", "003.txt"])
        let stated = SourceNote(file: "001.txt", basis: .stated, note: "N.")
        #expect(questionnaire.sourceSummary(of: stated) == "stated in Ada Author, “One Article” (2019-05-01)")
        let inferred = SourceNote(file: "002.txt", basis: .inferred, note: "N.")
        #expect(questionnaire.sourceSummary(of: inferred) == "inferred from Example Institute, “Two Article”")
        // A file with no reference is named as it is, the warning below having said so.
        #expect(questionnaire.citation(of: SourceNote(file: "009.txt", basis: .stated, note: "N.")) == "009.txt")
    }

    @Test func aSourceWithoutAReferenceIsAWarningAndATwiceReferencedFileAnError() throws {
        let unreferenced = try problems(
            TestFiles.fixtureText(
                "mini-questionnaire.json",
                replacing: [
                    (
                        #"{"file": "003.txt", "title": "Three Guide", "author": "Guide Maker", "date": "2020"}"#,
                        #"{"file": "004.txt", "title": "Four", "author": "X", "date": "undated"}"#
                    )
                ]))
        #expect(
            unreferenced == [
                #"capabilities[3].source.file: warning: "003.txt" has no entry in references; add one with its title, author and date, so that the survey and the reports can name the work rather than the file"#
            ])
        let twice = try problems(
            TestFiles.fixtureText(
                "mini-questionnaire.json",
                replacing: [(#""file": "003.txt", "title": "Three Guide""#, #""file": "002.txt", "title": "Three Guide""#)]))
        #expect(twice.first == #"references[2].file: "002.txt" has a reference already; keep one"#)
        let incomplete = try problems(
            TestFiles.fixtureText("mini-questionnaire.json", replacing: [(#", "date": "2020"}"#, "}")]))
        #expect(
            incomplete.first
                == #"references[2].date: missing; add when it was published (YYYY-MM-DD, a year, or "undated")"#)
    }

    @Test func theMiniFixtureLoadsWithoutProblems() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        #expect(questionnaire.id == "mini")
        #expect(questionnaire.capabilities.count == 15)
        #expect(questionnaire.capability("k3")?.dependsOn == ["k2"])
        #expect(questionnaire.capability("k4")?.motions == [.expand, .renew])
        #expect(questionnaire.marker(.kpis)?.profiles[.laerEfficient] == "Lifetime value.")
        #expect(try problems(TestFiles.fixtureText("mini-questionnaire.json")) == [])
    }

    @Test func aSyntaxErrorNamesTheFileLineAndColumn() throws {
        let file = InputFile(displayName: "Questionnaires/x.json", bytes: Array("{\n  \"id\": \"x\",\n}".utf8))
        #expect(
            throws: LoadError.syntax(
                file: "Questionnaires/x.json",
                JSONSyntaxError(line: 3, column: 1, message: "a trailing comma before '}' is not allowed in JSON"))
        ) {
            try QuestionnaireLoader.load(file)
        }
        let error = LoadError.syntax(
            file: "Questionnaires/x.json",
            JSONSyntaxError(line: 3, column: 1, message: "a trailing comma before '}' is not allowed in JSON"))
        #expect(
            error.description
                == "Questionnaires/x.json: line 3, column 1: a trailing comma before '}' is not allowed in JSON; fix the JSON at that place"
        )
        #expect(error.exitCode == .dataError)
    }

    @Test func anInvalidDocumentListsEveryErrorPrefixedWithTheFile() throws {
        let text = try TestFiles.fixtureText(
            "mini-questionnaire.json",
            replacing: [
                (#""id": "k2", "marker": "kpis""#, #""id": "k2", "marker": "kpiz""#),
                (#""version": "1.0.0""#, #""version": "1.0""#),
            ])
        do {
            _ = try QuestionnaireLoader.load(InputFile(displayName: "Questionnaires/x.json", bytes: Array(text.utf8)))
            Issue.record("expected the load to fail")
        } catch {
            #expect(error.exitCode == .dataError)
            #expect(
                error.description == """
                    Questionnaires/x.json: version: "1.0" is not a semantic version; write MAJOR.MINOR.PATCH, such as "1.0.0"
                    Questionnaires/x.json: capabilities[0].marker: "kpiz" is not a marker; expected one of kpis, practices, compensation, organization, culture (did you mean "kpis"?)
                    """)
        }
    }

    @Test func theRootMustBeAnObject() throws {
        #expect(try problems("[1, 2]") == ["expected a questionnaire (a JSON object), found an array"])
    }

    @Test func aMissingFileSaysSoWithExitCode66() {
        #expect(throws: LoadError.self) { try InputFile.read(path: "/nonexistent/q.json") }
        do {
            _ = try InputFile.read(path: "/nonexistent/q.json")
        } catch {
            #expect(error.description == "/nonexistent/q.json: no such file; check the path and the current directory")
            #expect(error.exitCode == .noInput)
        }
    }

    @Test func aDirectoryIsNotAFile() {
        do {
            _ = try InputFile.read(path: "/tmp")
            Issue.record("expected an error")
        } catch {
            #expect(error == .isDirectory(path: "/tmp"))
            #expect(error.exitCode == .noInput)
        }
    }
}

/// One test per validation rule: each edit of the valid fixture must produce exactly the problem named.
@Suite struct QuestionnaireValidationRuleTests {
    static let rules: [(String, [(String, String)], String)] = [
        (
            "unknown marker", [(#""id": "k2", "marker": "kpis""#, #""id": "k2", "marker": "kpiz""#)],
            #"capabilities[0].marker: "kpiz" is not a marker; expected one of kpis, practices, compensation, organization, culture (did you mean "kpis"?)"#
        ),
        (
            "unknown phase",
            [
                (
                    #""id": "k4", "marker": "kpis", "phase": "laer-efficient""#,
                    #""id": "k4", "marker": "kpis", "phase": "laer-eficient""#
                )
            ],
            #"capabilities[2].phase: "laer-eficient" is not a phase; expected one of laer-experiment, laer-effective, laer-efficient (did you mean "laer-efficient"?)"#
        ),
        (
            "capability in the first phase",
            [
                (
                    #""id": "k4", "marker": "kpis", "phase": "laer-efficient""#,
                    #""id": "k4", "marker": "kpis", "phase": "traditional-transactional""#
                )
            ],
            "capabilities[2].phase: capabilities belong to the phases above the first; expected one of laer-experiment, laer-effective, laer-efficient"
        ),
        (
            "duplicate id", [(#""id": "p3""#, #""id": "p2""#)],
            #"capabilities[4].id: "p2" is already the id of capabilities[3]; ids must be unique"#
        ),
        (
            "weight above 3",
            [
                (
                    #""statement": "We track retention.", "help": "A report.", "action": "Write one.", "weight": 3"#,
                    #""statement": "We track retention.", "help": "A report.", "action": "Write one.", "weight": 4"#
                )
            ],
            "capabilities[1].weight: 4 is outside 1–3; use 1, 2 or 3"
        ),
        (
            "fractional weight", [(#""action": "Build one.", "weight": 2"#, #""action": "Build one.", "weight": 1.5"#)],
            "capabilities[0].weight: 1.5 is outside 1–3; use 1, 2 or 3"
        ),
        (
            "unknown motion", [(#""motions": ["expand", "renew"]"#, #""motions": ["expand", "renewal"]"#)],
            #"capabilities[2].motions[1]: "renewal" is not a motion; expected one of land, adopt, expand, renew (did you mean "renew"?)"#
        ),
        (
            "no motion", [(#""motions": ["expand", "renew"]"#, #""motions": []"#)],
            "capabilities[2].motions: is empty; name at least one of land, adopt, expand, renew"
        ),
        (
            "phases not the four",
            [
                (
                    #"{"id": "laer-efficient", "name": "LAER Efficient"}"#,
                    #"{"id": "laer-effective", "name": "LAER Efficient again"}"#
                )
            ],
            "phases: must be exactly the four phases in order (traditional-transactional, laer-experiment, laer-effective, laer-efficient); found traditional-transactional, laer-experiment, laer-effective, laer-effective"
        ),
        (
            "thresholds out of order",
            [(#""scoring": {"reach": 0.5, "consolidate": 0.85}"#, #""scoring": {"reach": 0.9, "consolidate": 0.85}"#)],
            "scoring: thresholds are out of order: consolidate (0.85) must be at least reach (0.9)"
        ),
        (
            "threshold outside 0–1",
            [(#""scoring": {"reach": 0.5, "consolidate": 0.85}"#, #""scoring": {"reach": 0.5, "consolidate": 85}"#)],
            "scoring.consolidate: 85 is outside (0, 1]; use a fraction such as 0.5"
        ),
        (
            "version not semver", [(#""version": "1.0.0""#, #""version": "v1""#)],
            #"version: "v1" is not a semantic version; write MAJOR.MINOR.PATCH, such as "1.0.0""#
        ),
        (
            "marker missing a profile", [(#""laer-effective": "O3.", "#, "")],
            #"markers[3].profiles.laer-effective: missing; add what organization looks like in the laer-effective phase"#
        ),
        (
            "cell with no capability",
            [
                (
                    #""id": "s3", "marker": "culture", "phase": "laer-effective""#,
                    #""id": "s3", "marker": "culture", "phase": "laer-efficient""#
                )
            ],
            #"capabilities: no capability for marker "culture" in phase "laer-effective"; every marker needs at least one in each phase above the first, or that phase can never be reached"#
        ),
        (
            "duplicate and missing marker",
            [
                (
                    #"{"id": "culture", "name": "Selling culture", "profiles": {"traditional-transactional": "S1.", "laer-experiment": "S2.", "laer-effective": "S3.", "laer-efficient": "S4."}}"#,
                    #"{"id": "kpis", "name": "KPIs twice", "profiles": {"traditional-transactional": "S1.", "laer-experiment": "S2.", "laer-effective": "S3.", "laer-efficient": "S4."}}"#
                )
            ],
            #"markers[4].id: marker "kpis" appears more than once; keep one"# + "\n"
                + #"markers: marker "culture" is missing; add it with a name and a profile for each phase"#
        ),
        (
            "unknown dependency", [(#""dependsOn": ["k2"]"#, #""dependsOn": ["k22"]"#)],
            #"capabilities[1].dependsOn[0]: "k22" is not the id of any capability"#
        ),
        (
            "self dependency", [(#""dependsOn": ["k2"]"#, #""dependsOn": ["k3"]"#)],
            #"capabilities[1].dependsOn[0]: a capability cannot depend on itself; remove "k3""#
        ),
        (
            "dependency cycle",
            [
                (
                    #""id": "k2", "marker": "kpis", "phase": "laer-experiment", "statement": "We track usage.", "help": "A dashboard.", "action": "Build one.", "weight": 2, "motions": ["adopt"], "researchArea": "Customer Success", "source": {"file": "002.txt", "basis": "stated", "note": "Says so."}"#,
                    #""id": "k2", "marker": "kpis", "phase": "laer-experiment", "statement": "We track usage.", "help": "A dashboard.", "action": "Build one.", "weight": 2, "motions": ["adopt"], "researchArea": "Customer Success", "source": {"file": "002.txt", "basis": "stated", "note": "Says so."}, "dependsOn": ["k3"]"#
                )
            ],
            "capabilities[0].dependsOn: dependencies form a cycle (k2 → k3 → k2); remove one of them"
        ),
        (
            "wrong schema", [(#""schema": "laer-questionnaire/1""#, #""schema": "laer-questionnaire/2""#)],
            #"schema: "laer-questionnaire/2" is a version of the questionnaire format this laer does not read; it reads laer-questionnaire/1: upgrade laer or convert the file"#
        ),
        (
            "missing statement", [(#""statement": "P2.", "#, "")],
            "capabilities[3].statement: missing; add the statement to rate"
        ),
        (
            "empty action", [(#""action": "Model it.""#, #""action": "  ""#)],
            "capabilities[2].action: is empty; write the first concrete step to build it"
        ),
        (
            "wrong type", [(#""researchArea": "Renewals""#, #""researchArea": 7"#)],
            "capabilities[1].researchArea: expected the research area that owns it (a string), found a number"
        ),
        (
            "unknown basis", [(#""basis": "inferred", "note": "Implied.""#, #""basis": "guessed", "note": "Implied.""#)],
            #"capabilities[1].source.basis: "guessed" is not a basis; expected one of stated, inferred"#
        ),
        (
            "bad id", [(#""id": "k4""#, #""id": "k 4""#)],
            #"capabilities[2].id: "k 4" is not a usable id; use letters, digits, '.', '_' and '-', starting with a letter or digit"#
        ),
        (
            "duplicate road sign", [(#""id": "adoption-funded""#, #""id": "sales-admits""#)],
            #"roadSigns[1].id: "sales-admits" appears more than once; road sign ids must be unique"#
        ),
        (
            "duplicate member", [(#""title": "Mini questionnaire","#, #""title": "Mini questionnaire", "title": "Again","#)],
            "title: appears more than once; keep one"
        ),
        (
            "unknown member is a warning",
            [(#""weight": 2, "motions": ["adopt"]"#, #""wieght": 2, "weight": 2, "motions": ["adopt"]"#)],
            #"capabilities[0].wieght: warning: unknown member "wieght" is ignored (did you mean "weight"?)"#
        ),
    ]

    @Test(arguments: 0..<rules.count)
    func eachRuleReportsExactlyItsProblem(index: Int) throws {
        let (_, replacements, expected) = Self.rules[index]
        let text = try TestFiles.fixtureText("mini-questionnaire.json", replacing: replacements)
        let check = QuestionnaireLoader.check(try JSONParser.parse(text))
        #expect(check.problems.map(\.description).joined(separator: "\n") == expected, "rule: \(Self.rules[index].0)")
        #expect((check.questionnaire == nil) == !expected.contains(": warning:"))
    }

    @Test func severalProblemsAreAllReportedInOneRun() throws {
        let text = try TestFiles.fixtureText(
            "mini-questionnaire.json",
            replacing: [
                (#""version": "1.0.0""#, #""version": "one""#),
                (#""id": "k2", "marker": "kpis""#, #""id": "k2", "marker": "kpiz""#),
                (#""id": "p3""#, #""id": "p2""#),
                (#""action": "Model it.", "weight": 1"#, #""action": "Model it.", "weight": 0"#),
                (#""scoring": {"reach": 0.5, "consolidate": 0.85}"#, #""scoring": {"reach": 0.9, "consolidate": 0.6}"#),
                (#""laer-efficient": "P4.""#, #""laer-eficient": "P4.""#),
            ])
        let problems = QuestionnaireLoader.check(try JSONParser.parse(text)).problems.map(\.description)
        #expect(
            problems == [
                #"version: "one" is not a semantic version; write MAJOR.MINOR.PATCH, such as "1.0.0""#,
                "markers[1].profiles.laer-efficient: missing; add what practices looks like in the laer-efficient phase",
                #"markers[1].profiles.laer-eficient: "laer-eficient" is not a phase; expected one of traditional-transactional, laer-experiment, laer-effective, laer-efficient (did you mean "laer-efficient"?)"#,
                #"capabilities[0].marker: "kpiz" is not a marker; expected one of kpis, practices, compensation, organization, culture (did you mean "kpis"?)"#,
                "capabilities[2].weight: 0 is outside 1–3; use 1, 2 or 3",
                #"capabilities[4].id: "p2" is already the id of capabilities[3]; ids must be unique"#,
                "scoring: thresholds are out of order: consolidate (0.6) must be at least reach (0.9)",
            ])
    }
}
