import Foundation
import Testing

/// What the scripts in `Tests/Browser` need: headless Chromium, its driver, selenium for the
/// system Python, and axe-core.
enum Browser {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    /// Debian's python3-selenium is installed for this Python only.
    static let python = "/usr/bin/python3"

    static let scriptsDirectory = TestFiles.packageDirectory.appendingPathComponent("Tests/Browser")

    /// Every `*_test.py` in `Tests/Browser`, so that a new script runs without a change here.
    static let scripts: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: scriptsDirectory.path)) ?? [])
        .filter { $0.hasSuffix("_test.py") }.sorted()

    /// axe-core's `axe.min.js`: `LAER_AXE`, else where `.ci/run` puts it.
    static var axe: String {
        ProcessInfo.processInfo.environment["LAER_AXE"]
            ?? TestFiles.packageDirectory.appendingPathComponent(".build/browser/axe.min.js").path
    }

    /// What is missing, each with the way to get it; empty when the scripts can run.
    static let missing: [String] = {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: chromium) { missing.append("\(chromium) (apt-get install chromium)") }
        if !FileManager.default.isExecutableFile(atPath: chromedriver) {
            missing.append("\(chromedriver) (apt-get install chromium-driver)")
        }
        let selenium =
            FileManager.default.isExecutableFile(atPath: python)
            ? (try? Subprocess.run(python, ["-c", "import selenium"], timeout: 60))?.status == 0 : false
        if !selenium { missing.append("selenium for \(python) (apt-get install python3-selenium)") }
        if !FileManager.default.isReadableFile(atPath: axe) {
            missing.append("axe-core at \(axe) (.ci/run fetches it, or set LAER_AXE)")
        }
        return missing
    }()

    /// Run when nothing is missing; else fail where `LAER_REQUIRE_BROWSER` is 1 (so that CI cannot
    /// pass by skipping), and skip elsewhere.
    enum Decision: Equatable { case run, fail, skip }

    static func decision(missing: [String], environment: [String: String]) -> Decision {
        if missing.isEmpty { return .run }
        return environment["LAER_REQUIRE_BROWSER"] == "1" ? .fail : .skip
    }

    static var current: Decision { decision(missing: missing, environment: ProcessInfo.processInfo.environment) }
}

/// Runs each browser script against the built `laer`: every HTML report in headless Chromium,
/// checked by axe-core, and whatever else the scripts check.
@Suite struct BrowserTests {
    @Test func theScriptsAreFoundAndTheRequirementDecides() {
        #expect(Browser.scripts.contains("reports_test.py"), "\(Browser.scripts)")
        #expect(Browser.decision(missing: [], environment: ["LAER_REQUIRE_BROWSER": "1"]) == .run)
        #expect(Browser.decision(missing: [], environment: [:]) == .run)
        #expect(Browser.decision(missing: ["chromium"], environment: ["LAER_REQUIRE_BROWSER": "1"]) == .fail)
        #expect(Browser.decision(missing: ["chromium"], environment: ["LAER_REQUIRE_BROWSER": "0"]) == .skip)
        #expect(Browser.decision(missing: ["chromium"], environment: [:]) == .skip)
    }

    @Test(
        .enabled(
            if: Browser.current != .skip,
            "needs chromium, chromium-driver and python3-selenium (apt-get install) and axe-core (.ci/run fetches it, or set LAER_AXE); with LAER_REQUIRE_BROWSER=1 this fails instead"
        ),
        .timeLimit(.minutes(10)),
        arguments: Browser.scripts)
    func script(_ name: String) throws {
        try #require(Browser.missing.isEmpty, "missing: \(Browser.missing.joined(separator: "; "))")
        let environment = ProcessInfo.processInfo.environment
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("laer-browser-\(UUID().uuidString)")
        let artifacts = environment["LAER_BROWSER_ARTIFACTS"].map { URL(fileURLWithPath: $0) } ?? scratch
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let result = try Subprocess.run(
            Browser.python, [Browser.scriptsDirectory.appendingPathComponent(name).path],
            environment: [
                "LAER_BINARY": BinaryTests.binary.path, "LAER_AXE": Browser.axe, "LAER_BROWSER_ARTIFACTS": artifacts.path,
                "PATH": environment["PATH"] ?? "/usr/bin:/bin", "HOME": environment["HOME"] ?? scratch.path,
                // No __pycache__ in the source tree.
                "PYTHONDONTWRITEBYTECODE": "1",
            ],
            timeout: 600)
        #expect(result.status != 128 + SIGKILL, "\(name) took more than 600 s")
        #expect(
            result.status == 0,
            "\(name) exited with \(result.status); screenshots in \(artifacts.path)\n\(result.output)\(result.errorOutput)")
        if result.status == 0 { try? FileManager.default.removeItem(at: scratch) }
    }
}
