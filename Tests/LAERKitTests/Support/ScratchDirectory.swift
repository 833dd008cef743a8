import Foundation
import Glibc

/// A fresh directory under the temporary directory for one test, removed with all it holds when
/// the test lets go of it (made writable first, for tests that take the write bit away).
final class ScratchDirectory {
    let path: String
    var url: URL { URL(fileURLWithPath: path) }

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("laer-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` in the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// The folder `name` in the directory, made with its parents.
    func directory(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: true)
        return file(name)
    }

    /// Writes `text` as the file `name`, making its folders.
    func write(_ name: String, _ text: String = "{}") throws {
        let url = URL(fileURLWithPath: file(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// The names in the directory, sorted.
    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    /// The bytes of the file `name`, or nil when there is none.
    func bytes(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: file(name)).map { Array($0) } }
}
