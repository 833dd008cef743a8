import LAERTestSupport
import Testing

@testable import LAERValues

@Suite struct SemanticVersionTests {
    @Test(arguments: ["1.0.0", "0.10.2", "2.0.0-rc.1", "1.2.3+build.7", "1.2.3-alpha-1+sha.5"])
    func acceptsSemanticVersions(text: String) throws {
        #expect(try #require(SemanticVersion(text)).description == text)
    }

    @Test(arguments: ["1.0", "v1.0.0", "01.0.0", "1.0.0.0", "1..0", "", "1.0.0-", "1.0.x", "1.0.0+a..b"])
    func rejectsOtherText(text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    @Test func readsTheParts() throws {
        let version = try #require(SemanticVersion("3.14.15-beta"))
        #expect((version.major, version.minor, version.patch, version.prerelease) == (3, 14, 15, "beta"))
    }
}

@Suite struct PhaseIDTests {
    @Test func numbersAndOrdersThePhases() {
        #expect(PhaseID.allCases.map(\.number) == [1, 2, 3, 4])
        #expect(PhaseID(number: 3) == .laerEffective)
        #expect(PhaseID(number: 5) == nil)
        #expect(PhaseID.traditionalTransactional < .laerEfficient)
        #expect(PhaseID.assessed == [.laerExperiment, .laerEffective, .laerEfficient])
    }
}
