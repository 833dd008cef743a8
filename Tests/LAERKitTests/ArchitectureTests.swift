import Foundation
import Testing

/// The layering of `Package.swift`, checked in the sources themselves: SwiftPM on Linux lets a
/// file import a module its target does not depend on (once that module is built), and only the
/// system and terminal rooms may talk to the operating system or write escape codes.
@Suite struct ArchitectureTests {
    static let sources = TestFiles.packageDirectory.appendingPathComponent("Sources")

    /// Each library target's declared dependencies, read from `Package.swift`.
    static func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: TestFiles.packageDirectory.appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try Regex(#"\.target\(\s*name: "(\w+)"(?:,\s*dependencies: \[([^\]]*)\])?"#)
        let quoted = try Regex(#""(\w+)""#)
        var result: [String: Set<String>] = [:]
        for match in manifest.matches(of: target) {
            let name = String(match.output[1].substring ?? "")
            let list = match.output[2].substring.map(String.init) ?? ""
            result[name] = Set(list.matches(of: quoted).compactMap { $0.output[1].substring.map(String.init) })
        }
        return result
    }

    /// Every Swift file of a target under `Sources/`, with its text.
    static func files(of target: String) throws -> [(name: String, text: String)] {
        let directory = sources.appendingPathComponent(target)
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return try walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map {
            ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8))
        }
    }

    static func imports(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.hasPrefix("import ") ? String(line.dropFirst("import ".count)) : nil
        }
    }

    @Test func everyImportIsADeclaredDependency() throws {
        let dependencies = try Self.declaredDependencies()
        #expect(dependencies["LAERValues"] == [])
        #expect(dependencies["LAERCommandLine"]?.contains("LAERSurvey") == true)
        var checked = 0
        for (target, allowed) in dependencies
        where FileManager.default.fileExists(atPath: Self.sources.appendingPathComponent(target).path) {
            for file in try Self.files(of: target) {
                for module in Self.imports(in: file.text) where module.hasPrefix("LAER") {
                    #expect(
                        allowed.contains(module), "\(target)/\(file.name) imports \(module), which \(target) does not depend on")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    /// Outside the system and terminal rooms, Glibc only for error texts (`strerror`) and, in
    /// the fast reader, `memcmp`.
    @Test func onlyTheSystemAndTheTerminalUseTheOperatingSystem() throws {
        let allowed: Set<String> = ["LoadError.swift", "OutputError.swift", "AnswerStoreError.swift", "FastAnswerReader.swift"]
        for target in try Self.declaredDependencies().keys where target != "LAERSystem" && target != "LAERTerminal" {
            for file in try Self.files(of: target) where Self.imports(in: file.text).contains("Glibc") {
                #expect(allowed.contains(file.name), "\(target)/\(file.name) imports Glibc")
            }
        }
    }

    @Test func onlyTheTerminalWritesEscapeCodes() throws {
        for target in try Self.declaredDependencies().keys where target != "LAERTerminal" {
            for file in try Self.files(of: target) {
                #expect(!file.text.contains("\\u{1B}"), "\(target)/\(file.name) writes an escape code")
            }
        }
    }
}
